import type { ErrorBody, Import, ImportFileOptions } from '@leadport/shared'
import { ApiError } from '../../api/client.ts'

/** The largest file `POST /api/imports/file` takes (the server's body limit, 100 MB). */
export const SERVER_FILE_LIMIT = 100 * 1024 * 1024

/** `12.3 MB`: a byte count for people. */
export function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toLocaleString('en-US', { maximumFractionDigits: 1 })} MB`
}

/** The server's refusal of a whole-file import, in words a user can act on. */
function refusal(status: number, code: string, message: string, file: File): string {
  if (status === 413) {
    return `The file is ${megabytes(file.size)}; the server takes files up to ${megabytes(SERVER_FILE_LIMIT)}. Use "Upload" instead: it sends the rows from this tab in small chunks.`
  }
  if (status === 400) return `The server could not use these import settings: ${message}`
  if (status === 401) return 'You are signed out. Sign in again, then retry.'
  return message || `The server answered ${status} (${code}).`
}

/**
 * Sends a whole file to `POST /api/imports/file` (multipart `file` + `options` JSON): the server
 * reads and imports it in the background and emails the user when it is done. Resolves to the
 * new import (status `processing`); rejects with an {@link ApiError} whose message says what to do.
 * @example const imp = await postFileImport(file, { campaign_id: 3, format: { kind: 'international' } })
 */
export async function postFileImport(
  file: File,
  options: ImportFileOptions,
  signal?: AbortSignal,
): Promise<Import> {
  const form = new FormData()
  form.append('file', file, file.name)
  form.append('options', JSON.stringify(options))
  let res: Response
  try {
    res = await fetch('/api/imports/file', { method: 'POST', body: form, signal })
  } catch (err) {
    if (signal?.aborted) throw signal.reason
    if (err instanceof DOMException && err.name === 'AbortError') throw err
    throw new ApiError(
      0,
      'NETWORK',
      'The server could not be reached, so the file was not sent. Check your connection and try again.',
    )
  }
  const text = await res.text()
  let body: unknown = null
  try {
    body = text ? JSON.parse(text) : null
  } catch {
    body = null
  }
  if (!res.ok) {
    const e = (body as Partial<ErrorBody> | null)?.error
    const code = e?.code ?? 'HTTP'
    throw new ApiError(res.status, code, refusal(res.status, code, e?.message ?? '', file))
  }
  return body as Import
}
