// C0/C1 controls, zero-width characters and bidi overrides/isolates/marks: they hide or reorder
// what a person sees (UTR #36, CVE-2021-42574). Tab, CR and LF are turned into spaces instead.
const INVISIBLE_CLASS =
  '[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u2064\\u2066-\\u2069\\ufeff]'
const INVISIBLE = new RegExp(INVISIBLE_CLASS, 'g')
const INVISIBLE_TEST = new RegExp(INVISIBLE_CLASS)
const BREAKS = /[\t\r\n]+/g
const NON_ASCII = /[^\x20-\x7e]/

/** A text value made safe to show and store: NFC, trimmed, invisible characters removed. */
export interface CleanText {
  text: string
  /** True when characters were removed (the row gets `TEXT_CLEANED`). */
  cleaned: boolean
}

/**
 * Cleans one text value: removes control, zero-width and bidi-control characters, turns tabs
 * and line breaks into spaces, trims and normalises to NFC.
 * @example cleanText('Ali\u202e Veli') // { text: 'Ali Veli', cleaned: true }
 */
export function cleanText(value: string): CleanText {
  if (isPlain(value)) return { text: value, cleaned: false }
  let text = value
  let cleaned = false
  if (INVISIBLE_TEST.test(text)) {
    text = text.replace(INVISIBLE, '')
    cleaned = true
  }
  if (text.includes('\t') || text.includes('\n') || text.includes('\r')) {
    text = text.replace(BREAKS, ' ')
  }
  text = text.trim()
  if (NON_ASCII.test(text)) text = text.normalize('NFC')
  return { text, cleaned }
}

/**
 * True when a value needs no cleaning: printable ASCII or precomposed Latin letters
 * (U+00A1–U+02FF, which NFC leaves as they are: `ş`, `ü`, `é`), no space at either end.
 * Most lead values are; one char-code loop is much cheaper than the regexes and `normalize`.
 */
export function isPlain(value: string): boolean {
  const n = value.length
  if (n === 0) return true
  if (value.charCodeAt(0) === 32 || value.charCodeAt(n - 1) === 32) return false
  for (let i = 0; i < n; i++) {
    const c = value.charCodeAt(i)
    if (c < 32 || (c > 126 && c < 0xa1) || c === 0xad || c > 0x2ff) return false
  }
  return true
}
