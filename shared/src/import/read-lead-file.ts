import { detectHeaderRow, fillMergedHeader } from '../mapping/detect-header-row.ts'
import type { Field } from '../mapping/fields.ts'
import { cellText } from '../mapping/normalize.ts'
import { sniffFile } from '../read/sniff.ts'
import type { EncodingGuess } from '../read/text/detect-encoding.ts'
import { readTextFile, type TextSource } from '../read/text/read-text-file.ts'
import type { Delimiter, TextEncoding } from '../read/text/types.ts'
import type { Cell, FileKind, Result } from '../read/types.ts'
import type { MergedRange } from '../read/workbook/scan-sheet.ts'
import type { SheetInfo } from '../read/workbook/types.ts'
import { readWorkbookRows } from './read-workbook-rows.ts'

/** Rows looked at to find the header (title rows sit above it). */
export const HEADER_WINDOW = 20

/** How to read a lead file; every field but `targets` is a user override of a detection. */
export interface ReadLeadOptions {
  /** Display name only: used to say when the extension lies about the kind. */
  fileName?: string
  sheet?: string
  /** The header's row number as the user sees it (Excel row / CSV line). */
  headerRow?: number
  encoding?: TextEncoding
  delimiter?: Delimiter
  /** The campaign's targets: header detection scores rows by how many headers they know. */
  targets: readonly Field[]
  /** Workbooks: read rows up to this Excel row number. */
  maxRows?: number
  /** XLSX: the streaming reader (default) or SheetJS (agreement tests, benchmarks). */
  xlsxReader?: 'stream' | 'sheetjs'
  signal?: AbortSignal
  /** Fraction of the file read, 0..1. */
  onProgress?: (fraction: number) => void
  /** Called once with the header, before the first data row. */
  onHeader?: (header: Cell[], headerRow: number) => void
  /**
   * Text files: read the text from `source` (the file's bytes in order, `size` of them) instead
   * of `bytes`, which then only needs the file's head, for sniffing. Reading overlaps parsing.
   */
  text?: { source: TextSource; size: number }
}

/** What was found about a file before and while its rows were read. */
export interface LeadFileInfo {
  kind: FileKind
  /** Plain-language notes for the user (kind mismatch, hidden sheets, unreadable characters...). */
  notes: string[]
  encoding?: TextEncoding
  /** Detected encoding and the ones a user may switch to. */
  encodingGuess?: EncodingGuess
  delimiter?: Delimiter
  sheets?: SheetInfo[]
  sheet?: string
  headerRow: number
  header: Cell[]
  /** Data rows handed to `onRow` (after the header). */
  dataRows: number
  blankLines: number
  replacementChars: number
}

/** Receives each data row after the header; return `false` to stop reading. */
export type LeadRowHandler = (
  cells: Cell[],
  rowNumber: number,
  hidden: boolean,
) => boolean | undefined

interface Buffered {
  cells: Cell[]
  rowNumber: number
  hidden: boolean
}

/**
 * Reads a lead file of any supported kind (decided by its bytes): finds the header row, then
 * streams every data row below it to `onRow` with the row number the user sees.
 * Fails, as a value, with the file-level codes (FILE_EMPTY, FILE_FORMAT, FILE_ENCRYPTED,
 * FILE_DAMAGED, FILE_TOO_LARGE, UNTERMINATED_QUOTE, NO_DATA_ROWS).
 * @example const res = await readLeadFile(bytes, { targets }, (cells, row) => undefined)
 */
