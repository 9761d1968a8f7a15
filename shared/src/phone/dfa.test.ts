import metadataJson from 'libphonenumber-js/metadata.max.json'
import { describe, expect, it } from 'vitest'
import { Dfa } from './dfa.ts'
import { makeRandom } from './lead-sample.ts'
import { CALLING_CODES } from './plan.ts'

type Raw = readonly unknown[]
const META = metadataJson as unknown as {
  countries: Record<string, Raw>
  nonGeographic: Record<string, Raw>
}

// Digit strings near the language: random ones, and mutations (a digit changed, one added or
// dropped) of strings the DFA accepted, so both answers get exercised deep into each pattern.
function probes(dfa: Dfa, rnd: () => number, n: number): string[] {
  const out: string[] = []
  const accepted: string[] = []
  for (let k = 0; k < n; k++) {
    let s = ''
    const base =
      accepted.length > 0 && rnd() < 0.6 ? accepted[Math.floor(rnd() * accepted.length)] : null
    if (base) {
      const at = Math.floor(rnd() * (base.length + 1))
      const d = String(Math.floor(rnd() * 10))
      const op = Math.floor(rnd() * 3)
      s = base.slice(0, at) + (op === 2 ? '' : d) + base.slice(op === 0 ? at + 1 : at)
    } else {
      const len = Math.floor(rnd() * 18)
      for (let i = 0; i < len; i++) s += String(Math.floor(rnd() * 10))
    }
    out.push(s)
    if (dfa.matches(s) === true) accepted.push(s)
  }
  return out
}

describe('Dfa (the metadata patterns without RegExp calls)', () => {
  it('answers exactly as the RegExp on every national and type pattern', () => {
    const rnd = makeRandom(7)
    let checked = 0
    for (const raw of [...Object.values(META.countries), ...Object.values(META.nonGeographic)]) {
      const national = raw[2] as string
      const patterns = [national]
      for (const t of (raw[11] as unknown[]) ?? []) {
        if (Array.isArray(t) && typeof t[0] === 'string' && t[0] !== '') patterns.push(t[0])
      }
      for (const pattern of patterns) {
        const dfa = Dfa.of(national, pattern)
        expect(dfa.usable(), pattern).toBe(true)
        const re = new RegExp(`^(?=(?:${national})$)(?:${pattern})$`)
        for (const s of probes(dfa, rnd, 300)) {
          if (dfa.matches(s) !== re.test(s)) expect([pattern, s]).toBe('agreement')
          checked++
        }
      }
    }
    expect(checked).toBeGreaterThan(300_000)
  })

  it('has a DFA for every compiled plan pattern', () => {
    for (const cc of CALLING_CODES) {
      if (cc === undefined) continue
      for (const plan of cc.plans()) {
        expect(plan.nationalDfa.usable(), plan.key).toBe(true)
        plan.typeByLength.forEach((re, len) => {
          if (re !== null)
            expect(plan.typeDfaByLength[len]?.usable(), `${plan.key} ${len}`).toBe(true)
        })
      }
    }
  })

  it('leaves other syntax and other characters to the RegExp', () => {
    for (const other of [['\\d+'], ['(\\d)'], ['[a-z]'], ['1|2', '(?:3'], ['1{2,1}'], ['1{,2}']]) {
      const dfa = Dfa.of(...other)
      expect(dfa.usable(), other.join(' ')).toBe(false)
      expect(dfa.matches('11')).toBeUndefined()
    }
    const dfa = Dfa.of('\\d{3}', '1\\d\\d|2(?:0|1)?\\d|3{1,2}4')
    expect(dfa.matches('123')).toBe(true)
    expect(dfa.matches('213')).toBe(true)
    expect(dfa.matches('23')).toBe(false)
    expect(dfa.matches('323')).toBe(false)
    expect(dfa.matches('334')).toBe(true)
    expect(dfa.matches('34')).toBe(false)
    expect(dfa.matches('1a3')).toBeUndefined()
    expect(dfa.matches('')).toBe(false)
  })
})
