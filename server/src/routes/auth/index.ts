import { timingSafeEqual } from 'node:crypto'
import { type AuthState, loginBody, setupBody } from '@leadport/shared'
import { Hono } from 'hono'
import type { AppEnv } from '../../app.ts'
import { AppError } from '../../app-error.ts'
import { createFirstAdmin } from '../../auth/first-admin.ts'
import { dummyHash, verifyPassword } from '../../auth/password.ts'
import { endSession, startSession } from '../../auth/session.ts'
import { purgeSessions } from '../../db/sessions.ts'
import { countUsers, findUserByEmail } from '../../db/users.ts'
import { readOrigin } from '../../http/same-origin.ts'
import { readJson } from '../validate.ts'

function sameCode(given: string | undefined, expected: string): boolean {
  const a = Buffer.from(given ?? '')
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

/** Sign-in routes under `/api/auth`: state, login, first-run setup, logout. */
export const authRoutes = new Hono<AppEnv>()
  .get('/state', (c) => {
    const auth = c.get('auth')
    const state: AuthState = {
      setup_needed: countUsers(c.get('db')) === 0,
      setup_code_required: c.get('security').setupCode !== undefined,
      user: auth?.kind === 'session' ? auth.user : null,
    }
    return c.json(state)
  })
  .post('/login', async (c) => {
    const security = c.get('security')
    // Login CSRF: a foreign page must not sign the browser into another account.
    if (readOrigin(c, security.trustProxy) === 'cross')
      throw new AppError('FORBIDDEN', 'Sign in from this site.')
    const body = await readJson(c, loginBody)
    const wait = security.logins.take(`login:${body.email}`)
    if (wait > 0) {
      throw new AppError(
        'RATE_LIMITED',
        `Too many sign-in attempts for this email. Try again in ${wait} seconds.`,
        { 'retry-after': String(wait) },
      )
    }
    const db = c.get('db')
    const found = findUserByEmail(db, body.email)
    const ok = await verifyPassword(body.password, found?.password_hash ?? (await dummyHash()))
    if (!found || !ok) throw new AppError('UNAUTHORIZED', 'Wrong email or password.')
    security.logins.reset(`login:${body.email}`)
    purgeSessions(db, new Date().toISOString())
    const { password_hash: _, ...user } = found
    startSession(c, db, user, { ttlMs: security.sessionTtlMs, trustProxy: security.trustProxy })
    return c.json({ user })
  })
  .post('/setup', async (c) => {
    const security = c.get('security')
    if (readOrigin(c, security.trustProxy) === 'cross')
      throw new AppError('FORBIDDEN', 'Set up the app from this site.')
    const body = await readJson(c, setupBody)
    const db = c.get('db')
    if (countUsers(db) > 0) throw new AppError('CONFLICT', 'The app is already set up. Sign in.')
    if (security.setupCode !== undefined && !sameCode(body.setup_code, security.setupCode)) {
      throw new AppError(
        'FORBIDDEN',
        'Wrong setup code. It is printed in the server log where Leadport was started.',
      )
    }
    const user = await createFirstAdmin(db, body)
    if (!user) throw new AppError('CONFLICT', 'The app is already set up. Sign in.')
    startSession(c, db, user, { ttlMs: security.sessionTtlMs, trustProxy: security.trustProxy })
    return c.json({ user }, 201)
  })
  .post('/logout', (c) => {
    endSession(c, c.get('db'))
    return c.body(null, 204)
  })
