import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { saveCampaignMapping } from '../../db/campaign-mappings.ts'
import { openDatabase } from '../../db/open.ts'
import { getJson, seedCampaign } from '../../test/fixtures.ts'
import { type Json, tempApp } from '../../test/temp-db.ts'

let t: ReturnType<typeof tempApp>
let id: number
beforeEach(async () => {
  t = tempApp()
  id = (await seedCampaign(t)).id
})
afterEach(() => t.cleanup())

const body = () => ({
  header: ['Ad Soyad', null, 'Telefon', 'İkinci Telefon'],
  mapping: { phone_number: 2, email: null, secondary_phones: [3], variables: { customer_name: 0 } },
  format: { kind: 'national', country: 'TR' },
})

async function put(campaign: number, b: unknown) {
  const res = await t.json('PUT', `/api/campaigns/${campaign}/mapping`, b)
  return { status: res.status, body: (await res.json()) as Json }
}

describe('GET/PUT /api/campaigns/:id/mapping', () => {
  it('is 404 until saved, then answers what was saved, and a later save replaces it', async () => {
    const none = await getJson(t, `/api/campaigns/${id}/mapping`)
    expect(none.status).toBe(404)
    expect(none.body.error).toEqual({
      code: 'NOT_FOUND',
      message: `Campaign ${id} has no saved column mapping yet; one is saved with its first import.`,
    })
    const saved = await put(id, body())
    expect(saved.status).toBe(200)
    expect(saved.body).toEqual({ ...body(), saved_at: expect.stringMatching(/^\d{4}-.*Z$/) })
    expect(await getJson(t, `/api/campaigns/${id}/mapping`)).toEqual({
      status: 200,
      body: saved.body,
    })
    const next = {
      header: ['Phone', 'Name'],
      mapping: { phone_number: 0, email: null, secondary_phones: [], variables: {} },
      format: { kind: 'international' },
    }
    expect((await put(id, next)).status).toBe(200)
    const got = await getJson(t, `/api/campaigns/${id}/mapping`)
    expect(got.body).toMatchObject(next)
    expect(got.body.saved_at >= saved.body.saved_at).toBe(true)
    expect(t.db.prepare('SELECT count(*) FROM campaign_mappings').pluck().get()).toBe(1)
  })

  it('refuses a mapping that does not fit its header or the campaign, and unknown campaigns', async () => {
    const cases: [Json, RegExp][] = [
      [{ ...body(), mapping: { ...body().mapping, phone_number: 4 } }, /column 4.*has 4 columns/],
      [{ ...body(), mapping: { ...body().mapping, phone_number: null } }, /phone number/],
      [{ ...body(), mapping: { ...body().mapping, secondary_phones: [0] } }, /mapped to both/],
      [{ ...body(), mapping: { ...body().mapping, variables: { city: 1 } } }, /"city"/],
      [{ ...body(), format: { kind: 'national', country: 'Turkey' } }, /two-letter/],
      [{ ...body(), header: [] }, /at header/],
      [{ ...body(), saved_at: 'now' }, /saved_at/],
    ]
    for (const [b, message] of cases) {
      const r = await put(id, b)
      expect(r.status, JSON.stringify(b)).toBe(400)
      expect(r.body.error.message).toMatch(message)
    }
    expect(t.db.prepare('SELECT count(*) FROM campaign_mappings').pluck().get()).toBe(0)
    expect((await put(999_999, body())).status).toBe(404)
    expect((await getJson(t, '/api/campaigns/999999/mapping')).status).toBe(404)
  })

  it('is saved by the db function imports call, survives a reopen and goes with its campaign', async () => {
    const b = body() as Parameters<typeof saveCampaignMapping>[2]
    saveCampaignMapping(t.db, id, b)
    // A second connection to the same file, as after a restart.
    const again = openDatabase(t.file)
    try {
      const got = again
        .prepare('SELECT mapping FROM campaign_mappings WHERE campaign_id = ?')
        .pluck()
      expect(JSON.parse(got.get(id) as string)).toEqual(b.mapping)
      again.prepare('DELETE FROM campaigns WHERE id = ?').run(id)
      expect(got.get(id)).toBeUndefined()
    } finally {
      again.close()
    }
  })

  it('is saved when an import session is created', async () => {
    const created = await t.json('POST', '/api/imports', {
      campaign_id: id,
      file_name: 'leads.csv',
      file_kind: 'csv',
      header: ['Name', 'Phone', 'Email'],
      format: { kind: 'national', country: 'TR' },
      mapping: { phone_number: 1, email: 2, secondary_phones: [], variables: { customer_name: 0 } },
      expected_rows: 1,
    })
    expect(created.status).toBe(201)
    const got = await getJson(t, `/api/campaigns/${id}/mapping`)
    expect(got.status).toBe(200)
    expect(got.body).toMatchObject({
      header: ['Name', 'Phone', 'Email'],
      format: { kind: 'national', country: 'TR' },
      mapping: { phone_number: 1, email: 2, secondary_phones: [], variables: { customer_name: 0 } },
    })
  })
})
