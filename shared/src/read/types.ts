import type { FileCode } from '../errors/codes.ts'

/**
 * One cell as read from a file. Text files give strings only; workbooks give typed values:
 * a `number` is a numeric cell holding its exact value (never Excel's formatted text),
 * a `Date` is a date cell (UTC), `null` is an empty cell.
 */
export type Cell = string | number | boolean | Date | null

/** The kind of a file, decided by its bytes, not its name. */
export type FileKind = 'csv' | 'xlsx' | 'xls' | 'ods'

/** A file-level failure: the whole file is refused with a code and a message for the user. */
export interface FileError {
  code: FileCode
  message: string
  /** 1-based line or row the problem was found at, when there is one. */
  line?: number
}

/** Errors are values inside the domain: `{ ok: true, data } | { ok: false, error }`. */
export type Result<T, E = FileError> = { ok: true; data: T } | { ok: false; error: E }
