import type { User } from '@leadport/shared'
import type { Context, MiddlewareHandler } from 'hono'
import type { AppEnv } from '../app.ts'
import { AppError } from '../app-error.ts'
import type { BucketLimit, RateLimiter } from '../auth/rate-limit.ts'
import { readSessionToken, setSessionCookie } from '../auth/session.ts'
import { equalDigests, hashToken, parseApiKey } from '../auth/tokens.ts'
import { findApiKey, touchApiKey } from '../db/api-keys.ts'
import { extendSession, findSessionUser } from '../db/sessions.ts'
import { isUnsafeMethod, readOrigin } from './same-origin.ts'

/** Who is calling: a signed-in member (cookie) or a CRM (API key). */
export type Auth =
  | { kind: 'session'; user: User; tokenHash: string }
  | { kind: 'key'; keyId: number }

/** The security settings every request sees. */
export interface Security {
  /** Believe `X-Forwarded-Proto`/`-Host` (set behind a reverse proxy you run). */
  trustProxy: boolean
  sessionTtlMs: number
  apiKeys: RateLimiter
  logins: RateLimiter
  apiKeyLimit: BucketLimit
  /** Asked for by first-run setup when set (the server prints it at start). */
  setupCode?: string
}

/** Paths anyone may call: health, sign-in and first-run setup, and the API docs for integrators. */
export const PUBLIC_PATHS: ReadonlySet<string> = new Set([
  '/api/health',
  '/api/auth/state',
  '/api/auth/login',
  '/api/auth/setup',
  '/api/openapi.json',
  '/api/docs',
  '/api/docs/docs.js',
])

/** Provider callbacks prove themselves with an HMAC signature instead (routes/calls). */
const SIGNED_PATHS = /^\/api\/calls\/\d+\/events$/

const ZERO_DIGEST = '0'.repeat(64)

function identifyKey(c: Context<AppEnv>, header: string, security: Security): Auth {
  const db = c.get('db')
  const m = /^Bearer +(\S+)$/i.exec(header)
  const parsed = m ? parseApiKey(m[1] as string) : null
  const row = parsed ? findApiKey(db, parsed.prefix) : undefined
  // Hash and compare even for an unknown prefix, so timing says nothing about which keys exist.
  const ok = equalDigests(hashToken(parsed?.secret ?? ''), row?.secret_hash ?? ZERO_DIGEST)
  if (!row || !ok) {
    throw new AppError('UNAUTHORIZED', 'The API key is not valid or was revoked.')
  }
  const wait = security.apiKeys.take(`key:${row.id}`)
  if (wait > 0) {
    throw new AppError(
      'RATE_LIMITED',
      `Too many requests with this API key: at most ${security.apiKeyLimit.burst} at once and ${security.apiKeyLimit.perSecond} a second. Retry in ${wait} s.`,
      { 'retry-after': String(wait) },
    )
  }
  const now = new Date()
  // Once a minute is enough for "last used", and spares a write per request.
  if (!row.last_used_at || now.getTime() - Date.parse(row.last_used_at) > 60_000)
    touchApiKey(db, row.id, now.toISOString())
  return { kind: 'key', keyId: row.id }
}

function identifySession(c: Context<AppEnv>, security: Security): Auth | null {
  const token = readSessionToken(c)
  if (!token) return null
  const db = c.get('db')
  const tokenHash = hashToken(token)
  const now = Date.now()
  const found = findSessionUser(db, tokenHash, new Date(now).toISOString())
  if (!found) return null
  // Sliding expiry: renew once half the lifetime is used.
  if (Date.parse(found.expires_at) - now < security.sessionTtlMs / 2) {
    extendSession(db, tokenHash, new Date(now + security.sessionTtlMs).toISOString())
    setSessionCookie(c, token, security.sessionTtlMs, security.trustProxy)
  }
  return { kind: 'session', user: found.user, tokenHash }
}

/**
 * Identifies the caller (`Authorization: Bearer` API key first, else the session cookie), refuses
 * anonymous calls outside {@link PUBLIC_PATHS} with 401, and refuses cookie-authenticated writes
 * that a browser did not send from this origin (CSRF) with 403. API-key calls carry no cookie
 * authority, so CSRF does not apply to them.
 */
export function authenticate(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.method === 'POST' && SIGNED_PATHS.test(c.req.path)) {
      c.set('auth', null)
      return next()
    }
    const security = c.get('security')
    const header = c.req.header('authorization')
    const auth =
      header !== undefined ? identifyKey(c, header, security) : identifySession(c, security)
    c.set('auth', auth)
    if (!auth && !PUBLIC_PATHS.has(c.req.path)) {
      throw new AppError('UNAUTHORIZED', 'Sign in, or send an API key as Authorization: Bearer.')
    }
    if (auth?.kind === 'session' && isUnsafeMethod(c.req.method)) {
      if (readOrigin(c, security.trustProxy) !== 'same') {
        throw new AppError(
          'FORBIDDEN',
          'Refused a cross-site request. Browsers must send it from this site; other clients should use an API key.',
        )
      }
    }
    await next()
  }
}

/** The signed-in member, or 403 for API keys (managing people and keys takes a person). */
export function requireUser(c: Context<AppEnv>): User {
  const auth = c.get('auth')
  if (auth?.kind !== 'session') {
    throw new AppError('FORBIDDEN', 'Sign in to the app for this: API keys cannot do it.')
  }
  return auth.user
}

/** The signed-in admin, or 403. */
export function requireAdmin(c: Context<AppEnv>): User {
  const user = requireUser(c)
  if (user.role !== 'admin') throw new AppError('FORBIDDEN', 'Only the admin can do this.')
  return user
}
