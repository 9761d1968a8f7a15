import { sniffFile } from '../sniff.ts'
import type { Result } from '../types.ts'
import { notesFor } from './notes.ts'
import { openWorkbook, sheetOf } from './open-workbook.ts'
import { MAX_COLUMNS, type OnRow, scanSheet } from './scan-sheet.ts'
import { readXlsx } from './stream/read-xlsx.ts'
import type {
  OpenedWorkbook,
  ReadSheetOptions,
  ReadWorkbookOptions,
  WorkbookRead,
  WorkbookRow,
} from './types.ts'

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
 * Reads one sheet of an XLSX, XLS or ODS file. XLSX goes through the streaming reader
 * (`stream/read-xlsx.ts`); XLS, ODS and any XLSX it refuses go through SheetJS (`openWorkbook`
 * then `readSheet`), so encrypted packages (CFB, sniffed first) never reach it.
 * A header-only sheet gives `rowCount: 1`; the caller turns that into NO_DATA_ROWS.
 * @example
 * const read = await readWorkbook(bytes, { maxRows: 200_001, onRow: (cells, rowNumber) => {} })
 */
export async function readWorkbook(
  bytes: Uint8Array,
  opts: ReadWorkbookOptions = {},
): Promise<Result<WorkbookRead>> {
  const { maxColumns, onRow, xlsxReader, signal, onProgress, ...options } = opts
  if (xlsxReader !== 'sheetjs') {
    const sniffed = sniffFile(bytes)
    if (sniffed.ok && sniffed.data.kind === 'xlsx') {
      const streamed = await readXlsx(bytes, opts)
      // Refused files (XLSB, ZIP64, encrypted zip entries, missing parts) go on to SheetJS.
      if (!('refused' in streamed)) return streamed
    }
  }
  const opened = await openWorkbook(bytes, options)
  if (!opened.ok) return opened
  return readSheet(opened.data, {
    ...(maxColumns !== undefined ? { maxColumns } : {}),
    ...(onRow ? { onRow } : {}),
  })
}
