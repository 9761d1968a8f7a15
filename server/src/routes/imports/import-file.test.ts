import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as XLSX from 'xlsx'
import { listOutboxMessages } from '../../db/outbox.ts'
import { testMailConfig } from '../../mail/temp-mail-app.ts'
import { tempFileImportApp } from './temp-file-import-app.ts'
import { phoneFor, seedImportCampaign } from './temp-import-app.ts'

let t: ReturnType<typeof tempFileImportApp>
let campaign: number
beforeEach(() => {
  t = tempFileImportApp({ mail: testMailConfig(1) })
  campaign = seedImportCampaign(t.db, 'Spring')
})
afterEach(() => t.cleanup())

const CSV = [
  'Name,Phone,Email',
  `Ayşe,${phoneFor(1)},`,
  `Bora,${phoneFor(2)},`,
  `Cem,${phoneFor(1)},`,
  'Deniz,not a phone,',
  `Ece,${phoneFor(3)},ece@example.com`,
].join('\n')
const mapping = { phone_number: 1, email: 2, secondary_phones: [], variables: { customer_name: 0 } }
const options = () => ({
  campaign_id: campaign,
  format: { kind: 'international' },
  mapping,
  chunk_size: 2,
})

describe('POST /api/imports/file', () => {
  it('reads the file in a worker, stores it in chunks and emails the user', async () => {
    const res = await t.postFile('spring.csv', CSV, options())
    expect(res.status).toBe(202)
    const created = await res.json()
    expect(created).toMatchObject({
      campaign_id: campaign,
      file_name: 'spring.csv',
      file_kind: 'csv',
      expected_rows: 5,
      total_chunks: 3,
    })
    // Kept next to the database until the import completes, then deleted.
    const kept = join(t.dir, 'imports', `${created.id}.csv`)
    expect(existsSync(kept)).toBe(true)
    await t.imports.idle()
    expect(readdirSync(join(t.dir, 'imports'))).toEqual([])
    const done = await (await t.get(`/api/imports/${created.id}`)).json()
    expect(done).toMatchObject({
      status: 'completed',
      committed_chunks: [0, 1, 2],
      counts: { rows: 5, inserted: 3, invalid: 1, duplicate_in_file: 1 },
    })
    expect(t.db.prepare('SELECT count(*) FROM leads').pluck().get()).toBe(3)
    const report = await (await t.get(`/api/imports/${created.id}/report?format=csv`)).text()
    expect(report).toContain('Deniz')
    expect(report).toContain('Cem')
    const mail = listOutboxMessages(t.db)
    expect(mail).toMatchObject([{ to_address: 'admin@example.com', status: 'pending' }])
    expect(mail[0]?.subject).toBe('Import finished: Spring (5 rows, 3 added)')
  })

  it('maps columns itself when no mapping is sent; no email for an API key', async () => {
    const { mapping: _, ...auto } = options()
    const res = await t.postFile('auto.csv', CSV, auto, true)
    expect(res.status).toBe(202)
    const { id } = await res.json()
    await t.imports.idle()
    const done = await (await t.get(`/api/imports/${id}`)).json()
    expect(done).toMatchObject({ status: 'completed', counts: { rows: 5, inserted: 3 } })
    expect(listOutboxMessages(t.db)).toEqual([])
  })

  it('refuses bad files and bad requests with a clear message and stores nothing', async () => {
    const { mapping: _, ...auto } = options()
    const cases: [Response | Promise<Response>, number, RegExp][] = [
      [t.postFile('empty.csv', '', options()), 422, /FILE_EMPTY/],
      [t.postFile('x.csv', 'Name,City\nA,B\n', auto), 422, /NO_PHONE_COLUMN/],
      [t.postFile('x.csv', 'Name,Phone\nA,B\n', options()), 400, /column 2/],
      [t.postFile('a.csv', CSV, undefined), 400, /options/],
      [t.postFile('a.csv', CSV, { ...options(), campaign_id: 999_999 }), 404, /999999/],
      [t.postFile('a.csv', CSV, { ...options(), format: { kind: 'nope' } }), 400, /format/],
    ]
    for (const [res, status, message] of cases) {
      const r = await res
      const body = await r.text()
      expect(r.status, body).toBe(status)
      expect(body).toMatch(message)
    }
    const json = await t.get('/api/imports/1')
    expect(json.status).toBe(404)
    expect(t.db.prepare('SELECT count(*) FROM imports').pluck().get()).toBe(0)
    // No upload is left behind on disk either.
    expect(readdirSync(join(t.dir, 'imports'))).toEqual([])
  })
})

describe('the reading worker', () => {
  it('reads workbooks, numeric phone cells included', async () => {
    const sheet = XLSX.utils.aoa_to_sheet([
      ['Name', 'Phone', 'Joined'],
      ['Ayşe', 5320000001, new Date(Date.UTC(2024, 0, 31))],
      ['Bora', '0532 000 00 02', null],
    ])
    const book = XLSX.utils.book_new()
    XLSX.utils.book_append_sheet(book, sheet, 'Leads')
    const bytes = XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Uint8Array
    const res = await t.postFile('leads.xlsx', bytes, {
      campaign_id: campaign,
      format: { kind: 'national', country: 'TR' },
      mapping: { ...mapping, email: null },
    })
    expect(res.status).toBe(202)
    const { id, file_kind } = await res.json()
    expect(file_kind).toBe('xlsx')
    await t.imports.idle()
    const done = await (await t.get(`/api/imports/${id}`)).json()
    expect(done).toMatchObject({ status: 'completed', counts: { rows: 2, inserted: 2 } })
    const phones = t.db.prepare('SELECT phone_e164 FROM leads ORDER BY id').pluck().all()
    expect(phones).toEqual([phoneFor(1), phoneFor(2)])
  })

  it('is ended by its watchdog, and the request says what to do', async () => {
    const slow = tempFileImportApp({ limits: { timeoutMs: 1 } })
    try {
      const c = seedImportCampaign(slow.db)
      const r = await slow.postFile('a.csv', CSV, { ...options(), campaign_id: c })
      expect(r.status).toBe(413)
      expect((await r.json()).error.message).toMatch(
        /took longer than .* Save it as CSV, or split it/,
      )
      expect(slow.db.prepare('SELECT count(*) FROM imports').pluck().get()).toBe(0)
    } finally {
      await slow.cleanup()
    }
  })
})
