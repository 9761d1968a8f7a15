import type { CountryCode } from 'libphonenumber-js/max'

export type { CountryCode }

/** How phone cells are read: International (`+` or `00` first, mixed countries) or National. */
export type PhoneFormat = { kind: 'international' } | { kind: 'national'; country: CountryCode }

/** A valid number: E.164 plus an extension kept apart. */
export interface ParsedPhone {
  e164: string
  ext?: string
}
