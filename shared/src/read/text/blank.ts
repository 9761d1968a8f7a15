/**
 * True for the characters `String.prototype.trim` removes, except CR and LF (which end lines).
 * Matches PapaParse's `skipEmptyLines: 'greedy'`, which trims with the same set.
 */
export function isInlineSpace(c: number): boolean {
  if (c > 32 && c < 0xa0) return false
  return (
    c === 32 ||
    c === 9 ||
    c === 11 ||
    c === 12 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  )
}

/** True when text[from, to) holds only whitespace and delimiters: a line with no values. */
export function isBlankText(text: string, from: number, to: number, delimCode: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i)
    if (c !== delimCode && !isInlineSpace(c)) return false
  }
  return true
}

/** True when every field is empty or whitespace (quoted line breaks count as whitespace). */
export function isBlankRecord(fields: string[]): boolean {
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i] as string
    if (f.length !== 0 && f.trim().length !== 0) return false
  }
  return true
}
