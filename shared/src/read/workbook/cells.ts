import type { CellObject } from 'xlsx'
import type { Cell, FormattedNumber } from '../types.ts'
import { displayFormat, formatNumber, numberText } from './number-format.ts'

/** Excel's error values by their BIFF code, for error cells that carry no text. */
const ERROR_TEXT: Record<number, string> = {
  0: '#NULL!',
  7: '#DIV/0!',
  15: '#VALUE!',
  23: '#REF!',
  29: '#NAME?',
  36: '#NUM!',
  42: '#N/A',
  43: '#GETTING_DATA',
}

/**
 * Turns one SheetJS cell into a {@link Cell}: the exact number of a numeric cell (never the
 * formatted `w`; with its number format `z` rendered beside it when that is not General),
 * strings, booleans, dates as UTC `Date`, error cells as their text (`#N/A`), a formula's
 * cached value, and `null` for empty cells, stubs and formulas with no value.
 * @example toCell({ t: 'n', v: 905551234567, w: '9.05551E+11' }) // 905551234567
 * @example toCell({ t: 'n', v: 0.15, z: '0%' }) // { value: 0.15, text: '15%' }
 */
export function toCell(c: CellObject | undefined): Cell {
  if (c === undefined) return null
  const v = c.v
  switch (c.t) {
    case 'n': {
      if (typeof v !== 'number' || !Number.isFinite(v)) return null
      const code = c.z === undefined ? undefined : displayFormat(c.z)
      return code === undefined ? v : formatNumber(v, code)
    }
    case 's':
      return typeof v === 'string' && v !== '' ? v : null
    case 'b':
      return v === true
    case 'd': {
      const d = v instanceof Date ? v : typeof v === 'string' ? new Date(v) : null
      return d && !Number.isNaN(d.getTime()) ? d : null
    }
    case 'e':
      if (v === undefined) return null
      return c.w ?? (typeof v === 'number' ? (ERROR_TEXT[v] ?? '#ERROR!') : '#ERROR!')
    default:
      return null
  }
}

/** True for a formula cell saved without its computed value (SheetJS never calculates). */
export function isFormulaWithoutValue(c: CellObject | undefined): boolean {
  return c !== undefined && c.f !== undefined && (c.t === 'z' || c.v === undefined)
}

/**
 * True for a numeric cell shown through a number format ({@link FormattedNumber}).
 * @example isFormattedNumber({ value: 0.15, text: '15%' }) // true
 */
export function isFormattedNumber(cell: Cell | undefined): cell is FormattedNumber {
  return typeof cell === 'object' && cell !== null && !(cell instanceof Date)
}

/**
 * The cell a phone column reads: a formatted number's exact value (every digit, no `(###)`
 * punctuation or zero padding); any other cell as it is.
 * @example exactCell({ value: 5321234567, text: '(532) 123-4567' }) // 5321234567
 */
export function exactCell(cell: Cell): Cell {
  return isFormattedNumber(cell) ? cell.value : cell
}

/** True for an empty cell or one holding only whitespace. */
export function isBlank(cell: Cell | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '')
}

/** True when a row holds nothing but empty cells and whitespace. */
export function isBlankRow(cells: readonly Cell[]): boolean {
  for (let i = 0; i < cells.length; i++) if (!isBlank(cells[i])) return false
  return true
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

/** Excel's day 0 (1899-12-30 UTC): a date cell on it (or day 1) holds a time of day only. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30)
const DAY_MS = 86_400_000

function dateToText(d: Date): string {
  const ms = d.getTime()
  const hasTime = ms % DAY_MS !== 0
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
  const secs = d.getUTCSeconds() ? `:${pad(d.getUTCSeconds())}` : ''
  if (hasTime && ms >= EXCEL_EPOCH_MS && ms < EXCEL_EPOCH_MS + 2 * DAY_MS) return time + secs
  const day = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
  return hasTime ? `${day} ${time}${secs}` : day
}

/**
 * Text for showing a non-phone cell: dates as ISO `YYYY-MM-DD` (plus ` HH:MM` when they have a
 * time), numbers without float noise (15 significant digits, like Excel), a formatted number
 * as Excel shows it (`15%`, `$1,234.50`, `02134`), `TRUE`/`FALSE`.
 * Never use it for phones: a numeric phone needs its exact integer ({@link exactCell}).
 * @example cellToText(new Date(Date.UTC(2024, 0, 31))) // '2024-01-31'
 */
export function cellToText(cell: Cell): string {
  if (cell === null) return ''
  if (typeof cell === 'string') return cell
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE'
  if (typeof cell === 'number') return numberText(cell)
  if (cell instanceof Date) return dateToText(cell)
  return cell.text
}
