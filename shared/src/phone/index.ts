import type { CountryCode } from 'libphonenumber-js/max'
import { parsePhoneNumberFromString } from 'libphonenumber-js/max'

export type { CountryCode }

/** How phone cells are read: International (`+` or `00` first, mixed countries) or National. */
export type PhoneFormat = { kind: 'international' } | { kind: 'national'; country: CountryCode }

/** A valid number: E.164 plus an extension kept apart. */
export interface ParsedPhone {
  e164: string
  ext?: string
}

/**
 * Parses one number the way libphonenumber-js/max does:
 * `p = parsePhoneNumberFromString(s, country); p?.isValid() ? p.number : null`.
 * Interim implementation that calls the library; a fast port replaces it behind this signature.
 * @example parsePhone('0532 123 45 67', 'TR') // { e164: '+905321234567' }
 */
export function parsePhone(input: string, country?: CountryCode): ParsedPhone | null {
  const p = parsePhoneNumberFromString(input, country)
  if (!p?.isValid()) return null
  return p.ext ? { e164: p.number, ext: p.ext } : { e164: p.number }
}
