import { describe, expect, it } from 'vitest'
import { checkFile } from './check-file.ts'
import { chunkBody, lookupBodies, markInCampaign, uploadPlan } from './chunks.ts'
import {
  applyCountry,
  deleteByCode,
  deleteRows,
  editCell,
  editLog,
  replaceInColumn,
  replayEdits,
} from './edits.ts'
import { gridRows, problemIndexes, summarize } from './review.ts'
import { checkedRows, session, setSession } from './session.ts'
import type { CheckSettings } from './types.ts'

const VARIABLES = [{ key: 'customer_name', label: 'Customer name', required: false }]
const SETTINGS: CheckSettings = {
  read: {},
  mapping: { phone_number: 1, email: null, secondary_phones: [], variables: { customer_name: 0 } },
  format: { kind: 'international' },
}

async function open(csv: string) {
  setSession({
    bytes: new TextEncoder().encode(csv),
    name: 'leads.csv',
    sha256: () => Promise.resolve('f'),
    checked: null,
  })
  const res = await checkFile(SETTINGS, VARIABLES)
  if (!res.ok) throw new Error(res.error.message)
  return checkedRows()
}

const CSV = [
  'name,phone',
  'Ayşe,+90 532 100 00 01',
  'Letter,+9O 532 100 00 02',
  'Again,+905321000001',
  'National,0532 100 00 04',
  'None,',
  '',
].join('\n')

describe('the worker rows of a checked file', () => {
  it('counts issues and lists the rows with them in file order', async () => {
    const c = await open(CSV)
    expect(summarize(c)).toMatchObject({ rows: 5, valid: 1, invalid: 4, duplicates_in_file: 1 })
    expect([...problemIndexes(c, 'all')]).toEqual([1, 2, 3, 4])
    expect([...problemIndexes(c, { code: 'DUPLICATE_IN_FILE' })]).toEqual([2])
    expect(gridRows(c, [2])[0]).toMatchObject({ row: 4, cells: ['Again', '+905321000001'] })
  })

  it('re-validates edited rows at once: inline, find and replace, a country', async () => {
    const c = await open(CSV)
    editCell(c, 1, 1, '+90 532 100 00 0')
    expect(gridRows(c, [1])[0]?.issues.map((i) => i.code)).toEqual(['PHONE_INVALID'])
    editCell(c, 1, 1, '+9O 532 100 00 02')
    expect(replaceInColumn(c, 'all', 1, 'O', '0')).toBe(1)
    expect(c.state[1]).toBe(0)
    expect(applyCountry(c, [3], 'TR')).toBe(1)
    expect(c.cells[3]?.[1]).toBe('+905321000004')
    expect(summarize(c)).toMatchObject({ valid: 3, invalid: 2 })
    // An edit that repeats an earlier number is a duplicate of that row.
    editCell(c, 3, 1, '+90 532 100 00 02')
    expect(gridRows(c, [3])[0]?.issues[0]?.message).toContain('row 3')
  })

  it('leaves deleted rows out of the counts and the chunks', async () => {
    const c = await open(CSV)
    expect(deleteByCode(c, 'PHONE_MISSING')).toBe(1)
    deleteRows(c, [2])
    expect(summarize(c)).toMatchObject({ rows: 3, deleted: 2 })
    const body = JSON.parse(chunkBody(c, 0)) as { rows: { row: number }[] }
    expect(body.rows.map((r) => r.row)).toEqual([2, 3, 5])
    expect((await uploadPlan(session(), c)).expectedRows).toBe(3)
  })

  it('marks numbers the campaign already has, with their lead status', async () => {
    const c = await open(CSV)
    expect(lookupBodies(c)).toEqual(['{"phones":["+905321000001"]}'])
    markInCampaign(c, [{ phone_e164: '+905321000001', lead_id: 7, status: 'scheduled' }])
    const [row] = gridRows(c, [0])
    expect(row?.inCampaign).toEqual({ lead_id: 7, status: 'scheduled' })
    expect(row?.issues.map((i) => i.code)).toEqual(['DUPLICATE_IN_CAMPAIGN'])
    expect(summarize(c).in_campaign).toBe(2)
  })
})

describe('chunks', () => {
  const big = ['name,phone']
  for (let i = 0; i < 12_001; i++) big.push(`L${i},+90532${String(1_000_000 + i)}`)
  const csv = `${big.join('\n')}\n`

  it('are cut every 5,000 kept rows, in file order, the same bytes on every ask', async () => {
    const c = await open(csv)
    const sizes = [0, 1, 2].map(
      (n) => (JSON.parse(chunkBody(c, n)) as { rows: unknown[] }).rows.length,
    )
    expect(sizes).toEqual([5_000, 5_000, 2_001])
    expect(chunkBody(c, 1)).toBe(chunkBody(c, 1))
    const first = JSON.parse(chunkBody(c, 1)).rows[0]
    expect(first).toEqual({ row: 5_002, cells: ['L5000', '+905321005000'] })
  })

  it('are rebuilt identically from the file and the edit log after a reload', async () => {
    const c = await open(csv)
    editCell(c, 7_000, 1, '+90 555 000 00 00')
    deleteRows(c, [3, 9_999])
    const log = editLog(c)
    const plan = await uploadPlan(session(), c)
    const before = [0, 1, 2].map((n) => chunkBody(c, n))

    const again = await open(csv)
    expect((await uploadPlan(session(), again)).fingerprint).not.toBe(plan.fingerprint)
    replayEdits(again, log)
    expect(await uploadPlan(session(), again)).toEqual(plan)
    expect([0, 1, 2].map((n) => chunkBody(again, n))).toEqual(before)
  })
})
