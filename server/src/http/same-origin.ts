import type { Context } from 'hono'

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS'])

/** Whether the method changes state (CSRF applies). */
export function isUnsafeMethod(method: string): boolean {
  return !SAFE.has(method)
}

/** The host the client asked for: `X-Forwarded-Host` behind a trusted proxy, else `Host`. */
export function requestHost(c: Context, trustProxy: boolean): string {
  const forwarded = trustProxy ? c.req.header('x-forwarded-host')?.split(',')[0]?.trim() : ''
  return (forwarded || c.req.header('host') || new URL(c.req.url).host).toLowerCase()
}

/** Whether the request came over HTTPS (directly, or per a trusted proxy's header). */
export function isHttps(c: Context, trustProxy: boolean): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true
  const proto = trustProxy ? c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() : ''
  return proto?.toLowerCase() === 'https'
}

/**
 * What the browser says about where a request comes from: `same` (Origin matches the host, or
 * `Sec-Fetch-Site: same-origin`), `cross` (either says otherwise) or `unknown` (neither sent:
 * not a browser, or a very old one).
 */
export function readOrigin(c: Context, trustProxy: boolean): 'same' | 'cross' | 'unknown' {
  const site = c.req.header('sec-fetch-site')
  if (site === 'cross-site' || site === 'same-site') return 'cross'
  const origin = c.req.header('origin')
  if (origin !== undefined) {
    let host: string
    try {
      host = new URL(origin).host.toLowerCase()
    } catch {
      return 'cross'
    }
    return host === requestHost(c, trustProxy) ? 'same' : 'cross'
  }
  return site === 'same-origin' ? 'same' : 'unknown'
}
