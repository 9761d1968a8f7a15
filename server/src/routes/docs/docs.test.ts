import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type Json, tempApp } from '../../test/temp-db.ts'
import { UNDOCUMENTED_ROUTES } from './app-routes.ts'

let t: ReturnType<typeof tempApp>
beforeEach(() => {
  t = tempApp()
})
afterEach(() => t.cleanup())

describe('API docs', () => {
  it('serves an OpenAPI 3.1 document with every operation, generated from the shared schemas', async () => {
    const res = await t.app.request('/api/openapi.json')
    expect(res.status).toBe(200)
    const doc = (await res.json()) as Json
    expect(doc.openapi).toBe('3.1.0')
    const ops = Object.entries(doc.paths).flatMap(([p, o]) =>
      Object.keys(o as object).map((m) => `${m.toUpperCase()} ${p}`),
    )
    expect(ops.sort()).toEqual(
      [
        'GET /api/assistants',
        'POST /api/assistants',
        'GET /api/assistants/{id}',
        'PATCH /api/assistants/{id}',
        'GET /api/phone-numbers',
        'POST /api/phone-numbers',
        'GET /api/phone-numbers/{id}',
        'PATCH /api/phone-numbers/{id}',
        'GET /api/campaigns',
        'POST /api/campaigns',
        'GET /api/campaigns/{id}',
        'PATCH /api/campaigns/{id}',
        'POST /api/campaigns/{id}/start',
        'POST /api/campaigns/{id}/pause',
        'GET /api/campaigns/{id}/leads',
        'POST /api/campaigns/{id}/leads',
        'POST /api/imports',
        'GET /api/imports/{id}',
        'PUT /api/imports/{id}/chunks/{n}',
        'POST /api/imports/{id}/complete',
        'GET /api/imports/{id}/report',
        'POST /api/imports/file',
        'POST /api/calls/{id}/events',
        'GET /api/campaigns/{id}/calls',
        'GET /api/campaigns/{id}/activity',
        'GET /api/leads/{id}/calls',
        'GET /api/do-not-call',
        'POST /api/do-not-call',
        'POST /api/do-not-call/file',
        'DELETE /api/do-not-call/{id}',
      ].sort(),
    )
    // The ranges and defaults come from the zod schemas, not a hand-written copy.
    const create = doc.paths['/api/campaigns'].post.requestBody.content['application/json'].schema
    expect(create.properties.max_retries).toMatchObject({ minimum: 1, maximum: 5, default: 3 })
    expect(create.required).toEqual(['name'])
    const leads = doc.paths['/api/campaigns/{id}/leads'].post
    expect(leads.parameters.map((p: Json) => p.name)).toContain('Idempotency-Key')
    expect(doc.components.schemas.Lead.properties.status.enum).toContain('scheduled')
    // Every route the app answers is in the document (an undocumented one would 404 here).
    for (const op of ops) {
      const [method, path] = op.split(' ') as [string, string]
      const r = await t.app.request(path.replace('{id}', '1').replace('{n}', '0'), { method })
      expect(r.status, op).not.toBe(405)
      expect(((await r.json()) as Json).error?.message ?? '', op).not.toMatch(/No API route/)
    }
  })

  it('documents every API route the app answers, or says why not', async () => {
    const doc = (await (await t.app.request('/api/openapi.json')).json()) as Json
    const documented = new Set(
      Object.entries(doc.paths).flatMap(([p, o]) =>
        Object.keys(o as object).map((m) => `${m.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ':$1')}`),
      ),
    )
    const routes = new Set(
      t.raw.routes
        .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/'))
        .map((r) => `${r.method} ${r.path}`),
    )
    const missing = [...routes].filter((r) => !documented.has(r) && !UNDOCUMENTED_ROUTES[r])
    expect(
      missing,
      'document these in routes/docs/openapi.ts, or list them in app-routes.ts',
    ).toEqual([])
    // No stale or contradictory entries in the list.
    for (const r of Object.keys(UNDOCUMENTED_ROUTES)) {
      expect(routes.has(r), `${r} is listed but the app has no such route`).toBe(true)
      expect(documented.has(r), `${r} is documented and listed as undocumented`).toBe(false)
    }
    // The signed callback takes no API key; everything else does.
    expect(doc.paths['/api/calls/{id}/events'].post.security).toEqual([])
    const file = doc.paths['/api/imports/file'].post.requestBody.content['multipart/form-data']
    expect(file.schema.required).toEqual(['file', 'options'])
    expect(file.schema.properties.options.properties.format).toBeDefined()
  })

  it('serves a self-contained docs page: no third-party scripts or styles', async () => {
    const res = await t.app.request('/api/docs')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/html')
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'")
    const html = await res.text()
    expect(html).not.toMatch(/https?:\/\//)
    expect(html).toContain('src="/api/docs/docs.js"')
    const js = await t.app.request('/api/docs/docs.js')
    expect(js.status).toBe(200)
    const code = await js.text()
    expect(code).toContain('/api/openapi.json')
    expect(code).not.toContain('innerHTML')
  })
})
