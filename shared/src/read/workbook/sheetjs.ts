import * as XLSX from 'xlsx'
import { KIND_LABELS } from '../sniff.ts'
import type { FileError, FileKind, Result } from '../types.ts'
import { DAMAGED_MESSAGE, ENCRYPTED_MESSAGE } from './messages.ts'

let codepages: Promise<void> | undefined

/**
 * Loads SheetJS's legacy codepage tables once (about 470 KB), so XLS files saved with a
 * Windows-1254 or other ANSI codepage decode right in the ESM build.
 */
export function loadCodepages(): Promise<void> {
  codepages ??= import('xlsx/dist/cpexcel.full.mjs').then((cp) => XLSX.set_cptable(cp))
  return codepages
}

/** Options for one SheetJS parse, fixed where our defences depend on them. */
export interface ParseOptions {
  /** Only parse these sheets (others stay out of `wb.Sheets`). */
  sheets?: string[]
  /** Stop at this Excel row (SheetJS `sheetRows`). */
  sheetRows?: number
}

const DAMAGED_HINTS = /zip|cfb|header signature|sector|corrupt|truncat|end of data|cannot find/i

/** Maps an exception thrown by SheetJS to the file error the user sees. */
export function mapSheetJsError(e: unknown, kind: FileKind): FileError {
  const message = e instanceof Error ? e.message : String(e)
  if (/password|encrypt/i.test(message))
    return { code: 'FILE_ENCRYPTED', message: ENCRYPTED_MESSAGE }
  if (e instanceof RangeError) {
    const text = `The workbook is too large to open here (${message}). Export the sheet as CSV and upload that.`
    return { code: 'FILE_TOO_LARGE', message: text }
  }
  if (DAMAGED_HINTS.test(message)) return { code: 'FILE_DAMAGED', message: DAMAGED_MESSAGE }
  const text =
    `The file looks like ${KIND_LABELS[kind]} but could not be read (${message}). ` +
    'Open it in Excel, save it again, and upload it, or export the sheet as CSV.'
  return { code: 'FILE_FORMAT', message: text }
}

/**
 * Parses a workbook with the options our defences rely on: dense sheets (no trust in the
 * declared `<dimension>`), dates as UTC `Date`, hidden-row flags, formulas kept only to spot
 * missing cached values in XLSX, no formatted text (`cellStyles` keeps each cell's number
 * format code in `z`; `toCell` renders it where it is not General). Exceptions become file
 * errors.
 */
export function parseWorkbook(
  bytes: Uint8Array,
  kind: FileKind,
  opts: ParseOptions = {},
): Result<XLSX.WorkBook> {
  try {
    const wb = XLSX.read(bytes, {
      type: 'array',
      dense: true,
      cellDates: true,
      cellStyles: true,
      // Only XLSX saves formulas without a cached value; elsewhere skip parsing them.
      cellFormula: kind === 'xlsx',
      cellHTML: false,
      cellText: false,
      bookVBA: false,
      ...(opts.sheets ? { sheets: opts.sheets } : {}),
      ...(opts.sheetRows ? { sheetRows: opts.sheetRows } : {}),
    })
    return { ok: true, data: wb }
  } catch (e) {
    return { ok: false, error: mapSheetJsError(e, kind) }
  }
}
