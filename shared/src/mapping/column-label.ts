import type { Cell } from '../read/types.ts'
import { cellText } from './normalize.ts'

const MAX_LABEL_CHARS = 60

/**
 * Excel-style column letters for a 0-based index.
 * @example columnLetter(0) // 'A'
 * @example columnLetter(16383) // 'XFD'
 */
export function columnLetter(index: number): string {
  let n = Math.floor(index)
  if (!Number.isFinite(n) || n < 0) return '?'
  let letters = ''
  do {
    letters = String.fromCharCode(65 + (n % 26)) + letters
    n = Math.floor(n / 26) - 1
  } while (n >= 0)
  return letters
}

/**
 * A label that tells columns apart even when headers repeat or are blank: the header text
 * (trimmed, shortened past 60 characters) with the column letter, or a placeholder.
 * @example columnLabel(1, 'phone') // 'phone (B)'
 * @example columnLabel(3, null) // '(no header, column D)'
 */
export function columnLabel(index: number, header: Cell | undefined): string {
  const text = cellText(header).replace(/\s+/g, ' ')
  const letter = columnLetter(index)
  if (text === '') return `(no header, column ${letter})`
  const short = text.length > MAX_LABEL_CHARS ? `${text.slice(0, MAX_LABEL_CHARS - 1)}…` : text
  return `${short} (${letter})`
}
