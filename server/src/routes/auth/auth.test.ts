import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { hashPassword } from '../../auth/password.ts'
import { hashToken } from '../../auth/tokens.ts'
import { insertUser } from '../../db/users.ts'
import { type Json, ORIGIN, tempApp } from '../../test/temp-db.ts'

let t: ReturnType<typeof tempApp>
afterEach(() => t.cleanup())

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  t.raw.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: ORIGIN, ...headers },
    body: JSON.stringify(body),
  })
const cookieOf = (res: Response) => (res.headers.get('set-cookie') ?? '').split(';')[0] as string

describe('sign-in', () => {
  beforeEach(async () => {
    t = tempApp({ security: { loginLimit: { burst: 3, perSecond: 1 / 60 } } })
    insertUser(t.db, {
      email: 'jane@example.com',
      name: 'Jane',
      role: 'member',
      passwordHash: await hashPassword('correct horse battery'),
    })
  })

  it('logs in with an HttpOnly, SameSite=Lax session cookie whose token is stored hashed', async () => {
    const res = await post('/api/auth/login', {
      email: ' JANE@example.com',
      password: 'correct horse battery',
    })
    expect(res.status).toBe(200)
    expect(((await res.json()) as Json).user).toMatchObject({
      email: 'jane@example.com',
      role: 'member',
    })
    const setCookie = res.headers.get('set-cookie') ?? ''
    expect(setCookie).toMatch(/^leadport_session=[\w-]{43};/)
    expect(setCookie).toContain('HttpOnly')
    expect(setCookie).toContain('SameSite=Lax')
    expect(setCookie).not.toContain('Secure')
    const token = cookieOf(res).split('=')[1] as string
    const rows = t.db.prepare('SELECT token_hash FROM sessions').all() as { token_hash: string }[]
    expect(rows.map((r) => r.token_hash)).toContain(hashToken(token))
    expect(JSON.stringify(rows)).not.toContain(token)
    const state = (await (
      await t.raw.request('/api/auth/state', { headers: { cookie: cookieOf(res) } })
    ).json()) as Json
    expect(state).toMatchObject({ setup_needed: false, user: { email: 'jane@example.com' } })
  })

  it('sets a Secure __Host- cookie over HTTPS, and behind a trusted proxy only', async () => {
    const direct = await t.raw.request('https://leads.example.com/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://leads.example.com' },
      body: JSON.stringify({ email: 'jane@example.com', password: 'correct horse battery' }),
    })
    expect(direct.headers.get('set-cookie')).toMatch(/^__Host-leadport_session=.*Secure/)
    const proxied = { 'x-forwarded-proto': 'https' }
    const untrusted = await post(
      '/api/auth/login',
      { email: 'jane@example.com', password: 'correct horse battery' },
      proxied,
    )
    expect(untrusted.headers.get('set-cookie')).not.toContain('Secure')
    t.cleanup()
    t = tempApp({ security: { trustProxy: true } })
    insertUser(t.db, {
      email: 'jane@example.com',
      name: '',
      role: 'member',
      passwordHash: await hashPassword('correct horse battery'),
    })
    const trusted = await post(
      '/api/auth/login',
      { email: 'jane@example.com', password: 'correct horse battery' },
      proxied,
    )
    expect(trusted.headers.get('set-cookie')).toMatch(/^__Host-leadport_session=.*Secure/)
  })

  it('refuses a wrong password alike for unknown emails, and throttles with 429 + Retry-After', async () => {
    const wrong = await post('/api/auth/login', {
      email: 'jane@example.com',
      password: 'nope nope nope',
    })
    const unknown = await post('/api/auth/login', {
      email: 'who@example.com',
      password: 'nope nope nope',
    })
    expect(wrong.status).toBe(401)
    expect(unknown.status).toBe(401)
    expect(((await wrong.json()) as Json).error.message).toBe(
      ((await unknown.json()) as Json).error.message,
    )
    await post('/api/auth/login', { email: 'jane@example.com', password: 'nope nope nope' })
    await post('/api/auth/login', { email: 'jane@example.com', password: 'nope nope nope' })
    const limited = await post('/api/auth/login', {
      email: 'jane@example.com',
      password: 'correct horse battery',
    })
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
  })

  it('logs out, and an expired session is refused', async () => {
    const cookie = cookieOf(
      await post('/api/auth/login', {
        email: 'jane@example.com',
        password: 'correct horse battery',
      }),
    )
    expect((await t.raw.request('/api/campaigns', { headers: { cookie } })).status).toBe(200)
    expect((await post('/api/auth/logout', {}, { cookie })).status).toBe(204)
    expect((await t.raw.request('/api/campaigns', { headers: { cookie } })).status).toBe(401)
    t.db.prepare("UPDATE sessions SET expires_at = '2000-01-01T00:00:00.000Z'").run()
    expect((await t.raw.request('/api/campaigns', { headers: { cookie: t.cookie } })).status).toBe(
      401,
    )
  })

  it('refuses cookie-authenticated writes from another site (CSRF), whatever the content type', async () => {
    const body = JSON.stringify({ name: 'csrf' })
    const send = (headers: Record<string, string>) =>
      t.raw.request('/api/campaigns', {
        method: 'POST',
        headers: { cookie: t.cookie, ...headers },
        body,
      })
    expect(
      (await send({ 'content-type': 'application/json', origin: 'https://evil.example' })).status,
    ).toBe(403)
    expect(
      (await send({ 'content-type': 'text/plain', origin: 'https://evil.example' })).status,
    ).toBe(403)
    expect(
      (await send({ 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' })).status,
    ).toBe(403)
    expect((await send({ 'content-type': 'application/json' })).status).toBe(403)
    // Same site but not JSON: 415, as the JSON rule still holds.
    expect((await send({ 'content-type': 'text/plain', origin: ORIGIN })).status).toBe(415)
    expect(
      (await send({ 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' })).status,
    ).toBe(201)
    expect((await send({ 'content-type': 'application/json', origin: ORIGIN })).status).toBe(201)
    // A login from another site is refused too (login CSRF).
    expect(
      (
        await post(
          '/api/auth/login',
          { email: 'jane@example.com', password: 'x' },
          { origin: 'https://evil.example' },
        )
      ).status,
    ).toBe(403)
  })
})

describe('first-run setup', () => {
  it('creates the admin once, with the setup code, and signs them in', async () => {
    t = tempApp({ security: { setupCode: 'abcd-1234' } })
    t.db.prepare('DELETE FROM users').run()
    const state = (await (await t.raw.request('/api/auth/state')).json()) as Json
    expect(state).toEqual({ setup_needed: true, setup_code_required: true, user: null })
    const body = { email: 'boss@example.com', name: 'Boss', password: 'correct horse battery' }
    expect((await post('/api/auth/setup', { ...body, setup_code: 'wrong' })).status).toBe(403)
    expect((await post('/api/auth/setup', { ...body, password: 'short' })).status).toBe(400)
    const ok = await post('/api/auth/setup', { ...body, setup_code: 'abcd-1234' })
    expect(ok.status).toBe(201)
    expect(((await ok.json()) as Json).user).toMatchObject({
      role: 'admin',
      email: 'boss@example.com',
    })
    expect(
      (await t.raw.request('/api/campaigns', { headers: { cookie: cookieOf(ok) } })).status,
    ).toBe(200)
    const again = await post('/api/auth/setup', {
      ...body,
      email: 'x@example.com',
      setup_code: 'abcd-1234',
    })
    expect(again.status).toBe(409)
    const hash = (t.db.prepare('SELECT password_hash FROM users').get() as Json).password_hash
    expect(hash).toMatch(/^scrypt\$32768\$8\$3\$/)
  })
})
