import type { Cell } from '../read/types.ts'

/** A header reduced to comparable forms: tokens, noise-free core tokens and compact keys. */
export interface HeaderKey {
  /** Folded tokens, e.g. `E-mail 1 - Value` → `['email', '1', 'value']`. */
  tokens: string[]
  /** Tokens without position numbers, `value` and a leading owner word (`Person - Phone` → `phone`). */
  core: string[]
  /** All tokens joined without spaces (`phone_number`, `PhoneNumber` → `phonenumber`). */
  full: string
  /** Core tokens joined without spaces. */
  compact: string
}

// Longer headers are sentences or pasted data, not labels; capping keeps 1 MB cells cheap.
const MAX_HEADER_CHARS = 200
const INVISIBLE = /[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g
const MARKS = /\p{M}+/gu
const CAMEL = /(\p{Ll})(\p{Lu})/gu
const POSSESSIVE = /['’]s\b/g
const SPLIT = /[^\p{L}\p{N}]+/u
const LETTER_DIGIT = /(\p{L})(\d)/gu
const DIGIT_LETTER = /(\d)(\p{L})/gu
const DIGITS = /^\d+$/
const ASCII = /^[\x20-\x7e]*$/
// Words that only say whose field it is (`Contact Phone 1`, `Person - Email - Work`, `Müşteri Adı`).
const OWNER_WORDS = new Set([
  'person',
  'contact',
  'lead',
  'prospect',
  'customer',
  'client',
  'kisi',
  'musteri',
])
const NOISE_WORDS = new Set(['value', 'deger', 'degeri'])

/**
 * Case-folds for comparison: Turkish `İ`/`I`/`ı` all become `i`, diacritics and compatibility
 * forms are stripped (`Şirket` → `sirket`, full-width letters → ASCII).
 * @example foldText('ADI SOYADI') // 'adi soyadi'
 */
export function foldText(text: string): string {
  if (ASCII.test(text)) return text.toLowerCase()
  return text
    .replace(/İ/g, 'i')
    .replace(/ı/g, 'i')
    .toLowerCase()
    .normalize('NFKD')
    .replace(MARKS, '')
}

/**
 * The text of a header cell: strings trimmed of whitespace, BOM and zero-width characters,
 * numbers and booleans as text (a formatted number as shown), dates as `YYYY-MM-DD`, empty
 * cells as `''`.
 */
export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return ''
  if (typeof cell === 'string') return cell.replace(INVISIBLE, '').trim()
  if (cell instanceof Date)
    return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10)
  if (typeof cell === 'object') return cell.text.trim()
  return String(cell)
}

/** Splits and folds a header into tokens (camelCase and letter/digit boundaries split too). */
export function tokenize(header: string): string[] {
  const text = foldText(
    header
      .slice(0, MAX_HEADER_CHARS)
      .replace(INVISIBLE, '')
      .replace(POSSESSIVE, '')
      .replace(CAMEL, '$1 $2'),
  )
  const raw = text.replace(LETTER_DIGIT, '$1 $2').replace(DIGIT_LETTER, '$1 $2').split(SPLIT)
  const tokens: string[] = []
  for (const t of raw) {
    if (t === '') continue
    const prev = tokens[tokens.length - 1]
    // `E-mail` / `E-posta` split into `e` + `mail`: glue them back.
    if (prev === 'e' && (t === 'mail' || t === 'posta' || t === 'mails')) {
      tokens[tokens.length - 1] = `e${t}`
    } else tokens.push(t)
  }
  return tokens
}

/**
 * Normalises a header for matching.
 * @example normalizeHeader('\uFEFFPerson - Phone - Mobile').core // ['phone', 'mobile']
 */
export function normalizeHeader(header: string): HeaderKey {
  const tokens = tokenize(header)
  let core = tokens.filter((t) => !DIGITS.test(t) && !NOISE_WORDS.has(t))
  const first = core[0]
  if (core.length > 1 && first !== undefined && OWNER_WORDS.has(first)) core = core.slice(1)
  return { tokens, core, full: tokens.join(''), compact: core.join('') }
}

/** Sorted-token key, so `Email - Work` meets the synonym `work email`. */
export function sortedKey(tokens: readonly string[]): string {
  return [...tokens].sort().join(' ')
}
