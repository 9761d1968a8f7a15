import { parsePhoneNumberFromString } from 'libphonenumber-js/max'
import { describe, expect, it } from 'vitest'
import { type CountryCode, parsePhone } from './index.ts'
import { makeLeadSample } from './lead-sample.ts'

// The port must give the library's answer on every lead-like number, in every mode we offer.

const SAMPLE_SIZE = 50_000
const sample = makeLeadSample(SAMPLE_SIZE, 20_240_601)

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

function disagreements(inputs: readonly string[], country?: CountryCode) {
  const out: { input: string; library: string | null; port: string | null }[] = []
  let valid = 0
  for (const input of inputs) {
    const library = oracle(input, country)
    const mine = port(input, country)
    if (library !== null) valid++
    if (library !== mine && out.length < 20) out.push({ input, library, port: mine })
  }
  return { out, valid }
}

describe('agreement with libphonenumber-js/max on lead-like data', () => {
  it('uses a realistic sample', () => {
    expect(sample).toHaveLength(SAMPLE_SIZE)
    expect(new Set(sample).size).toBeGreaterThan(SAMPLE_SIZE * 0.9)
  })

  it('International mode (no default country): zero disagreements', () => {
    const { out, valid } = disagreements(sample)
    expect(out).toEqual([])
    expect(valid).toBeGreaterThan(SAMPLE_SIZE * 0.25)
  })

  it('National mode TR: zero disagreements', () => {
    const { out, valid } = disagreements(sample, 'TR')
    expect(out).toEqual([])
    expect(valid).toBeGreaterThan(SAMPLE_SIZE * 0.5)
  })

  // Other markets on a slice each: trunk `1`/`8`, AR `15`, BR carrier codes, IT leading zero,
  // NANPA and the British Crown Dependencies.
  const OTHERS: CountryCode[] = ['US', 'GB', 'DE', 'IN', 'BR', 'FR', 'IT', 'AR', 'RU', 'JE', 'AG']
  it.each(OTHERS)('National mode %s: zero disagreements', (country) => {
    const slice = sample.slice(0, 8_000)
    const { out, valid } = disagreements(slice, country)
    expect(out).toEqual([])
    expect(valid).toBeGreaterThan(800)
  })
})
