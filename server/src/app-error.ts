import type { ErrorCode } from '@leadport/shared'
import type { ContentfulStatusCode } from 'hono/utils/http-status'

const STATUS: Record<ErrorCode, ContentfulStatusCode> = {
  BAD_REQUEST: 400,
  UNSUPPORTED_MEDIA_TYPE: 415,
  PAYLOAD_TOO_LARGE: 413,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  FILE_EMPTY: 422,
  FILE_FORMAT: 422,
  FILE_ENCRYPTED: 422,
  FILE_DAMAGED: 422,
  FILE_TOO_LARGE: 413,
  NO_DATA_ROWS: 422,
  NO_PHONE_COLUMN: 422,
  UNTERMINATED_QUOTE: 422,
}

/**
 * The one error type of the server: a code from `shared` and a message for the user.
 * `onError` turns it into `{ error: { code, message } }` with the code's HTTP status.
 * @example throw new AppError('NOT_FOUND', 'Campaign 12 does not exist.')
 */
export class AppError extends Error {
  readonly status: ContentfulStatusCode
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Extra response headers, e.g. `Retry-After` on 429. */
    readonly headers: Record<string, string> = {},
  ) {
    super(message)
    this.name = 'AppError'
    this.status = STATUS[code]
  }
}
