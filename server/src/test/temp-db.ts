import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type AppDeps, createApp } from '../app.ts'
import { createApiKeySecret, createSessionToken, hashToken } from '../auth/tokens.ts'
import { insertApiKey } from '../db/api-keys.ts'
import { type Db, openDatabase } from '../db/open.ts'
import { insertSession } from '../db/sessions.ts'
import { insertUser } from '../db/users.ts'

/** The origin tests send, like a browser on the app's own page. */
export const ORIGIN = 'http://localhost'

/** Signs a user in without a password round trip: a session row and its cookie header. */
export function seedSession(db: Db, userId: number): string {
  const token = createSessionToken()
  insertSession(db, hashToken(token), userId, new Date(Date.now() + 3_600_000).toISOString())
  return `leadport_session=${token}`
}

/**
 * A fresh SQLite file in a temp folder, with an app on it; `cleanup()` removes both. The file
 * has an admin with a session (`cookie`) and an API key (`key`). `app.request` sends the API key
 * unless the call brings its own `authorization` or `cookie`; `raw` is the app without that.
 */
export function tempApp(deps: Partial<AppDeps> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'leadport-test-'))
  const file = join(dir, 'leadport.db')
  const db: Db = openDatabase(file)
  const raw = createApp({
    db,
    version: 'test',
    ...deps,
    security: { apiKeyLimit: { burst: 1e6, perSecond: 1e6 }, ...deps.security },
  })
  // A hash no password matches: these tests sign in through seeded sessions.
  const admin = insertUser(db, {
    email: 'admin@example.com',
    name: 'Admin',
    role: 'admin',
    passwordHash: 'scrypt$seeded',
  })
  if (!admin) throw new Error('could not seed the admin')
  const secret = createApiKeySecret()
  insertApiKey(db, {
    prefix: secret.prefix,
    secretHash: secret.secretHash,
    name: 'tests',
    createdBy: admin.id,
  })
  const cookie = seedSession(db, admin.id)
  const app = {
    request(path: string, init: RequestInit = {}) {
      const headers = new Headers(init.headers)
      if (!headers.has('authorization') && !headers.has('cookie'))
        headers.set('authorization', `Bearer ${secret.key}`)
      return raw.request(path, { ...init, headers })
    },
  }
  return {
    dir,
    file,
    db,
    app,
    raw,
    admin,
    key: secret.key,
    cookie,
    /** `app.request` with a JSON body. */
    json(method: string, path: string, body: unknown, headers: Record<string, string> = {}) {
      return app.request(path, {
        method,
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      })
    },
    /** `raw.request` as the signed-in admin's browser: the cookie and this site's Origin. */
    browser(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
      return raw.request(path, {
        method,
        headers: {
          cookie,
          origin: ORIGIN,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
    },
    cleanup() {
      db.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** A parsed JSON response body, loosely typed so tests can assert on any shape. */
// biome-ignore lint/suspicious/noExplicitAny: assertions check the shape at run time
export type Json = any
