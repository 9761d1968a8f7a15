import fc from 'fast-check'
import examples from 'libphonenumber-js/examples.mobile.json'
import { parsePhoneNumberFromString } from 'libphonenumber-js/max'
import metadata from 'libphonenumber-js/metadata.max.json'
import { describe, expect, it } from 'vitest'
import { type CountryCode, parsePhone } from './index.ts'

// Seeded fuzzing across every country of the metadata: the port must agree with the library on
// number-like and arbitrary text, never throw, be deterministic, and be stable on its own output.

const SEED = 424_242
const COUNTRIES = Object.keys(metadata.countries) as CountryCode[]
const CALLING_CODES = [
  ...Object.keys(metadata.country_calling_codes),
  ...Object.keys(metadata.nonGeographic ?? {}),
]
const rows = metadata.countries as unknown as Record<string, readonly unknown[]>
const EXAMPLES = examples as unknown as Record<string, string>

function oracle(input: string, country?: CountryCode): string | null {
  const p = parsePhoneNumberFromString(input, country)
  if (!p?.isValid()) return null
  return p.ext ? `${p.number} ext ${p.ext}` : p.number
}

function port(input: string, country?: CountryCode): string | null {
  const p = parsePhone(input, country)
  if (p === null) return null
  return p.ext ? `${p.e164} ext ${p.ext}` : p.e164
}

const SEPARATORS = ['', ' ', '-', '.', '/', ' - ', '\u00a0', '\u2011', ')(', '  ']
const EXTENSIONS = [
  '',
  '',
  '',
  ' ext. 12',
  ' x3',
  '#45',
  ',,9',
  ';ext=7',
  ' - 503#',
  ' ~12',
  ' доб 4',
]
const BEFORE = ['', '', '', "'", ' ', '(', 'Tel: ', '\u202a', '++', '*', '＋']
const AFTER = ['', '', '', ' ', ')', ' (mobile)', '\u202c', '#', '.', '/']

/** Number-like text built around a country's example number, with the ways people mangle it. */
function numberText(country: string) {
  const row = rows[country] as readonly unknown[]
  const cc = row[0] as string
  const trunk = typeof row[5] === 'string' ? row[5] : ''
  const example = EXAMPLES[country] ?? '2345678'
  return fc
    .record({
      style: fc.integer({ min: 0, max: 11 }),
      digits: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 3, maxLength: 3 }),
      at: fc.array(fc.nat(), { minLength: 3, maxLength: 3 }),
      cut: fc.constantFrom(0, 0, 0, 0, 0, -1, 1, -2, 2, -3, 3),
      sep: fc.constantFrom(...SEPARATORS),
      ext: fc.constantFrom(...EXTENSIONS),
      before: fc.constantFrom(...BEFORE),
      after: fc.constantFrom(...AFTER),
      otherCc: fc.constantFrom(...CALLING_CODES),
    })
    .map((r) => {
      let nsn = example
      for (let i = 0; i < r.digits.length; i++) {
        // Mostly the subscriber digits, so that many variants stay valid.
        const at =
          i === 0 ? (r.at[i] as number) % nsn.length : nsn.length - 1 - ((r.at[i] as number) % 4)
        if (i < 2) nsn = nsn.slice(0, at) + String(r.digits[i]) + nsn.slice(at + 1)
      }
      if (r.cut < 0) nsn = nsn.slice(0, nsn.length + r.cut)
      else nsn += r.digits.join('').slice(0, r.cut)
      const grouped = nsn.replace(/(\d{3})(?=\d)/g, `$1${r.sep}`)
      const body = [
        `+${cc}${r.sep}${grouped}`,
        `${trunk}${grouped}`,
        grouped,
        `${cc}${grouped}`,
        `00${cc} ${grouped}`,
        `011 ${cc} ${grouped}`,
        `+${cc} (${trunk || '0'}) ${grouped}`,
        `+${r.otherCc} ${grouped}`,
        `${trunk}${trunk}${nsn}`,
        `${r.otherCc}${nsn}`,
        `+${cc}${nsn}`.replace(/\d/g, (d) => String.fromCharCode(0x660 + Number(d))),
        `00${r.otherCc}${nsn}`,
      ][r.style] as string
      return `${r.before}${body}${r.ext}${r.after}`
    })
}

/** Bare digit strings behind the prefixes a country's numbers take: trunk, IDD, calling code. */
function digitText(country: string) {
  const row = rows[country] as readonly unknown[]
  const cc = row[0] as string
  const trunk = typeof row[5] === 'string' ? row[5] : ''
  const prefixes = ['', '', trunk, `${trunk}${trunk}`, cc, `+${cc}`, `00${cc}`, '00', '8', '1']
  return fc
    .tuple(fc.constantFrom(...prefixes), fc.stringMatching(/^\d{2,14}$/))
    .map(([prefix, digits]) => prefix + digits)
}

