import type { FileCode } from '../errors/codes.ts'

/**
 * A numeric workbook cell whose number format is not General (`0%`, `"$"#,##0.00`, `00000`,
 * `#,##0`, `(###) ###-####`) and changes what Excel shows: its exact value and that text.
 * Phone columns use `value` (every digit, no formatting); every other column uses `text`.
 * A plain object, so it survives structured clone across the worker boundary.
 */
export interface FormattedNumber {
  value: number
  text: string
}

/**
 * One cell as read from a file. Text files give strings only; workbooks give typed values:
 * a `number` is a numeric cell holding its exact value (General format, or a format that shows
 * the same text), a {@link FormattedNumber} is one shown through another number format, a
 * `Date` is a date cell (UTC), `null` is an empty cell.
 */
export type Cell = string | number | boolean | Date | FormattedNumber | null

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
