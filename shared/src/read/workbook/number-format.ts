import { SSF } from 'xlsx'
import type { Cell } from '../types.ts'
import { formatDigits, isDigitPattern } from './digit-pattern.ts'

/**
 * The built-in number formats a style may use without declaring them (ECMA-376 18.8.30), as
 * SheetJS's table holds them; dates, times and text (`@`) are left out, and so are ids SheetJS
 * does not know (the locale-dependent currencies 5–8, accounting 41–44): both readers show
 * those as General unless the workbook declares their code, which Excel does.
 */
export const BUILTIN_NUMBER_FORMATS: Readonly<Record<number, string>> = {
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00;(#,##0.00)',
  40: '#,##0.00;[Red](#,##0.00)',
  48: '##0.0E+0',
}

// What `displayFormat` decided per format code: a workbook has few codes and millions of cells.
const verdicts = new Map<string, string | null>()
const MAX_VERDICTS = 1_000
// A locale tag without a currency symbol (`[$-409]`, `[$-F800]`) changes nothing in what Excel
// shows here, but SSF prints it as a `$`.
const LOCALE_ONLY = /\[\$-[0-9A-Fa-f]+\]/g

/**
 * The format code to render a numeric cell with, or `undefined` when the cell keeps its plain
 * value: General, text (`@`) and date or time formats (those cells become `Date`s) are not
 * rendered, nor a code SheetJS cannot parse. A number is a built-in format id.
 * @example displayFormat('0%') // '0%'
 * @example displayFormat('General') // undefined
 */
export function displayFormat(code: string | number | undefined): string | undefined {
  const text = typeof code === 'number' ? BUILTIN_NUMBER_FORMATS[code] : code
  if (text === undefined || text === '') return undefined
  let shown = verdicts.get(text)
  if (shown === undefined) {
    shown = toDisplayFormat(text)
    if (verdicts.size >= MAX_VERDICTS) verdicts.clear()
    verdicts.set(text, shown)
  }
  return shown ?? undefined
}

function toDisplayFormat(code: string): string | null {
  const bare = code.trim().toLowerCase()
  if (bare === 'general' || bare === '@') return null
  try {
    if (SSF.is_date(code)) return null
    const clean = code.replace(LOCALE_ONLY, '')
    SSF.format(clean, 1.5)
    return clean
  } catch {
    return null
  }
}

/**
 * A number as text without float noise (15 significant digits, like Excel's General).
 * @example numberText(0.1 + 0.2) // '0.3'
 */
export function numberText(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(15)))
}

// Texts SSF rendered, by format code and value: percentages, ratings and prices repeat. Bounded
// per code and in all; once full, values are rendered without being kept (no churn).
const rendered = new Map<string, Map<number, string>>()
const MAX_PER_CODE = 4_096
const MAX_KEPT = 65_536
let kept = 0

function renderWithSsf(value: number, code: string): string {
  let texts = rendered.get(code)
  if (texts === undefined) {
    if (kept >= MAX_KEPT) return SSF.format(code, value).trim()
    texts = new Map()
    rendered.set(code, texts)
  }
  const hit = texts.get(value)
  if (hit !== undefined) return hit
  const text = SSF.format(code, value).trim()
  if (texts.size < MAX_PER_CODE && kept < MAX_KEPT) {
    texts.set(value, text)
    kept++
  }
  return text
}

/**
 * The cell of a number shown through `code` (from {@link displayFormat}): the plain number when
 * the format shows it unchanged, else `{ value, text }` with the text Excel shows: digit
 * patterns (`00000`, `(###) ###-####`) on whole numbers by {@link formatDigits}, everything else
 * by SheetJS's SSF (en-US separators, surrounding padding trimmed).
 * @example formatNumber(0.15, '0%') // { value: 0.15, text: '15%' }
 * @example formatNumber(2134, '00000') // { value: 2134, text: '02134' }
 */
export function formatNumber(value: number, code: string): Cell {
  // The usual format of a phone or id column, and a no-op on integers: skip the formatter.
  if (code === '0' && Number.isSafeInteger(value)) return value
  let text: string
  try {
    text =
      value >= 0 && Number.isSafeInteger(value) && isDigitPattern(code)
        ? formatDigits(value, code)
        : renderWithSsf(value, code)
  } catch {
    return value
  }
  return text === numberText(value) ? value : { value, text }
}
