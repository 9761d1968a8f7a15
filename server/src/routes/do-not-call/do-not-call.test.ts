import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as XLSX from 'xlsx'
import { getJson, postLeads, seedCampaign } from '../../test/fixtures.ts'
import { type Json, tempApp } from '../../test/temp-db.ts'

let t: ReturnType<typeof tempApp>
beforeEach(() => {
  t = tempApp()
})
afterEach(() => t.cleanup())

const add = async (body: unknown, browser = false) => {
  const res = browser
    ? await t.browser('POST', '/api/do-not-call', body)
    : await t.json('POST', '/api/do-not-call', body)
  return { status: res.status, body: (await res.json()) as Json }
}

function upload(name: string, bytes: Uint8Array | string, options?: unknown) {
  const form = new FormData()
  form.append('file', new Blob([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)]), name)
  if (options !== undefined) form.append('options', JSON.stringify(options))
  return t.app.request('/api/do-not-call/file', { method: 'POST', body: form })
}

describe('POST /api/do-not-call', () => {
  it('stores International and National numbers as E.164 and says which were bad and why', async () => {
    const res = await add({
      numbers: ['0532 123 45 67', '+90 555 765 43 21', '12', 'abc'],
      country: 'TR',
      reason: 'Asked on the phone',
    })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ added: 2, duplicate: 0, invalid: 2, suppressed_leads: 0 })
    expect(res.body.results.map((r: Json) => r.phone_e164 ?? r.input)).toEqual([
      '12',
      'abc',
      '+905321234567',
      '+905557654321',
    ])
    expect(res.body.results[0].message).toMatch(/"12"/)
    const again = await add({ numbers: ['+905321234567'] })
    expect(again.body).toMatchObject({ added: 0, duplicate: 1 })
    const list = await getJson(t, '/api/do-not-call')
    expect(list.body.items.map((e: Json) => e.phone_e164)).toEqual([
      '+905557654321',
      '+905321234567',
    ])
    expect(list.body.items[0]).toMatchObject({
      reason: 'Asked on the phone',
      source: 'api',
      added_by: 'API key tests',
    })
  })

  it('records the member who added a number from the app', async () => {
    const res = await add({ numbers: ['+12133734250'] }, true)
    expect(res.status).toBe(200)
    const [entry] = (await getJson(t, '/api/do-not-call')).body.items
    expect(entry).toMatchObject({ source: 'manual', added_by: 'admin@example.com' })
  })

  it('refuses bad bodies with a message saying what to send', async () => {
    expect((await add({ numbers: [] })).body.error.message).toMatch(/at least one number/)
    expect((await add({ numbers: ['1'], country: 'Turkey' })).body.error.message).toMatch(
      /two-letter/,
    )
    expect((await add({ numbers: Array(1001).fill('+12133734250') })).body.error.message).toMatch(
      /upload a file/,
    )
  })

  it('suppresses matching leads not called yet in every campaign; new API leads arrive suppressed', async () => {
    const { id } = await seedCampaign(t)
    const before = await postLeads(t, id, {
      leads: [{ phone_number: '+12133734250', variables: { customer_name: 'A' } }],
    })
    expect(before.body.results[0].status).toBe('created')
    const res = await add({ numbers: ['+12133734250', '+12133734251'] })
    expect(res.body.suppressed_leads).toBe(1)
    const after = await postLeads(t, id, {
      leads: [
        { phone_number: '+12133734251', variables: { customer_name: 'B' } },
        { phone_number: '+12133734252', variables: { customer_name: 'C' } },
      ],
    })
    expect(after.body.results[0]).toMatchObject({ status: 'created', warnings: ['DNC_LISTED'] })
    expect(after.body.results[1].warnings).toBeUndefined()
    const leads = (await getJson(t, `/api/campaigns/${id}/leads`)).body.items
    expect(leads.map((l: Json) => [l.phone_e164, l.status])).toEqual([
      ['+12133734250', 'suppressed'],
      ['+12133734251', 'suppressed'],
      ['+12133734252', 'created'],
    ])
  })
})