export async function readLeadFile(
  bytes: Uint8Array,
  options: ReadLeadOptions,
  onRow: LeadRowHandler,
): Promise<Result<LeadFileInfo>> {
  const sniffed = sniffFile(bytes, options.fileName)
  if (!sniffed.ok) return sniffed
  const notes: string[] = sniffed.data.note ? [sniffed.data.note] : []

  const window: Buffered[] = []
  let header: Cell[] | null = null
  let headerRow = 0
  let dataRows = 0
  let stopped = false
  let merges: readonly MergedRange[] = []

  // Merges fill blank header cells. XLSX streams and learns its merges only at the end of the
  // sheet, so when the header has a blank cell the rows wait for them (XLS and ODS, parsed
  // whole, know them first); any other header cannot change and its rows stream at once.
  let mergesPending = sniffed.data.kind !== 'csv'
  let waitForMerges = false

  const headerIndex = (): number => {
    if (options.headerRow !== undefined) {
      const at = window.findIndex((r) => r.rowNumber >= (options.headerRow as number))
      return at < 0 ? window.length : at
    }
    const top = window.length > HEADER_WINDOW ? window.slice(0, HEADER_WINDOW) : window
    return detectHeaderRow(
      top.map((r) => r.cells),
      options.targets,
    ).index
  }

  const pickHeader = () => {
    const at = headerIndex()
    const chosen = window[at]
    const cells = chosen ? mergeHeader(chosen.cells, merges, chosen.rowNumber) : []
    header = cells
    headerRow = chosen?.rowNumber ?? 0
    options.onHeader?.(cells, headerRow)
    for (let i = at + 1; i < window.length && !stopped; i++) {
      const r = window[i] as Buffered
      dataRows++
      if (onRow(r.cells, r.rowNumber, r.hidden) === false) stopped = true
    }
    window.length = 0
  }

  const take = (cells: Cell[], rowNumber: number, hidden: boolean): boolean => {
    if (stopped) return false
    if (header === null) {
      if (options.headerRow !== undefined && rowNumber < options.headerRow) return true
      window.push({ cells, rowNumber, hidden })
      if (window.length >= HEADER_WINDOW && !waitForMerges) {
        const candidate = window[headerIndex()]?.cells ?? []
        if (mergesPending && candidate.some((c) => cellText(c) === '')) waitForMerges = true
        else pickHeader()
      }
      return !stopped
    }
    dataRows++
    if (onRow(cells, rowNumber, hidden) === false) stopped = true
    return !stopped
  }

  let info: Omit<LeadFileInfo, 'header' | 'headerRow' | 'dataRows' | 'notes'>
  if (sniffed.data.kind === 'csv') {
    const total = options.text?.size ?? bytes.length
    const read = await readTextFile(options.text?.source ?? bytes, {
      encoding: options.encoding,
      delimiter: options.delimiter,
      signal: options.signal,
      onRecord: (fields, line) => take(fields, line, false),
      onProgress: options.onProgress ? (n) => options.onProgress?.(n / total) : undefined,
    })
    if (!read.ok) return read
    const r = read.data
    if (r.replacementChars > 0) {
      notes.push(
        `${r.replacementChars.toLocaleString('en-US')} characters could not be read as ${r.encoding}. ` +
          'Pick the encoding the file was saved in (Windows-1254 for Turkish Excel exports, for example).',
      )
    }
    info = {
      kind: 'csv',
      encoding: r.encoding,
      encodingGuess: r.detected,
      delimiter: r.delimiter,
      blankLines: r.blankLines,
      replacementChars: r.replacementChars,
    }
  } else {
    const read = await readWorkbookRows(
      bytes,
      sniffed.data.kind,
      {
        sheet: options.sheet,
        maxRows: options.maxRows,
        xlsxReader: options.xlsxReader,
        signal: options.signal,
        onProgress: options.onProgress,
      },
      (m) => {
        merges = m
        mergesPending = false
      },
      take,
    )
    if (!read.ok) return read
    merges = read.data.merges
    notes.push(...read.data.notes)
    info = {
      kind: read.data.kind,
      sheets: read.data.sheets,
      sheet: read.data.sheet,
      blankLines: 0,
      replacementChars: 0,
    }
  }
  if (header === null) pickHeader()
  const finalHeader: Cell[] = header ?? []
  if (dataRows === 0) {
    return {
      ok: false,
      error: {
        code: 'NO_DATA_ROWS',
        message:
          finalHeader.length > 0
            ? `The file has a header (row ${headerRow}) but no data rows below it. Add leads under the header and upload again.`
            : 'The file has no rows with data. Check that you picked the right file or sheet.',
      },
    }
  }
  return { ok: true, data: { ...info, notes, header: finalHeader, headerRow, dataRows } }
}

function mergeHeader(cells: Cell[], merges: readonly MergedRange[], rowNumber: number): Cell[] {
  if (merges.length === 0) return cells
  const ranges = merges.map((m) => ({
    s: { r: m.firstRow - 1, c: m.firstColumn },
    e: { r: m.lastRow - 1, c: m.lastColumn },
  }))
  return fillMergedHeader(cells, ranges, rowNumber - 1)
}
