import type { User } from '@leadport/shared'
import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import type { Db } from '../db/open.ts'
import { deleteSession, insertSession } from '../db/sessions.ts'
import { isHttps } from '../http/same-origin.ts'
import { createSessionToken, hashToken } from './tokens.ts'

/** The session cookie over plain HTTP (a LAN box, localhost). */
export const SESSION_COOKIE = 'leadport_session'
/** Over HTTPS: `__Host-` makes browsers insist on Secure, Path=/ and no Domain. */
export const SECURE_SESSION_COOKIE = '__Host-leadport_session'

/** The session token the request carries, if any. */
export function readSessionToken(c: Context): string | undefined {
  return getCookie(c, SECURE_SESSION_COOKIE) ?? getCookie(c, SESSION_COOKIE)
}

/** Sets the session cookie: HttpOnly, SameSite=Lax, Secure (and `__Host-`) over HTTPS. */
export function setSessionCookie(c: Context, token: string, ttlMs: number, trustProxy: boolean) {
  const secure = isHttps(c, trustProxy)
  setCookie(c, secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure,
    path: '/',
    maxAge: Math.floor(ttlMs / 1000),
  })
}

/** Starts a session for `user` (a new random token; only its hash is stored) and sets the cookie. */
export function startSession(
  c: Context,
  db: Db,
  user: User,
  opts: { ttlMs: number; trustProxy: boolean },
) {
  const token = createSessionToken()
  insertSession(db, hashToken(token), user.id, new Date(Date.now() + opts.ttlMs).toISOString())
  setSessionCookie(c, token, opts.ttlMs, opts.trustProxy)
}

/** Ends the request's session, if any, and clears the cookie. */
export function endSession(c: Context, db: Db) {
  const token = readSessionToken(c)
  if (token) deleteSession(db, hashToken(token))
  deleteCookie(c, SESSION_COOKIE, { path: '/' })
  if (getCookie(c, SECURE_SESSION_COOKIE) !== undefined)
    deleteCookie(c, SECURE_SESSION_COOKIE, { path: '/', secure: true })
}
