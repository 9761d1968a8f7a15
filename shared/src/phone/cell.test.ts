import fc from 'fast-check'
import { parsePhoneNumberFromString } from 'libphonenumber-js/max'
import { describe, expect, it } from 'vitest'
import type { Cell } from '../read/types.ts'
import {
  type CountryCode,
  MAX_NUMBERS_PER_CELL,
  normalizePhoneCell,
  type PhoneFormat,
} from './index.ts'
import { makeLeadSample } from './lead-sample.ts'

const TR: PhoneFormat = { kind: 'national', country: 'TR' }
const US: PhoneFormat = { kind: 'national', country: 'US' }
const DE: PhoneFormat = { kind: 'national', country: 'DE' }
const INTL: PhoneFormat = { kind: 'international' }

describe('normalizePhoneCell: single numbers', () => {
  it('normalises a national number to E.164', () => {
    expect(normalizePhoneCell('0532 123 45 67', TR)).toEqual({
      e164: '+905321234567',
      secondary: [],
      codes: [],
    })
  })

  it('reports an empty cell as PHONE_MISSING', () => {
    for (const cell of [null, '', '   ', "'", ' \u00a0 ']) {
      expect(normalizePhoneCell(cell, TR)).toEqual({
        e164: null,
        secondary: [],
        codes: ['PHONE_MISSING'],
      })
    }
  })

  it('reports a number the plan rejects as PHONE_INVALID', () => {
    expect(normalizePhoneCell('0532 123 45', TR).codes).toEqual(['PHONE_INVALID'])
    expect(normalizePhoneCell('123456', DE).codes).toEqual(['PHONE_INVALID'])
  })

  it('treats a Date or boolean cell as PHONE_INVALID', () => {
    expect(normalizePhoneCell(new Date(Date.UTC(2024, 0, 2)), TR).codes).toEqual(['PHONE_INVALID'])
    expect(normalizePhoneCell(true, TR).codes).toEqual(['PHONE_INVALID'])
  })

  it('strips a leading apostrophe (Apollo-style exports)', () => {
    expect(normalizePhoneCell("'+90 532 123 45 67", INTL).e164).toBe('+905321234567')
    expect(normalizePhoneCell("  '0532 123 45 67", TR).e164).toBe('+905321234567')
  })

  it('accepts full-width and Arabic-Indic digits like the library', () => {
    expect(normalizePhoneCell('٠٥٥٥١٢٣٤٥٦٧', TR).e164).toBe('+905551234567')
    expect(normalizePhoneCell('＋９０ ５５５ １２３ ４５ ６７', INTL).codes).toEqual([
      'PHONE_INVALID',
    ])
    expect(normalizePhoneCell('+９０ ５５５ １２３ ４５ ６７', INTL).e164).toBe('+905551234567')
  })
})

describe('normalizePhoneCell: Excel number cells', () => {
  it('uses the exact integer under the national country, with a warning', () => {
    expect(normalizePhoneCell(5321234567, TR)).toEqual({
      e164: '+905321234567',
      secondary: [],
      codes: ['PHONE_FROM_NUMBER_CELL'],
    })
    expect(normalizePhoneCell(905321234567, TR).e164).toBe('+905321234567')
  })

  it('reads the digits as if prefixed by + in International mode', () => {
    expect(normalizePhoneCell(905321234567, INTL).e164).toBe('+905321234567')
    expect(normalizePhoneCell(12133734253, INTL).e164).toBe('+12133734253')
  })

  it('rejects non-integers, unsafe integers and non-positive values', () => {
    for (const value of [5321234567.5, 2 ** 53 + 2, -5321234567, 0, Number.NaN, Infinity]) {
      expect(normalizePhoneCell(value, TR).codes).toEqual([
        'PHONE_INVALID',
        'PHONE_FROM_NUMBER_CELL',
      ])
    }
  })
})

describe('normalizePhoneCell: text rules', () => {
  it('rejects scientific notation (digits already lost)', () => {
    for (const text of ['9.05551E+11', '9,05551E+11', '9.05551e11', ' 9.05551E+11 ']) {
      expect(normalizePhoneCell(text, TR).codes).toEqual(['PHONE_SCIENTIFIC_NOTATION'])
    }
  })

  it('rejects letters, even where the library would quietly cut them off', () => {
    expect(normalizePhoneCell('1-800-FLOWERS', US).codes).toEqual(['PHONE_HAS_LETTERS'])
    expect(normalizePhoneCell('Tel: 0532 123 45 67', TR).codes).toEqual(['PHONE_HAS_LETTERS'])
    expect(normalizePhoneCell('0532 ABC 45 67', TR).codes).toEqual(['PHONE_HAS_LETTERS'])
  })

  it('keeps extensions apart with a warning; ext markers are not letters', () => {
    const cases: [string, string][] = [
      ['+1 213 373 4253 ext. 12', '12'],
      ['(213) 373-4253 x12', '12'],
      ['213-373-4253 ext 12', '12'],
      ['213 373 4253 #12', '12'],
      ['213 373 4253, ext. 300', '300'],
      ['213 373 4253 dahili 45', '45'],
    ]
    for (const [text, ext] of cases) {
      expect(normalizePhoneCell(text, US)).toEqual({
        e164: '+12133734253',
        ext,
        secondary: [],
        codes: ['PHONE_EXTENSION'],
      })
    }
  })

  it('reads 00 as + in International mode, and needs one of them', () => {
    expect(normalizePhoneCell('0090 532 123 45 67', INTL).e164).toBe('+905321234567')
    expect(normalizePhoneCell('(0044) 20 7946 0958', INTL).e164).toBe('+442079460958')
    expect(normalizePhoneCell('0532 123 45 67', INTL).codes).toEqual(['PHONE_INVALID'])
    expect(normalizePhoneCell('905321234567', INTL).codes).toEqual(['PHONE_INVALID'])
  })

  it('keeps a slash that belongs to one number (030/1234567)', () => {
    expect(normalizePhoneCell('030/1234567', DE)).toEqual({
      e164: '+49301234567',
      secondary: [],
      codes: [],
    })
  })
})

