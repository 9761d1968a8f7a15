import metadataJson from 'libphonenumber-js/metadata.max.json'
import { Dfa } from './dfa.ts'
import { expandLiterals } from './literals.ts'

// Numbering plans of libphonenumber-js 1.13.16 `max` metadata (format v4), compiled lazily:
// each plan's patterns become RegExps once, on the first number that needs that plan.

// Row layout of a v4 plan: the indexes that parsing reads.
const IDD = 1
const NATIONAL = 2
const LENGTHS = 3
const NATIONAL_PREFIX = 5
const PREFIX_FOR_PARSING = 7
const TRANSFORM_RULE = 8
const LEADING_DIGITS = 10
const TYPES = 11

type Raw = readonly unknown[]
type RawType = readonly [string, (readonly number[])?] | 0 | undefined

interface MetadataV4 {
  country_calling_codes: Record<string, readonly string[]>
  countries: Record<string, Raw>
  nonGeographic: Record<string, Raw>
}

const META = metadataJson as unknown as MetadataV4

/** Results of the library's `checkNumberLength()`, as small integers. */
export const IS_POSSIBLE = 0
/** `checkNumberLength()`: shorter than every possible length. */
export const TOO_SHORT = 1
/** `checkNumberLength()`: longer than every possible length. */
export const TOO_LONG = 2
/** `checkNumberLength()`: within range but not a possible length. */
export const INVALID_LENGTH = 3

function text(raw: Raw, col: number): string | null {
  const v = raw[col]
  return typeof v === 'string' && v !== '' ? v : null
}

/** One numbering plan (a country, or a non-geographic calling code) with compiled patterns. */
export class Plan {
  readonly key: string
  readonly cc: CallingCode
  readonly national: RegExp
  /** The national pattern as a DFA (it answers undefined where the RegExp must). */
  readonly nationalDfa: Dfa
  readonly lengths: readonly number[] | null
  /** IDD prefix as its strings (tested with `startsWith`) or else a RegExp anchored at the start. */
  readonly iddLiterals: readonly string[] | null
  readonly idd: RegExp | null
  /** National prefix for parsing: strings when group-less and finite, else a RegExp. */
  readonly hasPrefix: boolean
  readonly prefixLiterals: readonly string[] | null
  readonly prefix: RegExp | null
  readonly prefixHasGroups: boolean
  readonly transform: string | null
  readonly hasLeading: boolean
  readonly leadingLiterals: readonly string[] | null
  readonly leading: RegExp | null
  readonly typed: boolean
  /** Per national-number length: national pattern and "some type matches", in one test. */
  readonly typeByLength: readonly (RegExp | null)[]
  /** The same tests as `typeByLength`, as DFAs (built on first use; undefined answers: RegExp). */
  readonly typeDfaByLength: readonly (Dfa | null)[]

  constructor(key: string, cc: CallingCode, raw: Raw) {
    this.key = key
    this.cc = cc
    const national = text(raw, NATIONAL) ?? ''
    this.national = new RegExp(`^(?:${national})$`)
    this.nationalDfa = Dfa.of(national)
    const lengths = raw[LENGTHS]
    this.lengths = Array.isArray(lengths) && lengths.length > 0 ? (lengths as number[]) : null
    const idd = text(raw, IDD)
    this.iddLiterals = idd !== null ? expandLiterals(idd) : null
    this.idd = idd !== null && this.iddLiterals === null ? new RegExp(`^(?:${idd})`) : null
    const prefix = text(raw, PREFIX_FOR_PARSING) ?? text(raw, NATIONAL_PREFIX)
    this.hasPrefix = prefix !== null
    this.prefixHasGroups = prefix !== null && /\((?!\?)/.test(prefix)
    this.prefixLiterals = prefix !== null && !this.prefixHasGroups ? expandLiterals(prefix) : null
    this.prefix =
      prefix !== null && this.prefixLiterals === null ? new RegExp(`^(?:${prefix})`) : null
    this.transform = text(raw, TRANSFORM_RULE)
    const leading = text(raw, LEADING_DIGITS)
    this.hasLeading = leading !== null
    this.leadingLiterals = leading !== null ? expandLiterals(leading) : null
    this.leading =
      leading !== null && this.leadingLiterals === null ? new RegExp(`^(?:${leading})`) : null
    const types = raw[TYPES]
    this.typed = Array.isArray(types) && types.length > 0
    const dfas: (Dfa | null)[] = []
    this.typeByLength = this.typed
      ? compileTypes(national, types as RawType[], this.lengths, dfas)
      : []
    this.typeDfaByLength = dfas
  }
}

// One regex per length: `^(?=(?:national)$)(?:(?:t1)|(?:t2)|…)$` over the types whose possible
// lengths include that length. Same answer as the library's getNumberType() !== undefined.
// The same test as a DFA goes to `dfas` (matchesType() asks it first: no RegExp call).
function compileTypes(
  national: string,
  types: readonly RawType[],
  planLengths: readonly number[] | null,
  dfas: (Dfa | null)[],
): (RegExp | null)[] {
  const out: (RegExp | null)[] = []
  const bySource = new Map<string, RegExp>()
  const dfaBySource = new Map<string, Dfa>()
  for (let len = 0; len <= 17; len++) {
    const parts: string[] = []
    for (const t of types) {
      if (!t || t[0] === '') continue
      const lengths = t[1] ?? planLengths
      if (lengths && !lengths.includes(len)) continue
      parts.push(`(?:${t[0]})`)
    }
    if (parts.length === 0) {
      out.push(null)
      dfas.push(null)
      continue
    }
    const union = parts.join('|')
    let dfa = dfaBySource.get(union)
    if (dfa === undefined) {
      dfa = Dfa.of(national, union)
      dfaBySource.set(union, dfa)
    }
    dfas.push(dfa)
    const source = `^(?=(?:${national})$)(?:${union})$`
    let re = bySource.get(source)
    if (!re) {
      re = new RegExp(source)
      bySource.set(source, re)
    }
    out.push(re)
  }
  return out
}

/** A calling code and the plans behind it (several countries share `1`, `7`, `44`, ...). */
export class CallingCode {
  readonly code: string
  /** `+` and the code: the start of every E.164 number of this calling code. */
  readonly plus: string
  readonly countries: readonly string[] | null
  private plansCache: Plan[] | null = null

