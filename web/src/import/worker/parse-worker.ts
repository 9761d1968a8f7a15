/// <reference lib="webworker" />
import {
  type AssistantVariable,
  buildTargets,
  type CheckSummary,
  cellToText,
  checkLeadFile,
  type LeadFileInfo,
  type Mapping,
  type PhoneFormat,
  type RowIssue,
} from '@leadport/shared'
import { expose } from 'comlink'

/** A row ready to upload: its E.164 number (with extension) and variable values. */
export interface CleanRow {
  row: number
  phone: string
  values: Record<string, string>
}

/** A row with at least one issue, with its cells as the user sees them. */
export interface ProblemRow {
  row: number
  cells: string[]
  issues: readonly RowIssue[]
  invalid: boolean
}

/** What the worker found in a file: how it was read, the mapping, counts and the rows. */
export interface CheckedFile {
  file: Pick<LeadFileInfo, 'kind' | 'encoding' | 'delimiter' | 'sheet' | 'headerRow' | 'notes'>
  header: string[]
  mapping: Mapping
  summary: CheckSummary
  /** The first rows as read, with their row numbers. */
  preview: { row: number; cells: string[] }[]
  clean: CleanRow[]
  problems: ProblemRow[]
}

/** Options the page sends with a file. */
export interface CheckOptions {
  fileName: string
  format: PhoneFormat
  variables: AssistantVariable[]
}

/** Result of a worker call: errors are values, since Comlink keeps only name/message of a throw. */
export type WorkerResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: { code: string; message: string } }

const PREVIEW_ROWS = 50

const api = {
  /**
   * Reads, maps and validates a lead file off the main thread with the shared import core.
   * The bytes are transferred in, not copied; progress arrives as a fraction.
   */
  async checkFile(
    bytes: ArrayBuffer,
    options: CheckOptions,
    onProgress?: (fraction: number) => void,
  ): Promise<WorkerResult<CheckedFile>> {
    const clean: CleanRow[] = []
    const problems: ProblemRow[] = []
    const preview: { row: number; cells: string[] }[] = []
    const res = await checkLeadFile(
      new Uint8Array(bytes),
      {
        fileName: options.fileName,
        format: options.format,
        targets: buildTargets(options.variables),
        onProgress,
      },
      (r, rawCells) => {
        const needed = preview.length < PREVIEW_ROWS || r.issues.length > 0
        const cells = needed ? rawCells.map((c) => cellToText(c)) : []
        if (preview.length < PREVIEW_ROWS) preview.push({ row: r.row, cells })
        if (r.issues.length > 0)
          problems.push({ row: r.row, cells, issues: r.issues, invalid: r.invalid })
        if (!r.invalid && r.phone_e164 !== null) {
          const values: Record<string, string> = { ...r.values }
          if (r.email) values.email = r.email
          clean.push({
            row: r.row,
            phone: r.phone_ext ? `${r.phone_e164} ext. ${r.phone_ext}` : r.phone_e164,
            values,
          })
        }
        return undefined
      },
    )
    if (!res.ok) return { ok: false, error: { code: res.error.code, message: res.error.message } }
    const { file, mapping, summary } = res.data
    return {
      ok: true,
      data: {
        file: {
          kind: file.kind,
          encoding: file.encoding,
          delimiter: file.delimiter,
          sheet: file.sheet,
          headerRow: file.headerRow,
          notes: file.notes,
        },
        header: file.header.map((c) => cellToText(c)),
        mapping,
        summary,
        preview,
        clean,
        problems,
      },
    }
  },
}

expose(api)

/** The worker's API as the page sees it. */
export type ParseApi = typeof api