describe('normalizePhoneCell: several numbers in one cell', () => {
  it('takes the first valid as primary and the other valid ones as secondary', () => {
    expect(normalizePhoneCell('0555 123 45 67, 0532 765 43 21', TR)).toEqual({
      e164: '+905551234567',
      secondary: ['+905327654321'],
      codes: ['PHONE_SPLIT'],
    })
  })

  it('splits on , ; / | newlines and " or "', () => {
    const separators = [', ', ';', ' / ', '|', '\n', '\r\n', ' or ', ' OR ', ' veya ']
    for (const sep of separators) {
      const r = normalizePhoneCell(`0555 123 45 67${sep}0532 765 43 21`, TR)
      expect(r.e164).toBe('+905551234567')
      expect(r.secondary).toEqual(['+905327654321'])
      expect(r.codes).toEqual(['PHONE_SPLIT'])
    }
  })

  it('skips invalid and duplicate parts; the first valid one leads', () => {
    const r = normalizePhoneCell('123; 0532 765 43 21; n/a; 0532 765 43 21; 0555 123 45 67', TR)
    expect(r).toEqual({
      e164: '+905327654321',
      secondary: ['+905551234567'],
      codes: ['PHONE_SPLIT'],
    })
  })

  it(`keeps at most ${MAX_NUMBERS_PER_CELL} numbers`, () => {
    const many = Array.from({ length: 14 }, (_, i) => `0532 765 43 ${String(10 + i)}`).join(', ')
    const r = normalizePhoneCell(many, TR)
    expect(r.e164).toBe('+905327654310')
    expect(r.secondary).toHaveLength(MAX_NUMBERS_PER_CELL - 1)
    expect(r.secondary.at(-1)).toBe('+905327654319')
  })

  it('reports the first part’s problem when no part is valid', () => {
    expect(normalizePhoneCell('1-800-FLOWERS, 123', US).codes).toEqual(['PHONE_HAS_LETTERS'])
    expect(normalizePhoneCell('123, 1-800-FLOWERS', US).codes).toEqual(['PHONE_INVALID'])
    expect(normalizePhoneCell(' , ; ', US).codes).toEqual(['PHONE_MISSING'])
  })

  it('keeps the primary extension and warns for it', () => {
    const r = normalizePhoneCell('213 373 4253 x12, 415 555 2671', US)
    expect(r).toEqual({
      e164: '+12133734253',
      ext: '12',
      secondary: ['+14155552671'],
      codes: ['PHONE_SPLIT', 'PHONE_EXTENSION'],
    })
  })
})

describe('normalizePhoneCell: properties', () => {
  const CELL: fc.Arbitrary<Cell> = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.string({ unit: fc.constantFrom(..."0123456789 +-,;/|()x#e.'".split('')), maxLength: 40 }),
    fc.integer({ min: -1, max: 2 ** 53 }),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
  )
  const FORMAT: fc.Arbitrary<PhoneFormat> = fc.oneof(
    fc.constant(INTL),
    fc
      .constantFrom<CountryCode>('TR', 'US', 'GB', 'DE', 'BR')
      .map((country): PhoneFormat => ({ kind: 'national', country })),
  )

  it('gives the library’s E.164 for the cleaned input (apostrophe off, 00 as + when International)', () => {
    const TEXT = fc.string({
      unit: fc.constantFrom(..."0123456789 -.()+'".split('')),
      maxLength: 24,
    })
    const COUNTRY = fc.constantFrom<CountryCode>('TR', 'US', 'GB', 'DE', 'BR', 'IN', 'RU', 'AR')
    const library = (text: string, country?: CountryCode) => {
      const p = parsePhoneNumberFromString(text, country)
      return p?.isValid() ? p.number : null
    }
    const LEADS = fc.oneof(
      TEXT,
      fc.constantFrom(...makeLeadSample(300, 9)).filter((s) => /^[\d\s\-.()+']*$/.test(s)),
    )
    fc.assert(
      fc.property(LEADS, COUNTRY, (text, country) => {
        const cleaned = text.trim().replace(/^'/, '').trim()
        const national = normalizePhoneCell(text, { kind: 'national', country })
        expect(national.e164).toBe(library(cleaned, country))
        const international = normalizePhoneCell(text, INTL)
        const asPlus = cleaned.replace(/^([^\d+]*)00/, '$1+')
        expect(international.e164).toBe(library(asPlus))
      }),
      { seed: 78, numRuns: 3_000 },
    )
  })

  it('never throws, gives E.164 or a row error, and agrees with the library on the primary', () => {
    fc.assert(
      fc.property(CELL, FORMAT, (cell, format) => {
        const r = normalizePhoneCell(cell, format)
        expect(r.secondary.length).toBeLessThan(MAX_NUMBERS_PER_CELL)
        if (r.e164 === null) {
          expect(r.secondary).toEqual([])
          expect(r.codes[0]).toMatch(/^PHONE_(MISSING|INVALID|SCIENTIFIC_NOTATION|HAS_LETTERS)$/)
          return
        }
        for (const e164 of [r.e164, ...r.secondary]) {
          expect(parsePhoneNumberFromString(e164)?.isValid()).toBe(true)
          expect(parsePhoneNumberFromString(e164)?.number).toBe(e164)
        }
        expect(normalizePhoneCell(cell, format)).toEqual(r)
      }),
      { seed: 77, numRuns: 3_000 },
    )
  })
})
