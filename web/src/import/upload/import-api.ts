import type { ChunkResult, CreateImportBody, Import } from '@leadport/shared'
import { ApiError, api } from '../../api/client.ts'

/** Creates an import session. */
export function createImport(body: CreateImportBody, signal?: AbortSignal): Promise<Import> {
  return api<Import>('/imports', { method: 'POST', body, signal })
}

/** Reads an import session (counts, committed chunks). */
export function getImport(id: number, signal?: AbortSignal): Promise<Import> {
  return api<Import>(`/imports/${id}`, { signal })
}

/** Completes an import session once every chunk is stored. */
export function completeImport(id: number, signal?: AbortSignal): Promise<Import> {
  return api<Import>(`/imports/${id}/complete`, { method: 'POST', signal })
}

/**
 * Sends one chunk body as it is (already JSON, built in the worker).
 * @example await putChunk(12, 0, '{"rows":[...]}', signal)
 */
export async function putChunk(
  id: number,
  n: number,
  body: string | Uint8Array<ArrayBuffer>,
  signal: AbortSignal,
): Promise<ChunkResult> {
  let res: Response
  try {
    res = await fetch(`/api/imports/${id}/chunks/${n}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : new Blob([body]),
      signal,
    })
  } catch {
    if (signal.aborted) throw signal.reason
    throw new ApiError(0, 'NETWORK', 'The server could not be reached; check the connection.')
  }
  const text = await res.text()
  let parsed: unknown = null
  try {
    parsed = text ? JSON.parse(text) : null
  } catch {
    parsed = null
  }
  if (!res.ok) {
    const e = (parsed as { error?: { code?: string; message?: string } } | null)?.error
    throw new ApiError(
      res.status,
      e?.code ?? 'HTTP',
      e?.message ?? `The server answered ${res.status}.`,
    )
  }
  return parsed as ChunkResult
}
