import { matchLiteralPrefix } from './literals.ts'
import {
  CALLING_CODES,
  type CallingCode,
  checkLength,
  countryPlan,
  INVALID_LENGTH,
  isValidFor,
  matchesNational,
  matchesType,
  type Plan,
  TOO_LONG,
  TOO_SHORT,
} from './plan.ts'
import { scanned, scanPhone } from './scan.ts'
import type { ParsedPhone } from './types.ts'

// A port of libphonenumber-js 1.13.16 parse() (v2) + PhoneNumber.isValid() over the `max`
// metadata. Function names follow the library's helpers so the two can be read side by side.

const MIN_NSN = 2
const MAX_NSN = 17

let lastCountry = ''
let lastPlan: Plan | null = null

function defaultPlan(country: string): Plan | null {
  if (country !== lastCountry) {
    lastPlan = countryPlan(country)
    lastCountry = country
  }
  return lastPlan
}

/**
 * `p = parsePhoneNumberFromString(input, country)` from libphonenumber-js/max, then
 * `p?.isValid() ? { e164: p.number, ext: p.ext } : null`, without the library's cost.
 * @example parsePhoneFast('0532 123 45 67', 'TR') // { e164: '+905321234567' }
 */
export function parsePhoneFast(input: string, country?: string): ParsedPhone | null {
  // An unknown default country is dropped, as parsePhoneNumber_() does.
  const def = country ? defaultPlan(country) : null
  if (!scanPhone(input)) return null
  const digits = scanned.digits
  if (scanned.plus) return finish(digits, null, null, null)
  if (digits === '' || def === null) return null

  const afterIdd = stripIddPrefix(digits, def)
  if (afterIdd !== null) return finish(afterIdd, null, null, null)

  // A calling code written without `+` for the default country (`905321234567` with TR).
  const cc = def.cc
  if (digits.startsWith(cc.code)) {
    const shorter = digits.slice(cc.code.length)
    const nationalShort = extractNationalNumber(shorter, def)
    const nationalFull = extractNationalNumber(digits, def)
    if (
      (!def.national.test(nationalFull) && matchesNational(def, nationalShort)) ||
      checkLength(nationalFull, def) === TOO_LONG
    ) {
      return finish(null, cc, cc.main(), shorter)
    }
  }
  return finish(null, cc, def, digits, def)
}

// Resolves the calling code (from `+digits` when `international` is set), the national number and
// the exact country, then validates. `selected` is the plan the library has selected by then.
function finish(
  international: string | null,
  knownCc: CallingCode | null,
  knownSelected: Plan | null,
  knownRest: string | null,
  defaultCountry: Plan | null = null,
): ParsedPhone | null {
  let cc = knownCc
  let selected = knownSelected
  let rest = knownRest
  if (international !== null) {
    // Calling codes never start with 0; none is a prefix of another, so the first hit is it.
    if (international.charCodeAt(0) === 48) return null
    let code = 0
    const max = Math.min(international.length, 3)
    for (let i = 0; i < max; i++) {
      code = code * 10 + international.charCodeAt(i) - 48
      const found = CALLING_CODES[code]
      if (found !== undefined) {
        cc = found
        rest = international.slice(i + 1)
        break
      }
    }
    if (cc === null) return null
    selected = cc.main()
  }
  if (cc === null || selected === null || rest === null || rest === '') return null

  const national = extractNationalNumber(rest, selected)
  let country = defaultCountry
  const exact = getCountryByCallingCode(cc, national)
  if (exact !== null) country = exact
  if (national.length < MIN_NSN || national.length > MAX_NSN) return null
  if (!isValidFor(country ?? cc.main(), national)) return null
  const e164 = `+${cc.code}${national}`
  const ext = scanned.ext
  return ext !== '' ? { e164, ext } : { e164 }
}

// stripIddPrefix(): the digits after an IDD prefix of the default country, or null.
function stripIddPrefix(digits: string, plan: Plan): string | null {
  let cut = -1
  if (plan.iddLiterals !== null) {
    cut = matchLiteralPrefix(digits, plan.iddLiterals)
  } else if (plan.idd !== null) {
    const m = plan.idd.exec(digits)
    if (m !== null) cut = m[0].length
  }
  if (cut <= 0 || cut >= digits.length) return null
  // No calling code starts with 0: then it was not an IDD prefix.
  if (digits.charCodeAt(cut) === 48) return null
  return digits.slice(cut)
}

// extractNationalNumber(): strips a national prefix (and carrier code) per the metadata, unless
// the number matched before and not after, or the rest has an impossible length.
function extractNationalNumber(number: string, plan: Plan): string {
  if (number === '') return number
  let national: string
  if (!plan.hasPrefix) return number
  if (plan.prefixLiterals !== null) {
    const cut = matchLiteralPrefix(number, plan.prefixLiterals)
    if (cut < 0) return number
    national = number.slice(cut)
  } else if (!plan.prefixHasGroups) {
    national = number.replace(plan.prefix as RegExp, '')
  } else {
    const m = (plan.prefix as RegExp).exec(number)
    if (m === null) return number
    const groups = m.length - 1
    if (plan.transform !== null && groups > 0 && m[groups]) {
      national = number.replace(plan.prefix as RegExp, plan.transform)
    } else {
      national = number.slice(m[0].length)
    }
  }
  if (national === number) return number
  if (!matchesNational(plan, national) && plan.national.test(number)) return number
  const lengthPlan = getCountryByCallingCode(plan.cc, national) ?? plan
  const length = checkLength(national, lengthPlan)
  if (length === TOO_SHORT || length === INVALID_LENGTH) return number
  return national
}

// getCountryByCallingCode(): the one country of a calling code, or the first whose leading digits
// (when it has them) or type patterns (when not) match.
function getCountryByCallingCode(cc: CallingCode, national: string): Plan | null {
  if (cc.countries === null) return null
  const plans = cc.plans()
  if (plans.length === 1) return plans[0] as Plan
  for (let i = 0; i < plans.length; i++) {
    const p = plans[i] as Plan
    if (p.hasLeading) {
      if (national === '') continue
      if (p.leadingLiterals !== null) {
        if (matchLiteralPrefix(national, p.leadingLiterals) >= 0) return p
      } else if ((p.leading as RegExp).test(national)) return p
    } else if (matchesType(p, national)) {
      return p
    }
  }
  return null
}
