// A workbook whose number cells carry number formats (percent, zero-padded zip, phones shown as
// `0##########` or `(###) ###-####`), imported two ways: by the server in the background
// (`POST /api/imports/file`) and as the browser does it (shared core, chunk rows, session API).
// Both store the same leads: phones from the cells' exact digits, variables as Excel shows them.
import {
  buildTargets,
  CAMPAIGN_DEFAULTS,
  type ChunkRow,
  checkLeadFile,
  toChunkCells,
} from '@leadport/shared'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as XLSX from 'xlsx'
import { insertAssistant } from '../../db/assistants.ts'
import { insertCampaign } from '../../db/campaigns.ts'
import { tempFileImportApp } from './temp-file-import-app.ts'

const variables = [
  { key: 'customer_name', label: 'Name', required: true },
  { key: 'discount', label: 'Discount', required: false },
  { key: 'zip', label: 'Zip', required: false },
]
const format = { kind: 'national', country: 'TR' } as const

function workbook(): Uint8Array {
  const sheet = XLSX.utils.aoa_to_sheet([
    ['Name', 'Phone', 'Discount', 'Zip'],
    [
      'Ayşe',
      { t: 'n', v: 5320000001, z: '0##########' },
      { t: 'n', v: 0.15, z: '0%' },
      { t: 'n', v: 2134, z: '00000' },
    ],
    [
      'Bora',
      { t: 'n', v: 5320000002, z: '(###) ###-####' },
      { t: 'n', v: 0.125, z: '0.00%' },
      { t: 'n', v: 501, z: '00000' },
    ],
    ['Cem', 'not a phone', { t: 'n', v: 0.5, z: '0%' }, { t: 'n', v: 90, z: '00000' }],
  ])
  const book = XLSX.utils.book_new()
  XLSX.utils.book_append_sheet(book, sheet, 'Leads')
  return new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer)
}

let t: ReturnType<typeof tempFileImportApp>
let assistant: number
beforeEach(() => {
  t = tempFileImportApp()
  assistant = insertAssistant(t.db, {
    name: 'Ayla',
    variables,
    script: 'Hello {{customer_name}}, {{discount}} off in {{zip}}',
    time_zone: 'Europe/Istanbul',
  }).id
})
afterEach(() => t.cleanup())

const campaign = (name: string) =>
  insertCampaign(t.db, { ...CAMPAIGN_DEFAULTS, name, assistant_id: assistant })

function leadsOf(id: number) {
  const rows = t.db
    .prepare('SELECT phone_e164, variables FROM leads WHERE campaign_id = ? ORDER BY phone_e164')
    .all(id) as { phone_e164: string; variables: string }[]
  return rows.map((r) => ({ phone: r.phone_e164, variables: JSON.parse(r.variables) }))
}

async function ok(res: Response | Promise<Response>, status: number) {
  const r = await res
  const text = await r.text()
  expect(r.status, text).toBe(status)
  return JSON.parse(text)
}

const WANT = [
  {
    phone: '+905320000001',
    variables: { customer_name: 'Ayşe', discount: '15%', zip: '02134' },
  },
  {
    phone: '+905320000002',
    variables: { customer_name: 'Bora', discount: '12.50%', zip: '00501' },
  },
]

describe('number formats in an imported workbook', () => {
  it('the background file import stores phones by their digits, variables as shown', async () => {
    const id = campaign('Background')
    const created = await ok(t.postFile('leads.xlsx', workbook(), { campaign_id: id, format }), 202)
    await t.imports.idle()
    const done = await ok(t.get(`/api/imports/${created.id}`), 200)
    expect(done).toMatchObject({ status: 'completed', counts: { rows: 3, inserted: 2 } })
    expect(leadsOf(id)).toEqual(WANT)
    // The skipped row's report shows its cells as the user saw them too.
    const report = await (await t.get(`/api/imports/${created.id}/report?format=csv`)).text()
    expect(report).toContain('not a phone')
    expect(report).toContain('50%')
    expect(report).toContain('00090')
  })

  it('the browser path (shared core, chunk rows over the session API) stores the same leads', async () => {
    const background = campaign('Background')
    const browser = campaign('Browser')
    await ok(t.postFile('leads.xlsx', workbook(), { campaign_id: background, format }), 202)
    await t.imports.idle()

    const rows: ChunkRow[] = []
    const read = await checkLeadFile(
      workbook(),
      { targets: buildTargets(variables), format },
      (row, cells, mapping) => {
        rows.push({ row: row.row, cells: toChunkCells(cells, mapping) })
        return undefined
      },
    )
    if (!read.ok) throw new Error(read.error.message)
    expect(rows[0]?.cells).toEqual(['Ayşe', 5320000001, '15%', '02134'])
    const session = await ok(
      t.json('POST', '/api/imports', {
        campaign_id: browser,
        file_name: 'leads.xlsx',
        file_kind: 'xlsx',
        header: read.data.file.header.map((c) => (typeof c === 'string' ? c : null)),
        format,
        mapping: read.data.mapping,
        expected_rows: rows.length,
      }),
      201,
    )
    await ok(t.json('PUT', `/api/imports/${session.id}/chunks/0`, { rows }), 200)
    await ok(t.json('POST', `/api/imports/${session.id}/complete`, {}), 200)

    expect(leadsOf(browser)).toEqual(WANT)
    expect(leadsOf(browser)).toEqual(leadsOf(background))
  })
})
