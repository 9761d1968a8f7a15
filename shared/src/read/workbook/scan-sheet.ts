import type { CellObject, Range, WorkSheet } from 'xlsx'
import type { Cell } from '../types.ts'
import { isBlank, isBlankRow, isFormulaWithoutValue, toCell } from './cells.ts'

/** Columns kept per row; cells past it are dropped and reported (a sheet may have 16,384). */
export const MAX_COLUMNS = 1000

/** Rows (non-blank) at the top of a sheet searched for the header; merges there are reported. */
export const HEADER_SCAN_ROWS = 30

/** Called once per non-blank row, in order; `rowNumber` is the 1-based row Excel shows. */
export type OnRow = (cells: Cell[], rowNumber: number, hidden: boolean) => void

/** A merged range: `firstRow`/`lastRow` are Excel row numbers, columns are 0-based indexes. */
export interface MergedRange {
  firstRow: number
  lastRow: number
  firstColumn: number
  lastColumn: number
}

/** What one pass over a sheet found. */
export interface SheetScan {
  /** Non-blank rows delivered (at most `maxRows`). */
  rowCount: number
  /** Excel row number of the last non-blank row delivered; 0 when there is none. */
  lastRowNumber: number
  /** Real width: last column holding a value, counted before the column cap. */
  columnCount: number
  hiddenRowCount: number
  /** Excel row numbers of formula cells without a cached value (cells read as `null`). */
  formulaRows: number[]
  formulasWithoutValue: number
  /** A non-blank row exists past `maxRows`. */
  truncated: boolean
  /** Merged ranges that start in the header scan window (first {@link HEADER_SCAN_ROWS} rows). */
  merges: MergedRange[]
  /** Merged ranges further down (in data rows); they are not filled in. */
  otherMerges: number
}

/** Limits of one scan. */
export interface ScanLimits {
  maxRows: number
  maxColumns: number
}

type RawRow = (CellObject | undefined)[]

/** What {@link readRow} learnt besides the cells. */
interface RowFacts {
  /** Last column at or past the cap holding a value, or -1. */
  beyond: number
  /** Formula cells without a cached value within the cap. */
  missing: number
}

/**
 * Converts one raw row into cells, capped at `maxColumns`. A row reaching past the cap is a
 * sparse (dictionary-mode) array with up to 16,384 slots: only the cells present are visited,
 * since indexing every slot costs ~40 ns each (100 s for 100k such rows).
 */
function readRow(raw: RawRow, maxColumns: number, facts: RowFacts): Cell[] {
  facts.beyond = -1
  facts.missing = 0
  if (raw.length <= maxColumns) {
    const cells = new Array<Cell>(raw.length)
    for (let c = 0; c < raw.length; c++) {
      const cell = raw[c]
      cells[c] = toCell(cell)
      if (isFormulaWithoutValue(cell)) facts.missing++
    }
    return cells
  }
  const cells = new Array<Cell>(maxColumns).fill(null)
  for (const key of Object.keys(raw)) {
    const c = Number(key)
    const cell = raw[c]
    if (c < maxColumns) {
      cells[c] = toCell(cell)
      if (isFormulaWithoutValue(cell)) facts.missing++
    } else if (!isBlank(toCell(cell))) facts.beyond = c // keys come in ascending order
  }
  return cells
}

/** True when a raw row holds a value within the first `maxColumns` columns. */
function hasValue(raw: RawRow, maxColumns: number): boolean {
  if (raw.length <= maxColumns) {
    for (let c = 0; c < raw.length; c++) if (!isBlank(toCell(raw[c]))) return true
    return false
  }
  for (const key of Object.keys(raw)) {
    const c = Number(key)
    if (c < maxColumns && !isBlank(toCell(raw[c]))) return true
  }
  return false
}

/**
 * Splits merged ranges into those starting in the header scan window (up to Excel row
 * `windowEnd`, within the column cap) and a count of the others.
 * @example collectMerges([decode_range('A1:B1')], 30, 1000).merges[0]?.lastColumn // 1
 */
export function collectMerges(ranges: readonly Range[], windowEnd: number, maxColumns: number) {
  const merges: MergedRange[] = []
  let otherMerges = 0
  for (const m of ranges) {
    if (m.s.r + 1 > windowEnd || m.s.c >= maxColumns) {
      otherMerges++
      continue
    }
    merges.push({
      firstRow: m.s.r + 1,
      lastRow: m.e.r + 1,
      firstColumn: m.s.c,
      lastColumn: Math.min(m.e.c, maxColumns - 1),
    })
  }
  merges.sort((a, b) => a.firstRow - b.firstRow || a.firstColumn - b.firstColumn)
  return { merges, otherMerges }
}

/**
 * Walks a dense SheetJS sheet from its real cells (the declared range is ignored), skipping
 * blank rows but keeping Excel row numbers, capping columns, and calling `onRow` per row.
 * @example scanSheet(ws, { maxRows: 100, maxColumns: 1000 }, (cells, n) => rows.push([n, cells]))
 */
export function scanSheet(ws: WorkSheet, limits: ScanLimits, onRow?: OnRow): SheetScan {
  const data = (ws['!data'] ?? []) as RawRow[]
  const meta = ws['!rows'] ?? []
  const { maxRows, maxColumns } = limits
  const scan: SheetScan = {
    rowCount: 0,
    lastRowNumber: 0,
    columnCount: 0,
    hiddenRowCount: 0,
    formulaRows: [],
    formulasWithoutValue: 0,
    truncated: false,
    merges: [],
    otherMerges: 0,
  }
  let windowEnd = 0
  const facts: RowFacts = { beyond: -1, missing: 0 }
  // SheetJS parsed at most one row past maxRows: it only tells whether data goes on.
  const end = Math.min(data.length, maxRows + 1)
  for (let r = 0; r < end; r++) {
    const raw = data[r]
    if (raw === undefined) continue
    const rowNumber = r + 1
    const cells = readRow(raw, maxColumns, facts)
    const blank = isBlankRow(cells)
    if (rowNumber > maxRows) {
      scan.truncated = !blank || facts.beyond >= 0
      break
    }
    // Counted on blank rows too: a row of formulas without values must not vanish unexplained.
    if (facts.missing > 0) {
      scan.formulasWithoutValue += facts.missing
      if (scan.formulaRows.length < 10) scan.formulaRows.push(rowNumber)
    }
    if (facts.beyond >= 0) scan.columnCount = Math.max(scan.columnCount, facts.beyond + 1)
    if (blank) continue
    let last = cells.length - 1
    while (last >= 0 && cells[last] === null) last--
    cells.length = last + 1
    scan.columnCount = Math.max(scan.columnCount, last + 1)
    const hidden = meta[r]?.hidden === true
    if (hidden) scan.hiddenRowCount++
    scan.rowCount++
    scan.lastRowNumber = rowNumber
    if (scan.rowCount <= HEADER_SCAN_ROWS) windowEnd = rowNumber
    onRow?.(cells, rowNumber, hidden)
  }
  Object.assign(scan, collectMerges((ws['!merges'] ?? []) as Range[], windowEnd, maxColumns))
  return scan
}

/** Counts a sheet's non-blank rows up to `maxRows`, looking at the first `maxColumns` cells. */
export function countRows(ws: WorkSheet, limits: ScanLimits): number {
  const data = (ws['!data'] ?? []) as RawRow[]
  const end = Math.min(data.length, limits.maxRows)
  let count = 0
  for (let r = 0; r < end; r++) {
    const raw = data[r]
    if (raw !== undefined && hasValue(raw, limits.maxColumns)) count++
  }
  return count
}
