import type { RowIssueCode } from '../errors/codes.ts'
import type { Cell } from '../read/types.ts'
import { parsePhoneFast } from './parse.ts'
import { EXTENSION_RE } from './patterns.ts'
import type { PhoneFormat } from './types.ts'

// The product's phone rules (PRODUCT.md "Phone rules") on top of the library-exact parser:
// number cells, scientific notation, letters, extensions, several numbers per cell, `'`, `00`.

/** At most this many numbers are taken from one cell: the primary plus up to nine secondary. */
export const MAX_NUMBERS_PER_CELL = 10
// A cell split into more parts than this is not examined further (a 1 MB cell of commas).
const MAX_PARTS = 64

/** One phone cell, normalised: the primary E.164 (or null), secondary numbers and issue codes. */
export interface PhoneCellResult {
  e164: string | null
  ext?: string
  /** Shared and frozen when empty: copy before changing. */
  secondary: readonly string[]
  codes: readonly RowIssueCode[]
}

const SCIENTIFIC_RE = /^[+-]?\d+(?:[.,]\d+)?\s*e\s*[+-]?\d+$/i
const LETTER_RE = /\p{L}/u
// " or " between two numbers, and its Turkish twin " veya " (a Turkish-first product).
const OR_RE = /\s+(?:or|veya)\s+/giu
// Turkish "dahili 12" (extension 12) is read as the library's "ext. 12".
const DAHILI_RE = /[ \t]*\bdahili\b[ \t.:]*/giu

const FLAG_SEPARATOR = 1
const FLAG_LETTER = 2
const FLAG_OTHER = 4

// The common results share these instead of allocating two arrays per number.
const NONE: readonly string[] = Object.freeze([])
const NO_CODES: readonly RowIssueCode[] = Object.freeze([])
const EXTENSION: readonly RowIssueCode[] = Object.freeze(['PHONE_EXTENSION'])
const FROM_NUMBER: readonly RowIssueCode[] = Object.freeze(['PHONE_FROM_NUMBER_CELL'])

function failure(code: RowIssueCode, fromNumber: boolean): PhoneCellResult {
  const codes: RowIssueCode[] = fromNumber ? [code, 'PHONE_FROM_NUMBER_CELL'] : [code]
  return { e164: null, secondary: NONE, codes }
}

/**
 * Normalises one phone cell under the chosen format, per PRODUCT.md "Phone rules".
 * @example normalizePhoneCell("'0532 123 45 67", { kind: 'national', country: 'TR' })
 * // { e164: '+905321234567', secondary: [], codes: [] }
 */
export function normalizePhoneCell(cell: Cell, format: PhoneFormat): PhoneCellResult {
  const country = format.kind === 'national' ? format.country : undefined
  if (cell === null || cell === undefined) return failure('PHONE_MISSING', false)
  if (typeof cell === 'number') return normalizeNumberCell(cell, country)
  if (typeof cell !== 'string') return failure('PHONE_INVALID', false)

  const text = stripApostrophe(cell.trim())
  if (text === '') return failure('PHONE_MISSING', false)
  if (flagsOf(text) === 0) {
    // The common case: one number, no letters, no separators.
    const p = parsePhoneFast(country === undefined ? doubleZeroAsPlus(text) : text, country)
    if (p === null) {
      return text.includes('/') ? normalizeParts([text], country) : failure('PHONE_INVALID', false)
    }
    if (p.ext === undefined) return { e164: p.e164, secondary: NONE, codes: NO_CODES }
    return { e164: p.e164, ext: p.ext, secondary: NONE, codes: EXTENSION }
  }
  if (SCIENTIFIC_RE.test(text)) return failure('PHONE_SCIENTIFIC_NOTATION', false)
  return normalizeParts(splitCell(text.replace(OR_RE, '|').replace(DAHILI_RE, ' ext. ')), country)
}

// An Excel numeric cell: its exact integer value, read under the format (`+` first when
// International, since the value cannot hold one), with a warning.
function normalizeNumberCell(value: number, country: string | undefined): PhoneCellResult {
  if (!Number.isSafeInteger(value) || value <= 0) return failure('PHONE_INVALID', true)
  const digits = String(value)
  const p = parsePhoneFast(country === undefined ? `+${digits}` : digits, country)
  if (p === null) return failure('PHONE_INVALID', true)
  return { e164: p.e164, secondary: NONE, codes: FROM_NUMBER }
}

