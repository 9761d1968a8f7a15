import { afterEach, describe, expect, it } from 'vitest'
import { type Json, tempApp } from '../test/temp-db.ts'

let t: ReturnType<typeof tempApp>
afterEach(() => t.cleanup())

const create = (headers: Record<string, string>) =>
  t.raw.request('http://127.0.0.1:8787/api/campaigns', {
    method: 'POST',
    headers: { cookie: t.cookie, 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ name: 'via proxy' }),
  })

describe('authenticate', () => {
  it('behind a trusted proxy, compares Origin with X-Forwarded-Host; untrusted, with Host', async () => {
    const viaProxy = {
      origin: 'https://leads.example.com',
      'x-forwarded-host': 'leads.example.com',
    }
    t = tempApp()
    expect((await create(viaProxy)).status).toBe(403)
    t.cleanup()
    t = tempApp({ security: { trustProxy: true } })
    expect((await create(viaProxy)).status).toBe(201)
    expect((await create({ ...viaProxy, origin: 'https://evil.example' })).status).toBe(403)
  })

  it('renews a session that used half its lifetime, and leaves a fresh one alone', async () => {
    t = tempApp({ security: { sessionTtlMs: 60 * 60 * 1000 } })
    const fresh = await t.raw.request('/api/campaigns', { headers: { cookie: t.cookie } })
    expect(fresh.headers.get('set-cookie')).toBeNull()
    const soon = new Date(Date.now() + 10 * 60 * 1000).toISOString()
    t.db.prepare('UPDATE sessions SET expires_at = ?').run(soon)
    const renewed = await t.raw.request('/api/campaigns', { headers: { cookie: t.cookie } })
    expect(renewed.status).toBe(200)
    expect(renewed.headers.get('set-cookie')).toMatch(/^leadport_session=.*Max-Age=3600/)
    const row = t.db.prepare('SELECT expires_at FROM sessions').get() as Json
    expect(Date.parse(row.expires_at)).toBeGreaterThan(Date.parse(soon))
  })

  it('does not let an API key request carry cookie authority, nor a cookie bypass a bad key', async () => {
    t = tempApp()
    const res = await t.raw.request('/api/campaigns', {
      headers: { cookie: t.cookie, authorization: 'Bearer lp_000000000000_nope' },
    })
    expect(res.status).toBe(401)
  })
})
