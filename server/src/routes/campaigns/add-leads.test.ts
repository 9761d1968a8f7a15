import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { getJson, postLeads, seedCampaign } from '../../test/fixtures.ts'
import { tempApp } from '../../test/temp-db.ts'

let t: ReturnType<typeof tempApp>
let id: number
beforeEach(async () => {
  t = tempApp()
  id = (await seedCampaign(t)).id
})
afterEach(() => t.cleanup())

const one = { leads: [{ phone_number: '+12133734250', variables: { customer_name: 'Ann' } }] }
const count = async (campaign = id) =>
  (await getJson(t, `/api/campaigns/${campaign}/leads?limit=1000`)).body.items.length
const keys = () => t.db.prepare('SELECT count(*) FROM idempotency_keys').pluck().get()

describe('POST leads: secondary phones and on_duplicate', () => {
  it('stores secondary phones in E.164, split numbers included, and warns', async () => {
    const res = await postLeads(t, id, {
      phone_number: '0532 123 45 67, 0555 765 43 21',
      country: 'TR',
      secondary_phones: ['0212 123 45 67', '+905321234567'],
    })
    expect(res.body.results[0]).toMatchObject({
      status: 'created',
      phone_e164: '+905321234567',
      warnings: ['PHONE_SPLIT'],
    })
    const lead = (await getJson(t, `/api/campaigns/${id}/leads`)).body.items[0]
    expect(lead.secondary_phones).toEqual(['+905557654321', '+902121234567'])
    expect(lead).toMatchObject({ attempts: 0, origin: { kind: 'api' }, status: 'created' })
  })

  it('refuses a lead with an invalid secondary phone, naming which', async () => {
    const res = await postLeads(t, id, { phone_number: '+12133734250', secondary_phones: ['12'] })
    expect(res.body.results[0]).toMatchObject({ status: 'invalid', codes: ['PHONE_INVALID'] })
    expect(res.body.results[0].message).toMatch(/^Secondary phone 1: "12"/)
    expect(await count()).toBe(0)
  })

  it('skip leaves the stored lead; update merges variables and replaces secondary phones', async () => {
    const first = await postLeads(t, id, {
      phone_number: '+12133734250',
      secondary_phones: ['+12133734251'],
      variables: { customer_name: 'Ann', company: 'Acme' },
    })
    const leadId = first.body.results[0].id
    const skip = await postLeads(t, id, {
      phone_number: '+1 213 373 4250',
      variables: { customer_name: 'Changed' },
    })
    expect(skip.body.results[0]).toEqual({
      status: 'duplicate',
      id: leadId,
      phone_e164: '+12133734250',
    })
    const update = await postLeads(t, id, {
      leads: [
        {
          phone_number: '+12133734250',
          secondary_phones: ['+12133734252'],
          variables: { customer_name: 'Ann B.' },
        },
      ],
      on_duplicate: 'update',
    })
    expect(update.body.results[0]).toEqual({
      status: 'updated',
      id: leadId,
      phone_e164: '+12133734250',
    })
    const lead = (await getJson(t, `/api/campaigns/${id}/leads`)).body.items[0]
    expect(lead.variables).toEqual({ customer_name: 'Ann B.', company: 'Acme' })
    expect(lead.secondary_phones).toEqual(['+12133734252'])
    expect(lead.status).toBe('created')
    expect(await count()).toBe(1)
  })

  it('refuses a bad on_duplicate and an unknown campaign', async () => {
    expect((await postLeads(t, id, { ...one, on_duplicate: 'merge' })).status).toBe(400)
    expect((await postLeads(t, 4242, one)).status).toBe(404)
  })
})