describe('GET /api/do-not-call', () => {
  it('pages newest first, searches numbers by prefix and reasons by text', async () => {
    const numbers = Array.from({ length: 5 }, (_, i) => `+9053212345${60 + i}`)
    await add({ numbers, reason: 'Complaint' })
    await add({ numbers: ['+12133734250'], reason: 'Lawyer letter' })
    const p1 = await getJson(t, '/api/do-not-call?limit=4')
    expect(p1.body.items).toHaveLength(4)
    const p2 = await getJson(t, `/api/do-not-call?limit=4&cursor=${p1.body.next_cursor}`)
    expect(p2.body.items).toHaveLength(2)
    expect(p2.body.next_cursor).toBeNull()
    const phones = await getJson(t, '/api/do-not-call?q=90532&limit=2')
    expect(phones.body.items.map((e: Json) => e.phone_e164)).toEqual([numbers[0], numbers[1]])
    const more = await getJson(
      t,
      `/api/do-not-call?q=90532&limit=10&cursor=${encodeURIComponent(phones.body.next_cursor)}`,
    )
    expect(more.body.items).toHaveLength(3)
    const lawyer = await getJson(t, '/api/do-not-call?q=LAWYER')
    expect(lawyer.body.items.map((e: Json) => e.phone_e164)).toEqual(['+12133734250'])
    expect((await getJson(t, '/api/do-not-call?limit=0')).status).toBe(400)
    expect((await getJson(t, '/api/do-not-call?cursor=abc')).status).toBe(400)
  })
})

describe('DELETE /api/do-not-call/{id}', () => {
  it('removes an entry; an unknown one is 404', async () => {
    const res = await add({ numbers: ['+12133734250'] })
    const id = res.body.results[0].id
    expect((await t.app.request(`/api/do-not-call/${id}`, { method: 'DELETE' })).status).toBe(204)
    expect((await getJson(t, '/api/do-not-call')).body.items).toEqual([])
    const gone = await t.app.request(`/api/do-not-call/${id}`, { method: 'DELETE' })
    expect(gone.status).toBe(404)
    expect(((await gone.json()) as Json).error.message).toMatch(/does not exist/)
  })
})

describe('POST /api/do-not-call/file', () => {
  it('reads a CSV with a phone column, counts bad rows with their row numbers', async () => {
    const csv = 'Name;Telefon\nAyşe;0532 123 45 67\nBad;12\nVeli;0555 765 43 21, 0212 123 45 67\n'
    const res = await upload('dnc.csv', csv, { country: 'TR', reason: 'Imported list' })
    const body = (await res.json()) as Json
    expect(res.status).toBe(200)
    expect(body).toMatchObject({ rows: 3, added: 3, duplicate: 0, invalid: 1 })
    expect(body.invalid_rows).toEqual([{ row: 3, message: expect.stringContaining('"12"') }])
    const list = (await getJson(t, '/api/do-not-call?q=%2B90')).body.items
    expect(list.map((e: Json) => [e.phone_e164, e.source, e.reason])).toEqual([
      ['+902121234567', 'file', 'Imported list'],
      ['+905321234567', 'file', 'Imported list'],
      ['+905557654321', 'file', 'Imported list'],
    ])
  })

  it('reads an XLSX whose phone cells are numbers', async () => {
    const sheet = XLSX.utils.aoa_to_sheet([['phone_number'], [905321234567], ['+12133734250']])
    const book = XLSX.utils.book_new()
    XLSX.utils.book_append_sheet(book, sheet, 'DNC')
    const bytes = XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Uint8Array
    const res = await upload('dnc.xlsx', bytes)
    expect(await res.json()).toMatchObject({ rows: 2, added: 2, invalid: 0 })
  })

  it('refuses a file without a phone column or without a file, saying what to do', async () => {
    const res = await upload('dnc.csv', 'name,city\nAyşe,İzmir\n')
    expect(res.status).toBe(422)
    expect(((await res.json()) as Json).error).toMatchObject({ code: 'NO_PHONE_COLUMN' })
    const empty = await upload('dnc.csv', '')
    expect(((await empty.json()) as Json).error.code).toBe('FILE_EMPTY')
    const form = new FormData()
    form.append('options', '{}')
    const none = await t.app.request('/api/do-not-call/file', { method: 'POST', body: form })
    expect(((await none.json()) as Json).error.message).toMatch(/part named "file"/)
    const bad = await upload('dnc.csv', 'phone\n+12133734250\n', { country: 'Turkey' })
    expect(((await bad.json()) as Json).error.message).toMatch(/options.country/)
  })
})
