import type { WorkBook, WorkSheet } from 'xlsx'
import { KIND_LABELS, sniffFile } from '../sniff.ts'
import type { Result } from '../types.ts'
import { countRows, MAX_COLUMNS } from './scan-sheet.ts'
import { loadCodepages, parseWorkbook } from './sheetjs.ts'
import type { OpenedWorkbook, OpenOptions, SheetInfo } from './types.ts'
import { checkZip, DEFAULT_ZIP_LIMITS } from './zip-gate.ts'

/**
 * The parsed sheet of that name, if SheetJS kept it. SheetJS stores a sheet named `__proto__`
 * as the prototype of `wb.Sheets` (nothing global), so plain indexing is not trusted.
 */
function rawSheet(wb: WorkBook, name: string): WorkSheet | undefined {
  if (!wb.SheetNames.includes(name)) return undefined
  if (Object.hasOwn(wb.Sheets, name)) return wb.Sheets[name]
  const proto: unknown = Object.getPrototypeOf(wb.Sheets)
  return name === '__proto__' && proto !== Object.prototype ? (proto as WorkSheet) : undefined
}

/** The worksheet of that name if it was parsed and holds cells (chartsheets have no `!data`). */
export function sheetOf(wb: WorkBook, name: string): WorkSheet | undefined {
  const ws = rawSheet(wb, name)
  return ws && Array.isArray(ws['!data']) ? ws : undefined
}

function sheetInfos(wb: WorkBook, maxRows: number): SheetInfo[] {
  return wb.SheetNames.map((name, i) => {
    const state = wb.Workbook?.Sheets?.[i]?.Hidden ?? 0
    const ws = sheetOf(wb, name)
    const info: SheetInfo = { name, hidden: state !== 0, veryHidden: state === 2 }
    if (ws) info.rows = countRows(ws, { maxRows, maxColumns: MAX_COLUMNS })
    return info
  })
}

/** First visible sheet with data, else the first visible worksheet, else any worksheet. */
function pickSheet(sheets: SheetInfo[]): SheetInfo | undefined {
  const visible = sheets.filter((s) => !s.hidden)
  return (
    visible.find((s) => (s.rows ?? 0) > 0) ??
    visible.find((s) => s.rows !== undefined) ??
    sheets.find((s) => (s.rows ?? 0) > 0) ??
    sheets.find((s) => s.rows !== undefined)
  )
}

const fail = (code: 'FILE_DAMAGED' | 'FILE_EMPTY' | 'FILE_FORMAT', message: string) =>
  ({ ok: false, error: { code, message } }) as const

/**
 * Sniffs, gates (zip sizes checked before anything inflates) and parses a workbook, lists its
 * sheets and picks the one to read. Errors are values: FILE_EMPTY, FILE_FORMAT,
 * FILE_ENCRYPTED, FILE_DAMAGED, FILE_TOO_LARGE. Parse once, then `readSheet` as often as needed.
 * @example const opened = await openWorkbook(bytes, { maxRows: 50 })
 */
export async function openWorkbook(
  bytes: Uint8Array,
  options: OpenOptions = {},
): Promise<Result<OpenedWorkbook>> {
  const sniffed = sniffFile(bytes)
  if (!sniffed.ok) return sniffed
  const kind = sniffed.data.kind
  if (kind === 'csv') {
    return fail('FILE_FORMAT', `This is ${KIND_LABELS.csv}, not a workbook; it is read as text.`)
  }
  if (kind === 'xls') await loadCodepages()
  else {
    const gate = checkZip(bytes, options.zipLimits ?? DEFAULT_ZIP_LIMITS)
    if (!gate.ok) return gate
  }
  const { sheet, maxRows } = options
  const parsed = parseWorkbook(bytes, kind, {
    ...(sheet !== undefined ? { sheets: [sheet] } : {}),
    // One row more than asked, to tell whether data goes on.
    ...(maxRows !== undefined ? { sheetRows: maxRows + 1 } : {}),
  })
  if (!parsed.ok) return parsed
  const wb = parsed.data
  if (wb.SheetNames.length === 0)
    return fail(
      'FILE_EMPTY',
      'The workbook has no sheets. Open it in Excel, check that it holds your leads, save it and upload again.',
    )
  if (sheet !== undefined && !wb.SheetNames.includes(sheet)) {
    const names = wb.SheetNames.map((n) => `"${n}"`).join(', ')
    return fail(
      'FILE_FORMAT',
      `The workbook has no sheet named "${sheet}"; its sheets are ${names}.`,
    )
  }
  // SheetJS drops a sheet it cannot hold without a word: any parsed sheet missing is fatal.
  const lost = (sheet === undefined ? wb.SheetNames : [sheet]).find((n) => !rawSheet(wb, n))
  if (lost !== undefined) {
    const message =
      `Sheet "${lost}" could not be read: the file is damaged, or the sheet is too large to ` +
      'open. Re-save it in Excel, or export the sheet as CSV.'
    return fail('FILE_DAMAGED', message)
  }
  const sheets = sheetInfos(wb, maxRows ?? Number.POSITIVE_INFINITY)
  const chosen = sheet ?? pickSheet(sheets)?.name
  if (chosen === undefined) return fail('FILE_EMPTY', 'The workbook has no worksheet.')
  if (!sheetOf(wb, chosen)) {
    return fail('FILE_FORMAT', `"${chosen}" is a chart or dialog sheet, not a worksheet of cells.`)
  }
  return { ok: true, data: { kind, wb, sheets, sheet: chosen, options } }
}

/**
 * Lists a workbook's sheets with hidden flags and non-blank row counts, and the default one.
 * @example await listSheets(bytes) // { ok: true, data: { kind: 'xlsx', sheets, sheet: 'Leads' } }
 */
export async function listSheets(
  bytes: Uint8Array,
  options: OpenOptions = {},
): Promise<Result<Pick<OpenedWorkbook, 'kind' | 'sheets' | 'sheet'>>> {
  const opened = await openWorkbook(bytes, options)
  if (!opened.ok) return opened
  const { kind, sheets, sheet } = opened.data
  return { ok: true, data: { kind, sheets, sheet } }
}
