import type { Result } from '../../types.ts'
import { notesFor } from '../notes.ts'
import { MAX_COLUMNS, type OnRow, type SheetScan } from '../scan-sheet.ts'
import type { ReadWorkbookOptions, SheetInfo, WorkbookRead, WorkbookRow } from '../types.ts'
import { checkZip, DEFAULT_ZIP_LIMITS, type ZipLimits } from '../zip-gate.ts'
import type { BookSheet } from './book-parts.ts'
import { inflatePart } from './inflate.ts'
import { openXlsx, sheetPart, type XlsxPackage } from './open-xlsx.ts'
import { FileFailure, Refusal } from './refusal.ts'
import { SheetScanner } from './sheet-scanner.ts'

/**
 * The zip gate's limits for the streaming reader: the sheet is never held whole, so a workbook
 * may expand to 1 GiB (a 1,000,000-row CRM export is ~250 MB) where SheetJS, which holds it
 * all, stays at 200 MB (`ZIP_MAX_TOTAL_BYTES`). The ratio and entry limits are the same, and
 * the running budget still checks every inflated byte against them.
 */
export const STREAM_ZIP_LIMITS: ZipLimits = {
  ...DEFAULT_ZIP_LIMITS,
  maxTotalBytes: 1024 * 1024 * 1024,
}

/** Options of {@link readXlsx}: those of `readWorkbook`, plus streaming-only ones. */
export interface ReadXlsxOptions extends ReadWorkbookOptions {
  /** Use `DecompressionStream` where the platform has it (default); false forces fflate. */
  native?: boolean
  signal?: AbortSignal
  /** Fraction (0..1) of the chosen sheet read so far. */
  onProgress?: (fraction: number) => void
  /** Like `onRow`, and returning `false` stops reading. */
  onRow?: (...args: Parameters<OnRow>) => unknown
}

/** What {@link readXlsx} answers when it leaves a file to SheetJS: the reason, for tests. */
export interface Refused {
  refused: string
}

interface Pass {
  maxRows: number
  maxColumns: number
  onRow?: (...args: Parameters<OnRow>) => unknown
  onProgress?: (fraction: number) => void
}

async function scanSheetPart(pkg: XlsxPackage, sheet: BookSheet, pass: Pass): Promise<SheetScan> {
  const part = sheetPart(pkg, sheet)
  const scanner = new SheetScanner({ ...pass, ...pkg })
  const decoder = new TextDecoder()
  const { onProgress } = pass
  const total = Math.max(1, part.compressedSize)
  const chunks = inflatePart(pkg.bytes, part, {
    budget: pkg.budget,
    native: pkg.native,
    ...(pkg.signal ? { signal: pkg.signal } : {}),
    ...(onProgress ? { onInput: (n: number) => onProgress(n / total) } : {}),
  })
  for await (const chunk of chunks) {
    scanner.push(decoder.decode(chunk, { stream: true }))
    if (scanner.done) break
  }
  if (!scanner.done) scanner.push(decoder.decode())
  return scanner.finish()
}

const fail = (code: 'FILE_EMPTY' | 'FILE_FORMAT', message: string) =>
  ({ ok: false, error: { code, message } }) as const

/** Picks like `openWorkbook`: first visible sheet with data, else the first visible worksheet... */
function pickIndex(infos: SheetInfo[]): number {
  const order = [
    (s: SheetInfo) => !s.hidden && (s.rows ?? 0) > 0,
    (s: SheetInfo) => !s.hidden && s.rows !== undefined,
    (s: SheetInfo) => (s.rows ?? 0) > 0,
    (s: SheetInfo) => s.rows !== undefined,
  ]
  for (const test of order) {
    const i = infos.findIndex(test)
    if (i >= 0) return i
  }
  return -1
}

