import { MAX_LOOKUP_PHONES } from '@leadport/shared'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { FIND_LEADS_BY_PHONE_SQL } from '../../db/leads-by-phone.ts'
import { postLeads, seedCampaign } from '../../test/fixtures.ts'
import { type Json, tempApp } from '../../test/temp-db.ts'

let t: ReturnType<typeof tempApp>
let id: number
let other: number
beforeEach(async () => {
  t = tempApp()
  id = (await seedCampaign(t, 'Main')).id
  other = (await seedCampaign(t, 'Other')).id
  const phones = ['+905321234567', '+12133734253', '+447911123456']
  await postLeads(t, id, { leads: phones.map((p) => ({ phone_number: p })) })
  // The other campaign has a number the main one lacks: the answer must stay per campaign.
  await postLeads(t, other, { leads: [{ phone_number: '+905557654321' }] })
})
afterEach(() => t.cleanup())

async function lookup(campaign: number, body: unknown, headers: Record<string, string> = {}) {
  const res = await t.json('POST', `/api/campaigns/${campaign}/numbers/lookup`, body, headers)
  return { status: res.status, body: (await res.json()) as Json }
}

const trMobile = (i: number) => `+90532${String(i).padStart(7, '0')}`

describe('POST /api/campaigns/:id/numbers/lookup', () => {
  it('answers the numbers the campaign has, once each, with lead id and status', async () => {
    t.db.prepare("UPDATE leads SET status = 'completed' WHERE phone_e164 = '+12133734253'").run()
    const r = await lookup(id, {
      phones: ['+12133734253', '+905557654321', '+905321234567', '+905321234567', '+4915112345678'],
    })
    expect(r.status).toBe(200)
    const ids = t.db.prepare('SELECT phone_e164, id FROM leads WHERE campaign_id = ?').all(id) as {
      phone_e164: string
      id: number
    }[]
    const idOf = (p: string) => ids.find((x) => x.phone_e164 === p)?.id
    const found = [...r.body.found].sort((a: Json, b: Json) =>
      a.phone_e164.localeCompare(b.phone_e164),
    )
    expect(found).toEqual([
      { phone_e164: '+12133734253', lead_id: idOf('+12133734253'), status: 'completed' },
      { phone_e164: '+905321234567', lead_id: idOf('+905321234567'), status: 'created' },
    ])
    expect((await lookup(other, { phones: ['+905557654321', '+12133734253'] })).body.found).toEqual(
      [expect.objectContaining({ phone_e164: '+905557654321', status: 'created' })],
    )
    const empty = (await seedCampaign(t, 'Empty')).id
    expect((await lookup(empty, { phones: ['+905321234567'] })).body).toEqual({ found: [] })
  })

  it('takes the largest batch in one query and refuses one more number with 413', async () => {
    const leads = Array.from({ length: 2_000 }, (_, i) => ({ phone_number: trMobile(i * 2) }))
    expect((await postLeads(t, id, { leads })).status).toBe(200)
    const phones = Array.from({ length: MAX_LOOKUP_PHONES }, (_, i) => trMobile(i))
    const r = await lookup(id, { phones })
    expect(r.status).toBe(200)
    expect(r.body.found).toHaveLength(2_000)
    const tooMany = await lookup(id, { phones: [...phones, '+905321234567'] })
    expect(tooMany.status).toBe(413)
    expect(tooMany.body.error).toEqual({
      code: 'PAYLOAD_TOO_LARGE',
      message: expect.stringMatching(/at most 5,000 numbers.*has 5,001.*batches/),
    })
  })

  it('refuses numbers not in E.164, an empty list, a wrong body and an unknown campaign', async () => {
    const bad = await lookup(id, { phones: ['+905321234567', '0532 123 45 67'] })
    expect(bad.status).toBe(400)
    expect(bad.body.error.message).toBe(
      'Send phone numbers in E.164 form, such as +905321234567. (at phones.1)',
    )
    for (const body of [{ phones: [] }, {}, { phones: '+905321234567' }, [], { phones: [1] }]) {
      const r = await lookup(id, body)
      expect(r.status, JSON.stringify(body)).toBe(400)
      expect(r.body.error.code).toBe('BAD_REQUEST')
    }
    for (const body of [{}, [], { phones: '+905321234567' }]) {
      expect((await lookup(id, body)).body.error.message).toMatch(/^Send the numbers as \{"phones"/)
    }
    expect((await lookup(id, { phones: ['+905321234567'], extra: 1 })).status).toBe(400)
    const missing = await lookup(999_999, { phones: ['+905321234567'] })
    expect(missing.status).toBe(404)
    expect(missing.body.error.message).toBe('Campaign 999999 does not exist.')
    const text = await t.app.request(`/api/campaigns/${id}/numbers/lookup`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{"phones":["+905321234567"]}',
    })
    expect(text.status).toBe(415)
  })

  it('looks each number up in the unique (campaign, phone) index, not a scan', () => {
    const plan = t.db
      .prepare(`EXPLAIN QUERY PLAN ${FIND_LEADS_BY_PHONE_SQL}`)
      .all('["+905321234567"]', id) as { detail: string }[]
    expect(plan.map((p) => p.detail).join('\n')).toMatch(
      /SEARCH l USING INDEX sqlite_autoindex_leads_1 \(campaign_id=\? AND phone_e164=\?\)/,
    )
  })
})
