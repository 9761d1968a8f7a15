/**
 * Stable issue and error codes, shown in the grid, the report, the API and the CLI.
 * File-level codes stop a file; row codes are attached to one row with a severity.
 */
export const FILE_CODES = [
  'FILE_EMPTY',
  'FILE_FORMAT',
  'FILE_ENCRYPTED',
  'FILE_DAMAGED',
  'FILE_TOO_LARGE',
  'NO_DATA_ROWS',
  'NO_PHONE_COLUMN',
  'UNTERMINATED_QUOTE',
] as const

/** Row-level errors: the row is not imported. */
export const ROW_ERROR_CODES = [
  'PHONE_MISSING',
  'PHONE_INVALID',
  'PHONE_SCIENTIFIC_NOTATION',
  'PHONE_HAS_LETTERS',
  'EMAIL_INVALID',
  'VALUE_TOO_LONG',
  'DUPLICATE_IN_FILE',
  'DUPLICATE_IN_CAMPAIGN',
  'DNC_LISTED',
] as const

/** Row-level warnings: the row is imported, the user is told. */
export const ROW_WARNING_CODES = [
  'PHONE_FROM_NUMBER_CELL',
  'PHONE_SPLIT',
  'PHONE_EXTENSION',
  'VARIABLE_MISSING',
  'HIDDEN_ROW',
  'EXTRA_VALUES',
  'TEXT_CLEANED',
] as const

/** Errors of the HTTP API that are not about file contents. */
export const API_ERROR_CODES = [
  'BAD_REQUEST',
  'UNSUPPORTED_MEDIA_TYPE',
  'PAYLOAD_TOO_LARGE',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'INTERNAL',
] as const

export type FileCode = (typeof FILE_CODES)[number]
export type RowErrorCode = (typeof ROW_ERROR_CODES)[number]
export type RowWarningCode = (typeof ROW_WARNING_CODES)[number]
export type RowIssueCode = RowErrorCode | RowWarningCode
export type ApiErrorCode = (typeof API_ERROR_CODES)[number]
/** Every code an `{ error: { code, message } }` body may carry. */
export type ErrorCode = ApiErrorCode | FileCode

/** The one error body of the API: `{ error: { code, message } }`. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string }
}