// What the fast path must not skip: separators, letters, and anything outside ASCII.
function flagsOf(text: string): number {
  let flags = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 44 || c === 59 || c === 124 || c === 10 || c === 13) flags |= FLAG_SEPARATOR
    else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) flags |= FLAG_LETTER
    else if (c >= 128) flags |= FLAG_OTHER
  }
  return flags
}

function stripApostrophe(text: string): string {
  const c = text.charCodeAt(0)
  return c === 39 || c === 0x2018 || c === 0x2019 ? text.slice(1).trim() : text
}

/** International mode: a leading `00` (after any opening bracket or junk) becomes `+`. */
function doubleZeroAsPlus(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 43) return text
    if (c >= 48 && c <= 57) {
      return c === 48 && text.charCodeAt(i + 1) === 48
        ? `${text.slice(0, i)}+${text.slice(i + 2)}`
        : text
    }
  }
  return text
}

/** Splits on `,` `;` `|` and line breaks; a part the library reads as an extension (`, ext. 12`) stays. */
function splitCell(text: string): string[] {
  const parts: string[] = []
  let from = 0
  for (let i = 0; i <= text.length && parts.length < MAX_PARTS; i++) {
    const c = i < text.length ? text.charCodeAt(i) : -1
    if (c !== -1 && c !== 44 && c !== 59 && c !== 124 && c !== 10 && c !== 13) continue
    const part = text.slice(from, i)
    if (parts.length > 0 && isExtensionOnly(part)) {
      parts[parts.length - 1] += text.slice(from - 1, i)
    } else {
      parts.push(part)
    }
    from = i + 1
  }
  return parts
}

function isExtensionOnly(part: string): boolean {
  const m = EXTENSION_RE.exec(part)
  return m !== null && part.slice(0, m.index).trim() === ''
}

// Module-level outcome of evaluatePart(), so the loop allocates nothing per part.
let partE164 = ''
let partExt = ''

// One part: '' valid (partE164/partExt set), null empty, else the error code.
function evaluatePart(raw: string, country: string | undefined): RowIssueCode | '' | null {
  const text = stripApostrophe(raw.trim())
  if (text === '') return null
  if (SCIENTIFIC_RE.test(text)) return 'PHONE_SCIENTIFIC_NOTATION'
  if (LETTER_RE.test(text)) {
    const m = EXTENSION_RE.exec(text)
    if (m === null || LETTER_RE.test(text.slice(0, m.index))) return 'PHONE_HAS_LETTERS'
  }
  const p = parsePhoneFast(country === undefined ? doubleZeroAsPlus(text) : text, country)
  if (p === null) return 'PHONE_INVALID'
  partE164 = p.e164
  partExt = p.ext ?? ''
  return ''
}

function normalizeParts(parts: string[], country: string | undefined): PhoneCellResult {
  const found: string[] = []
  let primaryExt = ''
  let anyExt = false
  let firstError: RowIssueCode | null = null
  let nonEmpty = 0
  for (let i = 0; i < parts.length && found.length < MAX_NUMBERS_PER_CELL; i++) {
    const part = parts[i] as string
    const outcome = evaluatePart(part, country)
    if (outcome === null) continue
    nonEmpty++
    if (outcome === 'PHONE_INVALID' && part.includes('/')) {
      // `030/1234567` is one German number; `0532… / 0555…` is two: try the whole first.
      const more = part.split('/')
      parts.splice(i, 1, ...more)
      i--
      nonEmpty--
      continue
    }
    if (outcome !== '') {
      firstError ??= outcome
      continue
    }
    if (found.includes(partE164)) continue
    if (found.length === 0) primaryExt = partExt
    if (partExt !== '') anyExt = true
    found.push(partE164)
  }
  const primary = found.shift()
  if (primary === undefined) return failure(firstError ?? 'PHONE_MISSING', false)
  const codes: RowIssueCode[] = []
  if (nonEmpty > 1) codes.push('PHONE_SPLIT')
  if (anyExt) codes.push('PHONE_EXTENSION')
  const result: PhoneCellResult = { e164: primary, secondary: found, codes }
  if (primaryExt !== '') result.ext = primaryExt
  return result
}
