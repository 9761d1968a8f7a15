import type { ErrorBody } from '@leadport/shared'

/** Fired on `window` when an API call answers 401: the app re-checks who is signed in. */
export const UNAUTHORIZED_EVENT = 'leadport:unauthorized'

/** An API refusal: the server's code and its message for the user. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

/**
 * Calls the JSON API; resolves to the parsed body or rejects with an {@link ApiError} carrying
 * the server's `{ error: { code, message } }` (or a network message).
 */
export async function api<T>(
  path: string,
  init?: { method?: string; body?: unknown; signal?: AbortSignal },
): Promise<T> {
  let res: Response
  try {
    res = await fetch(`/api${path}`, {
      method: init?.method ?? 'GET',
      headers: init?.body === undefined ? {} : { 'content-type': 'application/json' },
      body: init?.body === undefined ? undefined : JSON.stringify(init.body),
      signal: init?.signal,
    })
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err
    throw new ApiError(
      0,
      'NETWORK',
      'The server could not be reached. Check your connection and try again.',
    )
  }
  const text = await res.text()
  const body: unknown = text ? JSON.parse(text) : null
  if (!res.ok) {
    // The session ended (expired, logged out elsewhere, member removed): show the sign-in page.
    if (res.status === 401 && !path.startsWith('/auth/')) {
      window.dispatchEvent(new Event(UNAUTHORIZED_EVENT))
    }
    const e = (body as Partial<ErrorBody> | null)?.error
    throw new ApiError(
      res.status,
      e?.code ?? 'HTTP',
      e?.message ?? `The server answered ${res.status}.`,
    )
  }
  return body as T
}
