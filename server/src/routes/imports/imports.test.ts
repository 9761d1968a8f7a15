import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { setCampaignStatus } from '../../db/campaigns.ts'
import { insertLeads } from '../../db/leads.ts'
import { importBody, phoneFor, seedImportCampaign, tempImportApp } from './temp-import-app.ts'

let t: ReturnType<typeof tempImportApp>
let campaign: number
beforeEach(() => {
  t = tempImportApp()
  campaign = seedImportCampaign(t.db)
})
afterEach(() => t.cleanup())

const row = (n: number, name: string, phone: unknown, email: unknown = null) => ({
  row: n,
  cells: [name, phone, email],
})
const leadCount = () => t.count('SELECT count(*) FROM leads WHERE campaign_id = ?', campaign)

describe('import sessions', () => {
  it('creates an import and shows its plan, nothing committed yet', async () => {
    const r = await t.send('POST', '/api/imports', importBody(campaign, 5, 2))
    expect(r.status).toBe(201)
    expect(r.body).toMatchObject({
      campaign_id: campaign,
      status: 'uploading',
      total_chunks: 3,
      committed_chunks: [],
      counts: { rows: 0, inserted: 0, valid: 0 },
    })
    expect((await t.send('GET', `/api/imports/${r.body.id}`)).body).toEqual(r.body)
  })

  it('refuses an unknown campaign, a mapping without a phone column and a non-JSON body', async () => {
    expect((await t.send('POST', '/api/imports', importBody(999_999, 1))).status).toBe(404)
    const noPhone = importBody(campaign, 1)
    noPhone.mapping.phone_number = null as unknown as number
    const r = await t.send('POST', '/api/imports', noPhone)
    expect(r.status).toBe(400)
    expect(r.body.error.message).toMatch(/phone number/)
    const unknown = JSON.stringify(importBody(campaign, 1)).replace('"customer_name":0', '"x":0')
    expect((await t.send('POST', '/api/imports', unknown)).status).toBe(400)
    expect(
      (await t.send('POST', '/api/imports', JSON.stringify(importBody(campaign, 1)), 'text/plain'))
        .status,
    ).toBe(415)
    expect(t.count('SELECT count(*) FROM imports')).toBe(0)
  })

  it('keeps a __proto__ mapping key from touching any prototype', async () => {
    const body = JSON.stringify(importBody(campaign, 1)).replace(
      '"customer_name":0',
      '"customer_name":0,"__proto__":{"polluted":1}',
    )
    const r = await t.send('POST', '/api/imports', body)
    expect([201, 400]).toContain(r.status)
    expect(Object.getPrototypeOf({})).toBe(Object.prototype)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('re-validates every row on the server and stores valid leads as created in a draft', async () => {
    const id = await t.create(importBody(campaign, 4, 4))
    const r = await t.putChunk(id, 0, [
      row(2, 'Ali', phoneFor(1), 'ali@example.com'),
      row(3, 'Veli', '12345'),
      row(4, 'Ayşe', 905321234567),
      row(6, '', phoneFor(3)),
    ])
    expect(r.status).toBe(200)
    expect(r.body).toEqual({
      n: 0,
      rows: 4,
      inserted: 3,
      invalid: 1,
      duplicate_in_file: 0,
      duplicate_in_campaign: 0,
      warnings: 2,
      replay: false,
    })
    const leads = t.db
      .prepare(
        'SELECT phone_e164, status, variables, origin_ref, origin_row FROM leads ORDER BY origin_row',
      )
      .all()
    expect(leads).toEqual([
      {
        phone_e164: phoneFor(1),
        status: 'created',
        variables: JSON.stringify({ customer_name: 'Ali', email: 'ali@example.com' }),
        origin_ref: String(id),
        origin_row: 2,
      },
      expect.objectContaining({ phone_e164: '+905321234567', origin_row: 4 }),
      expect.objectContaining({ phone_e164: phoneFor(3), variables: '{}', origin_row: 6 }),
    ])
    const errors = t.db.prepare('SELECT row_number, cells, codes FROM import_errors').all()
    expect(errors).toEqual([
      { row_number: 3, cells: '["Veli","12345",null]', codes: '["PHONE_INVALID"]' },
    ])
  })

  it('schedules leads at once when the campaign is in progress', async () => {
    setCampaignStatus(t.db, campaign, 'in_progress')
    const id = await t.create(importBody(campaign, 1, 1))
    expect((await t.putChunk(id, 0, [row(2, 'Ali', phoneFor(1))])).body.inserted).toBe(1)
    const lead = t.db.prepare('SELECT status, next_attempt_at FROM leads').get() as {
      status: string
      next_attempt_at: string | null
    }
    expect(lead.status).toBe('scheduled')
    expect(lead.next_attempt_at).not.toBeNull()
  })

  it('replays the same chunk with its stored result and refuses a different body with 409', async () => {
    const id = await t.create(importBody(campaign, 2, 2))
    const rows = [row(2, 'Ali', phoneFor(1)), row(3, 'Veli', phoneFor(2))]
    const first = await t.putChunk(id, 0, rows)
    // Same rows, other whitespace and key order: the same chunk.
    const again = await t.send(
      'PUT',
      `/api/imports/${id}/chunks/0`,
      `{ "rows": ${JSON.stringify(
        rows.map((r) => ({ cells: r.cells, row: r.row })),
        null,
        2,
      )} }`,
    )
    expect(again.status).toBe(200)
    expect(again.headers.get('idempotent-replayed')).toBe('true')
    expect(again.body).toEqual({ ...first.body, replay: true })
    const other = await t.putChunk(id, 0, [row(2, 'Ali', phoneFor(1)), row(3, 'Veli', phoneFor(9))])
    expect(other.status).toBe(409)
    expect(other.body.error.message).toMatch(/already stored with different rows/)
    expect(leadCount()).toBe(2)
    expect((await t.send('GET', `/api/imports/${id}`)).body.counts.rows).toBe(2)
  })

  it('stores a chunk sent twice at the same time once', async () => {
    const id = await t.create(importBody(campaign, 3, 3))
    const rows = [row(2, 'A', phoneFor(1)), row(3, 'B', phoneFor(2)), row(4, 'C', phoneFor(3))]
    const [a, b] = await Promise.all([t.putChunk(id, 0, rows), t.putChunk(id, 0, rows)])
    expect([a.status, b.status]).toEqual([200, 200])
    expect([a.body.replay, b.body.replay].sort()).toEqual([false, true])
    expect(leadCount()).toBe(3)
    expect(t.count('SELECT count(*) FROM import_chunks')).toBe(1)
  })

  it('finds in-file duplicates across chunks in any order, and numbers already in the campaign', async () => {
    insertLeads(
      t.db,
      campaign,
      [{ phone_e164: phoneFor(9), phone_ext: null, secondary_phones: null, variables: {} }],
      {
        status: 'created',
        nextAttemptAt: null,
        originKind: 'api',
        originRef: null,
        onDuplicate: 'skip',
        now: new Date().toISOString(),
      },
    )
    const id = await t.create(importBody(campaign, 4, 2))
    // Chunk 1 first: its row 5 keeps the number, row 2 of chunk 0 is the duplicate.
    const c1 = await t.putChunk(id, 1, [row(4, 'C', phoneFor(9)), row(5, 'D', phoneFor(1))])
    expect(c1.body).toMatchObject({ inserted: 1, duplicate_in_campaign: 1 })
    const c0 = await t.putChunk(id, 0, [row(2, 'A', phoneFor(1)), row(3, 'B', phoneFor(1))])
    expect(c0.body).toMatchObject({ inserted: 0, duplicate_in_file: 2, duplicate_in_campaign: 0 })
    const errors = t.db
      .prepare('SELECT row_number, codes, messages FROM import_errors ORDER BY row_number')
      .all() as { row_number: number; codes: string; messages: string }[]
    expect(errors.map((e) => [e.row_number, JSON.parse(e.codes)[0]])).toEqual([
      [2, 'DUPLICATE_IN_FILE'],
      [3, 'DUPLICATE_IN_FILE'],
      [4, 'DUPLICATE_IN_CAMPAIGN'],
    ])
    expect(errors[0]?.messages).toMatch(/row 5/)
    expect(errors[1]?.messages).toMatch(/row 2/)
    const view = (await t.send('GET', `/api/imports/${id}`)).body
    expect(view.committed_chunks).toEqual([0, 1])
    expect(view.counts).toMatchObject({ rows: 4, inserted: 1, duplicate_in_file: 2, valid: 2 })
  })

  it('completes only when every chunk is stored, idempotently, and then takes no chunks', async () => {
    const id = await t.create(importBody(campaign, 3, 2))
    await t.putChunk(id, 0, [row(2, 'A', phoneFor(1)), row(3, 'B', phoneFor(2))])
    const early = await t.send('POST', `/api/imports/${id}/complete`)
    expect(early.status).toBe(409)
    expect(early.body.error.message).toMatch(/1 of its 2 chunks/)
    await t.putChunk(id, 1, [row(4, 'C', phoneFor(3))])
    const done = await t.send('POST', `/api/imports/${id}/complete`)
    expect(done.status).toBe(200)
    expect(done.body).toMatchObject({ status: 'completed', counts: { rows: 3, inserted: 3 } })
    const again = await t.send('POST', `/api/imports/${id}/complete`)
    expect(again.body).toEqual(done.body)
    // A replay of a stored chunk still answers; a new one is refused.
    expect((await t.putChunk(id, 1, [row(4, 'C', phoneFor(3))])).body.replay).toBe(true)
    expect((await t.putChunk(id, 1, [row(4, 'C', phoneFor(4))])).status).toBe(409)
  })

  it('completes an empty import at once', async () => {
    const id = await t.create(importBody(campaign, 0, 2))
    expect((await t.send('POST', `/api/imports/${id}/complete`)).body.status).toBe('completed')
  })
})
