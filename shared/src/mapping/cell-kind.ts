import type { Cell } from '../read/types.ts'

const PHONE_CHARS = /^[+(]?[\d\s().\-/]+$/
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/**
 * True when a cell looks like a phone number: 7–17 digits written with phone punctuation only,
 * or an integer number cell of 7+ digits (Excel drops the `+` and leading zeros), formatted
 * or not.
 */
export function isPhoneLike(cell: Cell | undefined): boolean {
  // A formatted number cell (`(###) ###-####`) is judged by its exact value, as it is imported.
  const v = typeof cell === 'object' && cell !== null && !(cell instanceof Date) ? cell.value : cell
  if (typeof v === 'number') return Number.isInteger(v) && v >= 1e6 && v < 1e17
  if (typeof cell !== 'string') return false
  const text = cell.trim().replace(/^'/, '')
  if (text.length < 7 || text.length > 30 || !PHONE_CHARS.test(text)) return false
  let digits = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c >= 48 && c <= 57) digits++
  }
  return digits >= 7 && digits <= 17
}

/** True when a cell looks like an email address. */
export function isEmailLike(cell: Cell | undefined): boolean {
  return typeof cell === 'string' && cell.length <= 254 && EMAIL.test(cell.trim())
}