const ALPHABET = [
  ...'0123456789+ -.()/[]#,;~:xXeEtTn'.split(''),
  '\u00a0',
  '０',
  '٥',
  '۹',
  '＋',
  '\u200b',
]
const TAIL_ALPHABET = [
  ...'0123456789 ,;#~x-.:'.split(''),
  ' ext',
  'ext.',
  ' x',
  'int',
  'a',
  ',,',
  ';ext=',
  ';isub=',
  '\t',
  '＃',
  'ｘ',
  '\u00a0',
  '٣',
]
const DENSE_TEXT = fc.string({ unit: fc.constantFrom(...ALPHABET), maxLength: 30 })
const ANY_TEXT = fc.string({ unit: 'binary', maxLength: 40 })
const ANY_COUNTRY = fc.option(fc.constantFrom(...COUNTRIES), { nil: undefined })

describe('fuzz: agreement with libphonenumber-js/max', () => {
  it('agrees on number-like text for every country of the metadata', () => {
    expect(COUNTRIES.length).toBeGreaterThan(240)
    for (const [i, country] of COUNTRIES.entries()) {
      fc.assert(
        fc.property(numberText(country), ANY_COUNTRY, (text, other) => {
          expect(port(text, country)).toBe(oracle(text, country))
          expect(port(text)).toBe(oracle(text))
          expect(port(text, other)).toBe(oracle(text, other))
        }),
        { seed: SEED + i, numRuns: 20 },
      )
    }
  })

  it('agrees on bare digit strings for every country of the metadata', () => {
    for (const [i, country] of COUNTRIES.entries()) {
      fc.assert(
        fc.property(digitText(country), (text) => {
          expect(port(text, country)).toBe(oracle(text, country))
          expect(port(text)).toBe(oracle(text))
        }),
        { seed: SEED - i, numRuns: 60 },
      )
    }
  })

  it('agrees on numbers followed by extension-like text', () => {
    const TAIL = fc.string({ unit: fc.constantFrom(...TAIL_ALPHABET), minLength: 1, maxLength: 8 })
    const MAIN = fc.constantFrom(
      '+90 532 123 45 67',
      '0532 123 45 67',
      '(213) 373-4253',
      '12',
      '+1 213',
    )
    fc.assert(
      fc.property(MAIN, TAIL, ANY_COUNTRY, (main, tail, country) => {
        const text = main + tail
        expect(port(text, country)).toBe(oracle(text, country))
      }),
      { seed: SEED, numRuns: 5_000 },
    )
  })

  it('agrees on dense phone-alphabet text', () => {
    fc.assert(
      fc.property(DENSE_TEXT, ANY_COUNTRY, (text, country) => {
        expect(port(text, country)).toBe(oracle(text, country))
      }),
      { seed: SEED, numRuns: 6_000 },
    )
  })

  it('agrees on arbitrary text and never throws', () => {
    fc.assert(
      fc.property(ANY_TEXT, ANY_COUNTRY, (text, country) => {
        expect(port(text, country)).toBe(oracle(text, country))
      }),
      { seed: SEED, numRuns: 3_000 },
    )
  })
})

describe('properties', () => {
  const NUMBERISH = fc.constantFrom(...COUNTRIES).chain((c) => numberText(c))

  it('is deterministic, also between other calls', () => {
    fc.assert(
      fc.property(NUMBERISH, NUMBERISH, ANY_COUNTRY, (a, b, country) => {
        const first = port(a, country)
        port(b, country)
        port(b)
        expect(port(a, country)).toBe(first)
      }),
      { seed: SEED, numRuns: 2_000 },
    )
  })

  it('re-parses its own E.164 output to itself, with or without a default country', () => {
    const withCountry = fc
      .constantFrom(...COUNTRIES)
      .chain((c) => fc.tuple(numberText(c), fc.constant(c)))
    let valid = 0
    fc.assert(
      fc.property(withCountry, ([text, country]) => {
        const p = parsePhone(text, country)
        if (p === null) return
        valid++
        expect(parsePhone(p.e164)).toEqual({ e164: p.e164 })
        expect(parsePhone(p.e164, country)).toEqual({ e164: p.e164 })
      }),
      { seed: SEED, numRuns: 3_000 },
    )
    expect(valid).toBeGreaterThan(500)
  })
})
