import Papa from 'papaparse'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as XLSX from 'xlsx'
import { importBody, phoneFor, seedImportCampaign, tempImportApp } from './temp-import-app.ts'

let t: ReturnType<typeof tempImportApp>
beforeEach(() => {
  t = tempImportApp()
})
afterEach(() => t.cleanup())

describe('GET /api/imports/:id/report', () => {
  it('lists every skipped row with its file row number, codes and messages, in XLSX and CSV', async () => {
    const id = await t.create(importBody(seedImportCampaign(t.db), 4, 2))
    await t.putChunk(id, 1, [
      { row: 9, cells: ['=HYPERLINK("x")', '+90 532 000 0001', null] },
      { row: 10, cells: ['Ok', phoneFor(2), 'not-an-email'] },
    ])
    await t.putChunk(id, 0, [
      { row: 2, cells: ['Dup', phoneFor(1), null] },
      { row: 4, cells: ['Bad', '1-800-FLOWERS', null] },
    ])
    const res = await t.app.request(`/api/imports/${id}/report`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="import-${id}-skipped-rows.xlsx"`,
    )
    const book = XLSX.read(new Uint8Array(await res.arrayBuffer()), { type: 'array' })
    const sheet = book.Sheets[book.SheetNames[0] as string] as XLSX.WorkSheet
    const rows = XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1, raw: true })
    expect(rows.map((r) => r.slice(0, 2))).toEqual([
      ['Row', 'Issues'],
      ['2', 'DUPLICATE_IN_FILE'],
      ['4', 'PHONE_HAS_LETTERS'],
      ['10', 'EMAIL_INVALID'],
    ])
    expect(rows[1]?.[2]).toMatch(/row 9/)
    expect(rows[0]?.slice(3)).toEqual(['Name', 'Phone', 'Email'])

    const csv = await t.app.request(`/api/imports/${id}/report?format=csv`)
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    const parsed = Papa.parse<string[]>((await csv.text()).replace(/^\uFEFF/, ''), {
      skipEmptyLines: true,
    })
    expect(parsed.data.map((r) => r[0])).toEqual(['Row', '2', '4', '10'])
    expect(parsed.data[1]?.[4]).toBe(phoneFor(1))
  })

  it('refuses an unknown format and an unknown import', async () => {
    const id = await t.create(importBody(seedImportCampaign(t.db), 1, 1))
    expect((await t.app.request(`/api/imports/${id}/report?format=pdf`)).status).toBe(400)
    expect((await t.app.request('/api/imports/4242/report')).status).toBe(404)
  })
})
