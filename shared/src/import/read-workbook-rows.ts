import type { Cell, Result } from '../read/types.ts'
import { readWorkbook } from '../read/workbook/read-workbook.ts'
import type { MergedRange } from '../read/workbook/scan-sheet.ts'
import { readXlsx } from '../read/workbook/stream/read-xlsx.ts'
import type { WorkbookRead } from '../read/workbook/types.ts'

/** How `readLeadFile` reads a workbook's rows. */
export interface WorkbookRowsOptions {
  sheet?: string
  maxRows?: number
  xlsxReader?: 'stream' | 'sheetjs'
  signal?: AbortSignal
  onProgress?: (fraction: number) => void
}

/**
 * Feeds a workbook's rows to `take` (which returns `false` to stop); the header-window merges
 * come with the result. XLSX streams: rows go to `take` as the sheet inflates, and the merges
 * (stored after the cells) are known only at the end. XLS, ODS and any XLSX the streaming
 * reader refuses are parsed whole by SheetJS first, so `setMerges` gets their merges before the
 * first row.
 * @example await readWorkbookRows(bytes, 'xlsx', {}, (m) => {}, (cells, row, hidden) => true)
 */
export async function readWorkbookRows(
  bytes: Uint8Array,
  kind: 'xlsx' | 'xls' | 'ods',
  options: WorkbookRowsOptions,
  setMerges: (merges: readonly MergedRange[]) => void,
  take: (cells: Cell[], rowNumber: number, hidden: boolean) => boolean,
): Promise<Result<WorkbookRead>> {
  const { sheet, maxRows, signal, onProgress } = options
  if (kind === 'xlsx' && options.xlsxReader !== 'sheetjs') {
    const streamed = await readXlsx(bytes, {
      sheet,
      maxRows,
      signal,
      onProgress,
      onRow: take,
    })
    if (!('refused' in streamed)) {
      if (streamed.ok) onProgress?.(1)
      return streamed
    }
  }
  const rows: { cells: Cell[]; rowNumber: number; hidden: boolean }[] = []
  const read = await readWorkbook(bytes, {
    sheet,
    maxRows,
    xlsxReader: 'sheetjs',
    onRow: (cells, rowNumber, hidden) => {
      rows.push({ cells, rowNumber, hidden })
    },
  })
  if (!read.ok) return read
  setMerges(read.data.merges)
  for (const r of rows) if (!take(r.cells, r.rowNumber, r.hidden)) break
  onProgress?.(1)
  return read
}
