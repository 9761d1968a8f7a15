import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type Json, ORIGIN, tempApp } from '../../test/temp-db.ts'

let t: ReturnType<typeof tempApp>
beforeEach(() => {
  t = tempApp()
})
afterEach(() => t.cleanup())

describe('members', () => {
  it('the admin adds a member who can sign in, then removes them, which ends their sessions', async () => {
    const added = await t.browser('POST', '/api/users', {
      email: 'Jane@Example.com',
      name: 'Jane <b>',
      password: 'correct horse battery',
    })
    expect(added.status).toBe(201)
    const jane = (await added.json()) as Json
    expect(jane).toMatchObject({ email: 'jane@example.com', name: 'Jane <b>', role: 'member' })
    expect(JSON.stringify(jane)).not.toContain('scrypt')
    expect(
      (
        await t.browser('POST', '/api/users', {
          email: 'jane@example.com',
          password: 'correct horse battery',
        })
      ).status,
    ).toBe(409)

    const login = await t.raw.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN },
      body: JSON.stringify({ email: 'jane@example.com', password: 'correct horse battery' }),
    })
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string
    // A member sees the team but cannot change it.
    const asJane = (method: string, path: string, body?: unknown) =>
      t.raw.request(path, {
        method,
        headers: { cookie, origin: ORIGIN, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
    expect(((await (await asJane('GET', '/api/users')).json()) as Json).items).toHaveLength(2)
    expect(
      (
        await asJane('POST', '/api/users', {
          email: 'x@example.com',
          password: 'correct horse battery',
        })
      ).status,
    ).toBe(403)
    expect((await asJane('DELETE', `/api/users/${t.admin.id}`)).status).toBe(403)

    expect((await t.browser('DELETE', `/api/users/${jane.id}`)).status).toBe(204)
    expect((await asJane('GET', '/api/campaigns')).status).toBe(401)
    expect((await t.browser('DELETE', `/api/users/${jane.id}`)).status).toBe(404)
  })

  it('the admin cannot remove themself, and API keys cannot manage members', async () => {
    expect((await t.browser('DELETE', `/api/users/${t.admin.id}`)).status).toBe(409)
    expect((await t.app.request('/api/users')).status).toBe(403)
  })
})
