/** Longest text an Excel cell holds; SheetJS throws above it when writing XLSX. */
export const EXCEL_CELL_LIMIT = 32_767

/**
 * A report cell as text, cut to {@link EXCEL_CELL_LIMIT} characters with a marker that says how
 * long the value was (the marker is inside the limit). Never splits a surrogate pair.
 * @example truncateCell('x'.repeat(40_000)) // 'xxx…… [truncated: 40,000 characters]'
 */
export function truncateCell(text: string): string {
  if (text.length <= EXCEL_CELL_LIMIT) return text
  const marker = `… [truncated: ${text.length.toLocaleString('en-US')} characters]`
  let end = EXCEL_CELL_LIMIT - marker.length
  const last = text.charCodeAt(end - 1)
  if (last >= 0xd800 && last <= 0xdbff) end--
  return text.slice(0, end) + marker
}

/** A raw cell as read (text, exact number, boolean or empty) as report text. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE'
  if (typeof value === 'number') {
    // Integers up to 2^53 print exactly; a phone stored as a number keeps every digit.
    return Number.isInteger(value) && Math.abs(value) < 2 ** 53 ? value.toFixed(0) : String(value)
  }
  return String(value)
}

/**
 * Values a spreadsheet would run as a formula when a CSV is opened (OWASP, plus LF and leading
 * whitespace before a trigger, which some spreadsheets trim). A `+` or `-` followed only by
 * digits, spaces and `( ) . -` is left alone: it can call no function and reach no other program,
 * and `+905551234567` stays readable instead of becoming `'+905551234567`.
 */
export const FORMULA_TRIGGER = /^(?:[=@\t\r\n\0]|[+-](?![\d ().-]*$)|[\s\u00a0]+[=+\-@])/
