import { parsePhoneFast } from './parse.ts'
import type { CountryCode, ParsedPhone, PhoneFormat } from './types.ts'

export type { PhoneCellResult } from './cell.ts'
export { MAX_NUMBERS_PER_CELL, normalizePhoneCell } from './cell.ts'
export type { CountryCode, ParsedPhone, PhoneFormat } from './types.ts'

/**
 * Parses one number exactly as libphonenumber-js/max (1.13.16) does:
 * `p = parsePhoneNumberFromString(s, country); p?.isValid() ? { e164: p.number, ext: p.ext } : null`,
 * through a port that compiles the metadata once per numbering plan (see parse.ts).
 * @example parsePhone('0532 123 45 67', 'TR') // { e164: '+905321234567' }
 */
export function parsePhone(input: string, country?: CountryCode): ParsedPhone | null {
  return parsePhoneFast(input, country)
}

const INTERNATIONAL: PhoneFormat = { kind: 'international' }

/**
 * The phone format for an optional country: National with it, International without.
 * @example phoneFormatFor('TR') // { kind: 'national', country: 'TR' }
 */
export function phoneFormatFor(country: string | undefined): PhoneFormat {
  return country ? { kind: 'national', country: country as CountryCode } : INTERNATIONAL
}
