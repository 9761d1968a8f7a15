import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type Json, tempApp } from '../test/temp-db.ts'
import { PUBLIC_PATHS } from './authenticate.ts'

let t: ReturnType<typeof tempApp>
beforeEach(() => {
  t = tempApp()
})
afterEach(() => t.cleanup())

describe('the route table', () => {
  it('answers 401 to every route without a session or key, except the public ones', async () => {
    const routes = t.raw.routes.filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/'))
    expect(routes.length).toBeGreaterThan(20)
    const open: string[] = []
    for (const r of routes) {
      const path = r.path.replace(/:\w+/g, '1000')
      const init: RequestInit = { method: r.method }
      if (r.method !== 'GET') init.headers = { 'content-type': 'application/json' }
      if (r.method !== 'GET') init.body = '{}'
      const res = await t.raw.request(path, init)
      if (PUBLIC_PATHS.has(path)) {
        open.push(`${r.method} ${path}`)
        expect(res.status, `${r.method} ${path}`).not.toBe(401)
        continue
      }
      expect(res.status, `${r.method} ${path}`).toBe(401)
      expect(((await res.json()) as Json).error.code).toBe('UNAUTHORIZED')
    }
    expect(open.sort()).toEqual([
      'GET /api/auth/state',
      'GET /api/docs',
      'GET /api/docs/docs.js',
      'GET /api/health',
      'GET /api/openapi.json',
      'POST /api/auth/login',
      'POST /api/auth/setup',
    ])
  })
})