async function readPackage(pkg: XlsxPackage, opts: ReadXlsxOptions): Promise<Result<WorkbookRead>> {
  const maxRows = opts.maxRows ?? Number.POSITIVE_INFINITY
  const maxColumns = opts.maxColumns ?? MAX_COLUMNS
  const rows: WorkbookRow[] = []
  const onRow: Pass['onRow'] =
    opts.onRow ?? ((cells, rowNumber, hidden) => rows.push({ cells, rowNumber, hidden }))
  const read: Pass = {
    maxRows,
    maxColumns,
    onRow,
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
  }
  const count: Pass = { maxRows, maxColumns }
  const { sheets } = pkg
  if (sheets.length === 0) {
    const message =
      'The workbook has no sheets. Open it in Excel, check that it holds your leads, save it and upload again.'
    return fail('FILE_EMPTY', message)
  }
  const infos: SheetInfo[] = sheets.map((s) => ({
    name: s.name,
    hidden: s.state !== 0,
    veryHidden: s.state === 2,
  }))
  let chosen = -1
  let scan: SheetScan | undefined
  if (opts.sheet !== undefined) {
    chosen = sheets.findIndex((s) => s.name === opts.sheet)
    if (chosen < 0) {
      const names = sheets.map((s) => `"${s.name}"`).join(', ')
      return fail(
        'FILE_FORMAT',
        `The workbook has no sheet named "${opts.sheet}"; its sheets are ${names}.`,
      )
    }
    const sheet = sheets[chosen] as BookSheet
    sheetPart(pkg, sheet) // a missing part is refused before anything is read
    if (!sheet.worksheet) {
      return fail(
        'FILE_FORMAT',
        `"${sheet.name}" is a chart or dialog sheet, not a worksheet of cells.`,
      )
    }
    scan = await scanSheetPart(pkg, sheet, read)
    ;(infos[chosen] as SheetInfo).rows = scan.rowCount
  } else {
    for (const s of sheets) if (s.worksheet) sheetPart(pkg, s)
    // Visible worksheets in order, rows streamed, until one has data; then count the rest.
    for (let i = 0; i < sheets.length; i++) {
      const sheet = sheets[i] as BookSheet
      const info = infos[i] as SheetInfo
      if (!sheet.worksheet) continue
      if (chosen < 0 && !info.hidden) {
        const s = await scanSheetPart(pkg, sheet, read)
        info.rows = s.rowCount
        if (s.rowCount > 0) {
          chosen = i
          scan = s
        }
      } else info.rows = (await scanSheetPart(pkg, sheet, count)).rowCount
    }
    if (chosen < 0) {
      chosen = pickIndex(infos)
      if (chosen < 0) return fail('FILE_EMPTY', 'The workbook has no worksheet.')
      scan = await scanSheetPart(pkg, sheets[chosen] as BookSheet, read)
    }
  }
  const done = scan as SheetScan
  const base = {
    kind: 'xlsx' as const,
    sheets: infos,
    sheet: (sheets[chosen] as BookSheet).name,
    ...done,
    columnsKept: Math.min(done.columnCount, maxColumns),
  }
  const notes = notesFor(base, opts.sheet === undefined, opts.maxRows)
  return { ok: true, data: { ...base, notes, rows } }
}

/**
 * Reads one sheet of an XLSX by streaming: the zip gate first, then only the parts needed are
 * inflated chunk by chunk under a running byte budget, and the sheet XML is scanned by hand
 * as it inflates. Gives what `readWorkbook` gives on the SheetJS path, or `{ refused }` for a
 * file it leaves to SheetJS (XLSB, ZIP64, encrypted zip entries, missing parts).
 * @example const r = await readXlsx(bytes, { onRow: (cells, rowNumber) => {} })
 */
export async function readXlsx(
  bytes: Uint8Array,
  opts: ReadXlsxOptions = {},
): Promise<Result<WorkbookRead> | Refused> {
  const limits = opts.zipLimits ?? STREAM_ZIP_LIMITS
  const gate = checkZip(bytes, limits)
  if (!gate.ok) return gate
  try {
    const pkg = await openXlsx(bytes, {
      limits,
      ...(opts.native !== undefined ? { native: opts.native } : {}),
      ...(opts.signal ? { signal: opts.signal } : {}),
    })
    return await readPackage(pkg, opts)
  } catch (e) {
    if (e instanceof Refusal) return { refused: e.message }
    if (e instanceof FileFailure) return { ok: false, error: e.error }
    throw e
  }
}
