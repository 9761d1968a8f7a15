import type { Result } from '../types.ts'
import { openWorkbook, sheetOf } from './open-workbook.ts'
import { MAX_COLUMNS, type OnRow, scanSheet } from './scan-sheet.ts'
import type {
  OpenedWorkbook,
  ReadSheetOptions,
  ReadWorkbookOptions,
  WorkbookRead,
  WorkbookRow,
} from './types.ts'

const n = (x: number) => x.toLocaleString('en-US')

function notesFor(read: Omit<WorkbookRead, 'notes' | 'rows'>, picked: boolean, maxRows = 0) {
  const notes: string[] = []
  const skipped = read.sheets.filter((s) => s.hidden && (s.rows ?? 0) > 0).map((s) => s.name)
  if (picked && skipped.length > 0) {
    notes.push(`Hidden sheets were not read: ${skipped.map((s) => `"${s}"`).join(', ')}.`)
  }
  if (read.columnCount > read.columnsKept) {
    notes.push(
      `The sheet has ${n(read.columnCount)} columns; only the first ${n(read.columnsKept)} were read.`,
    )
  }
  if (read.formulasWithoutValue > 0) {
    notes.push(
      `${n(read.formulasWithoutValue)} formula cells (first in row ${read.formulaRows[0]}) have ` +
        'no saved value and were read as empty; open the file in Excel, let it calculate, ' +
        'save, and upload again.',
    )
  }
  if (read.hiddenRowCount > 0) notes.push(`${n(read.hiddenRowCount)} rows are hidden in Excel.`)
  if (read.otherMerges > 0) {
    notes.push(
      `${n(read.otherMerges)} merged cell ranges below the header keep their value in the ` +
        'first cell only.',
    )
  }
  if (read.truncated) notes.push(`Only rows up to row ${n(maxRows)} were read.`)
  return notes
}

/**
 * Walks one sheet of an opened workbook: rows of typed cells (arrays by column index, never
 * objects keyed by header), blank rows skipped, `rowNumber` as Excel shows it.
 * @example readSheet(opened, { sheet: 'Leads', onRow: (cells, rowNumber, hidden) => {} })
 */
export function readSheet(
  opened: OpenedWorkbook,
  opts: ReadSheetOptions = {},
): Result<WorkbookRead> {
  const { kind, wb, sheets, options } = opened
  const sheet = opts.sheet ?? opened.sheet
  const ws = sheetOf(wb, sheet)
  if (!ws) {
    const message = `Sheet "${sheet}" was not read from this workbook; open it again asking for it.`
    return { ok: false, error: { code: 'FILE_FORMAT', message } }
  }
  const maxColumns = opts.maxColumns ?? MAX_COLUMNS
  const rows: WorkbookRow[] = []
  const onRow: OnRow =
    opts.onRow ?? ((cells, rowNumber, hidden) => rows.push({ cells, rowNumber, hidden }))
  const maxRows = options.maxRows ?? Number.POSITIVE_INFINITY
  const scan = scanSheet(ws, { maxRows, maxColumns }, onRow)
  const read = { kind, sheets, sheet, ...scan, columnsKept: Math.min(scan.columnCount, maxColumns) }
  const picked = options.sheet === undefined && opts.sheet === undefined
  return { ok: true, data: { ...read, notes: notesFor(read, picked, options.maxRows), rows } }
}

/**
 * Reads one sheet of an XLSX, XLS or ODS file: `openWorkbook` then `readSheet`.
 * A header-only sheet gives `rowCount: 1`; the caller turns that into NO_DATA_ROWS.
 * @example
 * const read = await readWorkbook(bytes, { maxRows: 200_001, onRow: (cells, rowNumber) => {} })
 */
export async function readWorkbook(
  bytes: Uint8Array,
  opts: ReadWorkbookOptions = {},
): Promise<Result<WorkbookRead>> {
  const { maxColumns, onRow, ...options } = opts
  const opened = await openWorkbook(bytes, options)
  if (!opened.ok) return opened
  return readSheet(opened.data, {
    ...(maxColumns !== undefined ? { maxColumns } : {}),
    ...(onRow ? { onRow } : {}),
  })
}