  constructor(code: string, countries: readonly string[] | null) {
    this.code = code
    this.plus = `+${code}`
    this.countries = countries
  }

  /** Plans in metadata order; the first is the "main" one. Non-geographic: its single plan. */
  plans(): Plan[] {
    if (this.plansCache === null) {
      const list: Plan[] = []
      if (this.countries === null) {
        list.push(new Plan(this.code, this, META.nonGeographic[this.code] as Raw))
      } else {
        for (const c of this.countries) list.push(new Plan(c, this, META.countries[c] as Raw))
      }
      this.plansCache = list
    }
    return this.plansCache
  }

  /** The plan the library selects for this calling code alone. */
  main(): Plan {
    return this.plans()[0] as Plan
  }
}

/** Calling codes indexed by their numeric value (1..999). */
export const CALLING_CODES: (CallingCode | undefined)[] = new Array(1000)
const COUNTRY_TO_CC = new Map<string, CallingCode>()

for (const [code, countries] of Object.entries(META.country_calling_codes)) {
  const cc = new CallingCode(code, countries)
  CALLING_CODES[Number(code)] = cc
  for (const c of countries) COUNTRY_TO_CC.set(c, cc)
}
for (const code of Object.keys(META.nonGeographic)) {
  CALLING_CODES[Number(code)] ??= new CallingCode(code, null)
}

/** The plan of a supported country (ISO 3166 alpha-2), or null when the metadata lacks it. */
export function countryPlan(country: string): Plan | null {
  const cc = COUNTRY_TO_CC.get(country)
  if (cc === undefined) return null
  const plans = cc.plans()
  for (let i = 0; i < plans.length; i++) {
    const p = plans[i] as Plan
    if (p.key === country) return p
  }
  return null
}

/** The library's `checkNumberLength()` against a plan's possible lengths. */
export function checkLength(nationalNumber: string, plan: Plan): number {
  const lengths = plan.lengths
  if (lengths === null) return IS_POSSIBLE
  const len = nationalNumber.length
  const min = lengths[0] as number
  if (min === len) return IS_POSSIBLE
  if (min > len) return TOO_SHORT
  if ((lengths[lengths.length - 1] as number) < len) return TOO_LONG
  return lengths.indexOf(len, 1) >= 0 ? IS_POSSIBLE : INVALID_LENGTH
}

// The last answer of matchesType(): parsing often asks the same question twice (while stripping
// a prefix or picking a country, then to validate). Answers never change, so reuse is safe.
let lastPlan: Plan | null = null
let lastNumber = ''
let lastAnswer = false

/** The library's `getNumberType() !== undefined`: national pattern and some type pattern match. */
export function matchesType(plan: Plan, nationalNumber: string): boolean {
  if (plan === lastPlan && nationalNumber === lastNumber) return lastAnswer
  const len = nationalNumber.length
  const re = plan.typeByLength[len]
  let answer = false
  if (re != null) {
    const dfa = plan.typeDfaByLength[len]
    const known = dfa != null ? dfa.matches(nationalNumber) : undefined
    answer = known !== undefined ? known : re.test(nationalNumber)
  }
  lastPlan = plan
  lastNumber = nationalNumber
  lastAnswer = answer
  return answer
}

/** The national pattern matches; tries the (cached) type patterns first, which imply it. */
export function matchesNational(plan: Plan, nationalNumber: string): boolean {
  return matchesType(plan, nationalNumber) || testNational(plan, nationalNumber)
}

/** `plan.national.test(nationalNumber)`, through the DFA when it can answer. */
export function testNational(plan: Plan, nationalNumber: string): boolean {
  const answer = plan.nationalDfa.matches(nationalNumber)
  return answer !== undefined ? answer : plan.national.test(nationalNumber)
}

/** The library's `isValid()` for a national number under a plan. */
export function isValidFor(plan: Plan, nationalNumber: string): boolean {
  return plan.typed ? matchesType(plan, nationalNumber) : testNational(plan, nationalNumber)
}
