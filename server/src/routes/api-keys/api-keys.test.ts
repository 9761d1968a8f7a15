import { afterEach, describe, expect, it } from 'vitest'
import { hashToken } from '../../auth/tokens.ts'
import { type Json, tempApp } from '../../test/temp-db.ts'

let t: ReturnType<typeof tempApp>
afterEach(() => t.cleanup())

const bearer = (key: string) => ({ authorization: `Bearer ${key}` })

describe('API keys', () => {
  it('are shown once, stored as SHA-256 only, work as Bearer, record last use and can be revoked', async () => {
    t = tempApp()
    const res = await t.browser('POST', '/api/api-keys', { name: 'HubSpot <sync>' })
    expect(res.status).toBe(201)
    expect(res.headers.get('cache-control')).toBe('no-store')
    const created = (await res.json()) as Json
    expect(created.key).toMatch(/^lp_[0-9a-f]{12}_[\w-]{43}$/)
    expect(created).toMatchObject({
      name: 'HubSpot <sync>',
      created_by: 'admin@example.com',
      last_used_at: null,
    })
    const secret = created.key.split('_').slice(2).join('_')
    const row = t.db.prepare('SELECT * FROM api_keys WHERE id = ?').get(created.id) as Json
    expect(row.secret_hash).toBe(hashToken(secret))
    expect(JSON.stringify(row)).not.toContain(secret)

    expect((await t.raw.request('/api/campaigns', { headers: bearer(created.key) })).status).toBe(
      200,
    )
    const list = (await (await t.browser('GET', '/api/api-keys')).json()) as Json
    const listed = list.items.find((k: Json) => k.id === created.id)
    expect(listed.last_used_at).toEqual(expect.any(String))
    expect(listed.key).toBeUndefined()
    expect(listed.prefix).toBe(created.key.slice(0, 15))

    expect((await t.browser('DELETE', `/api/api-keys/${created.id}`)).status).toBe(204)
    const revoked = await t.raw.request('/api/campaigns', { headers: bearer(created.key) })
    expect(revoked.status).toBe(401)
    expect(((await revoked.json()) as Json).error.code).toBe('UNAUTHORIZED')
    expect((await t.browser('DELETE', `/api/api-keys/${created.id}`)).status).toBe(404)
  })

  it('refuses wrong, malformed and forged keys with 401', async () => {
    t = tempApp()
    const forged = `${t.key.slice(0, 16)}${'A'.repeat(43)}`
    for (const h of [forged, 'lp_000000000000_x', 'nonsense', '']) {
      const res = await t.raw.request('/api/campaigns', { headers: bearer(h) })
      expect(res.status, h).toBe(401)
    }
    // An API key cannot mint keys: that takes a person.
    expect((await t.json('POST', '/api/api-keys', { name: 'x' })).status).toBe(403)
  })

  it('rate limits per key with 429 and Retry-After; other keys are unaffected', async () => {
    t = tempApp({ security: { apiKeyLimit: { burst: 3, perSecond: 0.5 } } })
    const other = (
      (await (await t.browser('POST', '/api/api-keys', { name: 'other' })).json()) as Json
    ).key
    const statuses: number[] = []
    const answers: Response[] = []
    for (let i = 0; i < 5; i++) {
      const res = await t.raw.request('/api/campaigns', { headers: bearer(t.key) })
      statuses.push(res.status)
      answers.push(res)
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429])
    const last = answers[4] as Response
    expect(last.headers.get('retry-after')).toBe('2')
    expect(((await last.json()) as Json).error.code).toBe('RATE_LIMITED')
    expect((await t.raw.request('/api/campaigns', { headers: bearer(other) })).status).toBe(200)
  })
})
