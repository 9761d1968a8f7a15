import type { WorkBook } from 'xlsx'
import type { Cell, FileKind } from '../types.ts'
import type { MergedRange, OnRow } from './scan-sheet.ts'
import type { ZipLimits } from './zip-gate.ts'

/** The kinds this reader opens (CSV goes to the text reader). */
export type WorkbookKind = Exclude<FileKind, 'csv'>

/** One sheet of a workbook; `rows` counts its non-blank rows when the sheet was parsed. */
export interface SheetInfo {
  name: string
  /** Hidden (1) or very hidden (2, only visible through VBA) in Excel. */
  hidden: boolean
  veryHidden: boolean
  rows?: number
}

/** One non-blank row: its cells by column index and the row number Excel shows. */
export interface WorkbookRow {
  cells: Cell[]
  rowNumber: number
  hidden: boolean
}

/** Options of `openWorkbook`, `listSheets` and `readWorkbook`: they shape the parse. */
export interface OpenOptions {
  /** Read only this sheet (default: the first visible sheet with data). */
  sheet?: string
  /** Read rows up to this Excel row number; `truncated` says whether data went further. */
  maxRows?: number
  /** Thresholds of the zip gate (tests lower them). */
  zipLimits?: ZipLimits
}

/** Options of `readSheet`: which parsed sheet to walk, and how. */
export interface ReadSheetOptions {
  /** A sheet parsed by `openWorkbook` (default: the one it picked). */
  sheet?: string
  /** Columns kept per row (default `MAX_COLUMNS`, 1,000); wider data is reported, not read. */
  maxColumns?: number
  /** Receives each non-blank row; when given, `rows` in the result stays empty. */
  onRow?: OnRow
}

/** Options of `readWorkbook`: parse options plus sheet-walk options. */
export interface ReadWorkbookOptions extends OpenOptions, Omit<ReadSheetOptions, 'sheet'> {
  /**
   * How an XLSX is read: `stream` (default) inflates and scans only the parts needed and hands
   * files it refuses to SheetJS; `sheetjs` always uses SheetJS (agreement tests, benchmarks).
   */
  xlsxReader?: 'stream' | 'sheetjs'
  /** Aborting rejects the returned promise with the signal's reason (streaming reader). */
  signal?: AbortSignal
  /** Fraction (0..1) of the sheet read so far (streaming reader; SheetJS reports nothing). */
  onProgress?: (fraction: number) => void
}

/** A parsed workbook with its sheet list (hidden flags, row counts) and the default sheet. */
export interface OpenedWorkbook {
  kind: WorkbookKind
  wb: WorkBook
  sheets: SheetInfo[]
  /** The sheet asked for, else the first visible sheet with data. */
  sheet: string
  /** The options it was parsed with (`maxRows` bounds what can be read). */
  options: OpenOptions
}

/** What `readWorkbook` and `readSheet` return: the sheet's rows and everything worth telling the user. */
export interface WorkbookRead {
  kind: WorkbookKind
  sheets: SheetInfo[]
  sheet: string
  /** Non-blank rows read, title and header rows included (header-only sheet: 1). */
  rowCount: number
  /** Excel row number of the last non-blank row read (0 when none). */
  lastRowNumber: number
  /** Real width of the sheet (last column holding a value), before the column cap. */
  columnCount: number
  /** Columns kept per row: `min(columnCount, maxColumns)`. */
  columnsKept: number
  hiddenRowCount: number
  /** Formula cells saved without a value (read as `null`). */
  formulasWithoutValue: number
  /** Excel row numbers of the first (up to 10) rows holding such formulas. */
  formulaRows: number[]
  /** Rows exist past `maxRows` and were not read. */
  truncated: boolean
  /** Merged ranges in the header scan window (first 30 non-blank rows). */
  merges: MergedRange[]
  /** Merged ranges further down; their value sits in the top-left cell only. */
  otherMerges: number
  /** Plain-language notes for the user (hidden sheets skipped, columns dropped, ...). */
  notes: string[]
  /** The rows, when no `onRow` was given. */
  rows: WorkbookRow[]
}