describe('POST leads: the Idempotency-Key contract (routes/campaigns/idempotency.ts)', () => {
  it('1. without the header, every request is carried out', async () => {
    await postLeads(t, id, one)
    const again = await postLeads(t, id, one)
    expect(again.body.results[0].status).toBe('duplicate')
    expect(again.headers.get('idempotent-replayed')).toBeNull()
    expect(keys()).toBe(0)
  })

  it('2. a malformed key is refused with 400', async () => {
    for (const key of ['has space', 'x'.repeat(256), 'ünicode']) {
      const res = await postLeads(t, id, one, key)
      expect(res.status, key).toBe(400)
      expect(res.body.error.message).toContain('Idempotency-Key')
    }
    expect(await count()).toBe(0)
  })

  it('3. the first request is carried out and its answer stored with the leads', async () => {
    const res = await postLeads(t, id, one, 'key-1')
    expect(res.status).toBe(200)
    expect(res.body.results[0].status).toBe('created')
    expect(keys()).toBe(1)
    const lead = (await getJson(t, `/api/campaigns/${id}/leads`)).body.items[0]
    expect(lead.origin).toEqual({ kind: 'api', ref: 'key-1' })
  })

  it('3. when storing the leads fails, no answer is stored either', async () => {
    t.db.exec(`CREATE TRIGGER boom BEFORE INSERT ON leads BEGIN SELECT RAISE(ABORT, 'boom'); END`)
    const res = await postLeads(t, id, one, 'key-f')
    expect(res.status).toBe(500)
    expect(keys()).toBe(0)
    t.db.exec('DROP TRIGGER boom')
    expect((await postLeads(t, id, one, 'key-f')).body.results[0].status).toBe('created')
  })

  it('4. the same key and body replay the stored answer, whatever the whitespace or key order', async () => {
    const first = await postLeads(t, id, one, 'key-2')
    const body =
      '{ "on_duplicate": "skip",\n "leads": [ { "variables": {"customer_name":"Ann"}, "phone_number": "+12133734250" } ] }'
    const replay = await postLeads(t, id, body, 'key-2')
    expect(replay.status).toBe(first.status)
    expect(replay.body).toEqual(first.body)
    expect(replay.body.results[0].status).toBe('created')
    expect(replay.headers.get('idempotent-replayed')).toBe('true')
    expect(keys()).toBe(1)
    expect(await count()).toBe(1)
  })

  it('5. the same key with another body is refused with 409 and stores nothing', async () => {
    await postLeads(t, id, one, 'key-3')
    const other = await postLeads(t, id, { phone_number: '+12133734259' }, 'key-3')
    expect(other.status).toBe(409)
    expect(other.body.error).toEqual({
      code: 'CONFLICT',
      message:
        'This Idempotency-Key was already used with a different body. Use a new key for a new request.',
    })
    expect(await count()).toBe(1)
  })

  it('6. keys are scoped to the campaign', async () => {
    const other = (await seedCampaign(t, 'Other')).id
    await postLeads(t, id, one, 'key-4')
    const res = await postLeads(t, other, one, 'key-4')
    expect(res.body.results[0].status).toBe('created')
    expect(res.headers.get('idempotent-replayed')).toBeNull()
    expect(await count(other)).toBe(1)
  })

  it('7. a refused request stores nothing, so the key can be reused after fixing it', async () => {
    expect((await postLeads(t, id, { leads: [] }, 'key-5')).status).toBe(400)
    expect((await postLeads(t, 4242, one, 'key-5')).status).toBe(404)
    expect(keys()).toBe(0)
    expect((await postLeads(t, id, one, 'key-5')).body.results[0].status).toBe('created')
  })

  it('8. answers are kept for 24 hours, then the key is new again', async () => {
    await postLeads(t, id, one, 'key-6')
    t.db.prepare("UPDATE idempotency_keys SET created_at = '2000-01-01T00:00:00.000Z'").run()
    const later = await postLeads(t, id, { phone_number: '+12133734259' }, 'key-6')
    expect(later.status).toBe(200)
    expect(later.body.results[0].status).toBe('created')
  })
})
