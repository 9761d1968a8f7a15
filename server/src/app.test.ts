import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MIGRATIONS } from './db/migrations.ts'
import { type Json, tempApp } from './test/temp-db.ts'

let t: ReturnType<typeof tempApp>
beforeEach(() => {
  t = tempApp()
})
afterEach(() => t.cleanup())

describe('health', () => {
  it('answers with the version and schema', async () => {
    const res = await t.app.request('/api/health')
    expect(res.status).toBe(200)
    expect((await res.json()) as Json).toEqual({
      status: 'ok',
      version: 'test',
      schema: MIGRATIONS.length,
    })
  })
})

describe('errors', () => {
  it('an unknown API route is a 404 in the one error shape', async () => {
    const res = await t.app.request('/api/nope')
    expect(res.status).toBe(404)
    expect((await res.json()) as Json).toEqual({
      error: { code: 'NOT_FOUND', message: 'No API route GET /api/nope.' },
    })
  })

  it('a body that is not JSON, or not declared as JSON, is refused', async () => {
    const plain = await t.app.request('/api/campaigns', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{"name":"x"}',
    })
    expect(plain.status).toBe(415)
    const broken = await t.app.request('/api/campaigns', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"name":',
    })
    expect(broken.status).toBe(400)
    expect(((await broken.json()) as Json).error.code).toBe('BAD_REQUEST')
  })
})

describe('campaigns', () => {
  it('creates, reads and lists a campaign with ids from 1000', async () => {
    const created = await t.json('POST', '/api/campaigns', { name: '  Q3 retail ' })
    expect(created.status).toBe(201)
    const c = (await created.json()) as Json
    expect(c).toMatchObject({ id: 1000, name: 'Q3 retail', status: 'draft', lead_counts: {} })
    expect(((await (await t.app.request('/api/campaigns/1000')).json()) as Json).name).toBe(
      'Q3 retail',
    )
    const list = (await (await t.app.request('/api/campaigns')).json()) as Json
    expect(list.items.map((x: { id: number }) => x.id)).toEqual([1000])
  })

  it('refuses a blank name and unknown keys, naming the problem', async () => {
    const blank = await t.json('POST', '/api/campaigns', { name: '   ' })
    expect(blank.status).toBe(400)
    expect(((await blank.json()) as Json).error.message).toContain('Give the campaign a name')
    const extra = await t.json('POST', '/api/campaigns', {
      name: 'x',
      __proto__: { admin: true },
      evil: 1,
    })
    expect(extra.status).toBe(400)
  })

  it('answers 404 for an unknown or malformed id', async () => {
    for (const path of ['/api/campaigns/4242', '/api/campaigns/abc', '/api/campaigns/0']) {
      const res = await t.app.request(path)
      expect(res.status, path).toBe(404)
      expect(((await res.json()) as Json).error.code).toBe('NOT_FOUND')
    }
  })
})

describe('campaign leads', () => {
  beforeEach(async () => {
    await t.json('POST', '/api/campaigns', { name: 'Leads' })
  })

  it('re-validates phones, stores E.164 once per campaign and answers per lead', async () => {
    const res = await t.json('POST', '/api/campaigns/1000/leads', {
      leads: [
        { phone_number: '+90 532 123 45 67', variables: { customer_name: 'Ayşe' } },
        { phone_number: '0532 123 45 67', country: 'TR' },
        { phone_number: '123456', country: 'DE' },
        { phone_number: '' },
      ],
    })
    expect(res.status).toBe(200)
    const { results } = (await res.json()) as Json
    expect(results).toEqual([
      { status: 'created', id: expect.any(Number), phone_e164: '+905321234567' },
      { status: 'duplicate', id: results[0].id, phone_e164: '+905321234567' },
      { status: 'invalid', codes: ['PHONE_INVALID'], message: expect.stringContaining('123456') },
      { status: 'invalid', codes: ['PHONE_MISSING'], message: expect.any(String) },
    ])
    const page = (await (await t.app.request('/api/campaigns/1000/leads')).json()) as Json
    expect(page.items).toHaveLength(1)
    expect(page.items[0]).toMatchObject({
      phone_e164: '+905321234567',
      status: 'created',
      variables: { customer_name: 'Ayşe' },
    })
    const campaign = (await (await t.app.request('/api/campaigns/1000')).json()) as Json
    expect(campaign.lead_counts).toEqual({ created: 1 })
  })

  it('accepts one lead without the leads wrapper', async () => {
    const res = await t.json('POST', '/api/campaigns/1000/leads', { phone_number: '+12133734253' })
    expect(((await res.json()) as Json).results[0].status).toBe('created')
  })

  it('pages with a cursor and filters by status', async () => {
    const leads = Array.from({ length: 5 }, (_, i) => ({ phone_number: `+1213373425${i}` }))
    await t.json('POST', '/api/campaigns/1000/leads', { leads })
    const first = (await (await t.app.request('/api/campaigns/1000/leads?limit=2')).json()) as Json
    expect(first.items).toHaveLength(2)
    const second = (await (
      await t.app.request(`/api/campaigns/1000/leads?limit=2&cursor=${first.next_cursor}`)
    ).json()) as Json
    expect(second.items[0].id).toBeGreaterThan(first.items[1].id)
    const scheduled = (await (
      await t.app.request('/api/campaigns/1000/leads?status=scheduled')
    ).json()) as Json
    expect(scheduled.items).toEqual([])
    const bad = await t.app.request('/api/campaigns/1000/leads?status=nope')
    expect(bad.status).toBe(400)
  })

  it('refuses more than 10,000 leads in one request and an unknown campaign', async () => {
    const many = Array.from({ length: 10_001 }, () => ({ phone_number: '+12133734253' }))
    expect((await t.json('POST', '/api/campaigns/1000/leads', { leads: many })).status).toBe(400)
    expect(
      (await t.json('POST', '/api/campaigns/77/leads', { phone_number: '+12133734253' })).status,
    ).toBe(404)
  })
})
