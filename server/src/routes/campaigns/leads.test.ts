import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { getJson, postLeads, seedCampaign } from '../../test/fixtures.ts'
import { tempApp } from '../../test/temp-db.ts'

let t: ReturnType<typeof tempApp>
let id: number
beforeEach(async () => {
  t = tempApp()
  id = (await seedCampaign(t)).id
  const leads = ['+12133734253', '+905321234567', '+12133734250', '+905557654321'].map((p) => ({
    phone_number: p,
  }))
  await postLeads(t, id, { leads })
})
afterEach(() => t.cleanup())

describe('GET leads: phone search and query checks', () => {
  it('searches by E.164 prefix, + optional and spaces ignored, in number order with a cursor', async () => {
    const a = await getJson(
      t,
      `/api/campaigns/${id}/leads?phone=${encodeURIComponent('+1 213')}&limit=1`,
    )
    expect(a.body.items.map((l: { phone_e164: string }) => l.phone_e164)).toEqual(['+12133734250'])
    expect(a.body.next_cursor).toBe('+12133734250')
    const b = await getJson(
      t,
      `/api/campaigns/${id}/leads?phone=1213&cursor=${encodeURIComponent(a.body.next_cursor)}`,
    )
    expect(b.body.items.map((l: { phone_e164: string }) => l.phone_e164)).toEqual(['+12133734253'])
    expect(b.body.next_cursor).toBeNull()
    const none = await getJson(t, `/api/campaigns/${id}/leads?phone=44&status=created`)
    expect(none.body.items).toEqual([])
    const tr = await getJson(t, `/api/campaigns/${id}/leads?phone=90&status=created`)
    expect(tr.body.items).toHaveLength(2)
  })

  it('refuses a bad phone, limit or cursor, and an unknown campaign', async () => {
    const cases = [
      ['phone=abc', 'Search by phone'],
      ['limit=0', 'limit'],
      ['limit=1001', 'limit'],
      ['limit=x', 'limit'],
      ['cursor=-1', 'cursor'],
      ['phone=90&cursor=12', 'cursor'],
      ['status=done', 'Unknown status'],
    ]
    for (const [q, message] of cases) {
      const r = await getJson(t, `/api/campaigns/${id}/leads?${q}`)
      expect(r.status, q).toBe(400)
      expect(r.body.error.message, q).toContain(message)
    }
    expect((await getJson(t, '/api/campaigns/4242/leads')).status).toBe(404)
  })
})
