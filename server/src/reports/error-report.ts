import Papa from 'papaparse'
import * as XLSX from 'xlsx'
import type { ImportErrorRow } from '../db/import-errors.ts'
import { cellText, FORMULA_TRIGGER, truncateCell } from './safe-text.ts'

/** Formats of the error report. */
export type ReportFormat = 'xlsx' | 'csv'

/** The report as a table of text: a header row, then one row per skipped row of the file. */
export type ReportTable = string[][]

function columnName(i: number): string {
  let s = ''
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s
  }
  return s
}

/**
 * Builds the report table: `Row` (the row number in the original file), `Issues` (codes),
 * `Reason` (plain messages), then the file's own columns with their header labels (a blank
 * header shows its column letter). Every cell is text, truncated for Excel.
 * @example buildReportTable(['Name', 'Phone'], errors)
 */
export function buildReportTable(
  header: readonly (string | null)[],
  errors: Iterable<ImportErrorRow>,
): ReportTable {
  const table: ReportTable = []
  let width = header.length
  const body: string[][] = []
  for (const e of errors) {
    const row = [String(e.row_number), e.codes.join(', '), e.messages.join(' ')]
    for (const cell of e.cells) row.push(truncateCell(cellText(cell)))
    if (e.cells.length > width) width = e.cells.length
    body.push(row)
  }
  const head = ['Row', 'Issues', 'Reason']
  for (let i = 0; i < width; i++) {
    const label = header[i]
    head.push(truncateCell(label ? label : `Column ${columnName(i)}`))
  }
  table.push(head)
  for (const row of body) table.push(row)
  return table
}

/**
 * Writes the report as XLSX: every cell an explicit string cell (`t: 's'`), so nothing is ever a
 * formula whatever it starts with, and `+90…` stays as written.
 */
export function writeReportXlsx(table: ReportTable): Uint8Array {
  const sheet: XLSX.WorkSheet = {}
  let cols = 0
  for (let r = 0; r < table.length; r++) {
    const row = table[r] as string[]
    if (row.length > cols) cols = row.length
    for (let c = 0; c < row.length; c++) {
      const v = row[c] as string
      if (v !== '') sheet[XLSX.utils.encode_cell({ r, c })] = { t: 's', v }
    }
  }
  sheet['!ref'] = XLSX.utils.encode_range({
    s: { r: 0, c: 0 },
    e: { r: Math.max(0, table.length - 1), c: Math.max(0, cols - 1) },
  })
  const book = XLSX.utils.book_new()
  XLSX.utils.book_append_sheet(book, sheet, 'Skipped rows')
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true }) as Uint8Array
}

/**
 * Writes the report as CSV for Excel: UTF-8 with a BOM, CRLF, RFC 4180 quoting, and a `'` before
 * any value a spreadsheet would run as a formula ({@link FORMULA_TRIGGER}).
 */
export function writeReportCsv(table: ReportTable): string {
  return `\uFEFF${Papa.unparse(table, { escapeFormulae: FORMULA_TRIGGER, newline: '\r\n' })}\r\n`
}
