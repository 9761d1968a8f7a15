import type {
  Cell,
  CheckSummary,
  Delimiter,
  FileKind,
  FoundNumber,
  Mapping,
  MappingIssue,
  PhoneFormat,
  RowIssue,
  SheetInfo,
  TextEncoding,
} from '@leadport/shared'

/*
 * Plain data that crosses the worker boundary. The page imports this module as types only.
 */

/** Result of a worker call: errors are values, since Comlink keeps only name/message of a throw. */
export type WorkerResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: { code: string; message: string } }

/** How to read the file: every field overrides a detection. */
export interface ReadOptions {
  sheet?: string
  /** The header's row number as the user sees it (Excel row / CSV line). */
  headerRow?: number
  encoding?: TextEncoding
  delimiter?: Delimiter
}

/** The picked file, once its bytes are in the worker. */
export interface OpenedFile {
  name: string
  size: number
  kind: FileKind
}

/** The first rows of the file read with some options, and what was detected. */
export interface ReadPreview {
  kind: FileKind
  notes: string[]
  encoding?: TextEncoding
  /** Encodings a user may pick, the one read first. */
  encodings: TextEncoding[]
  delimiter?: Delimiter
  sheets: SheetInfo[]
  sheet?: string
  headerRow: number
  /** The header row detection picks on this sheet (whatever the user chose). */
  detectedHeaderRow: number
  header: string[]
  /** The first rows from the top of the sheet / file (title rows included), as text. */
  rows: { row: number; cells: string[] }[]
  /** The mapping proposed from the header names. */
  autoMapping: Mapping
}

/** One of the first rows as it will be imported with a mapping and a phone format. */
export interface MappedRow {
  row: number
  phone: string | null
  secondary: readonly string[]
  email: string | null
  values: Record<string, string>
  issues: readonly RowIssue[]
  invalid: boolean
}

/** The mapping preview: the first rows mapped, and problems with the mapping itself. */
export interface MapPreview {
  rows: MappedRow[]
  issues: MappingIssue[]
}

/** Counts over the rows still in the import (deleted rows left out). */
export interface ReviewSummary extends CheckSummary {
  deleted: number
  /** Rows the campaign already has (from the server check). */
  in_campaign: number
  /** Rows with at least one issue, still in the import. */
  problems: number
}

/** A row of the review grid. `index` is its place among all data rows of the file. */
export interface GridRow {
  index: number
  row: number
  cells: string[]
  issues: readonly RowIssue[]
  invalid: boolean
  /** The lead that already has this number in the campaign. */
  inCampaign?: { lead_id: number; status: FoundNumber['status'] }
}

/** Which rows the grid shows: all rows with issues, errors only, warnings only, or one code. */
export type ProblemFilter = 'all' | 'errors' | 'warnings' | { code: string }

/** The user's changes to the rows: replayed after a reload to rebuild identical chunks. */
export interface EditLog {
  edits: [number, Cell[]][]
  deleted: number[]
}

/** What the uploader needs from the checked file. */
export interface UploadPlan {
  header: string[]
  expectedRows: number
  fingerprint: string
}

/** Settings of a full check, also saved for resuming. */
export interface CheckSettings {
  read: ReadOptions
  mapping: Mapping
  format: PhoneFormat
}
