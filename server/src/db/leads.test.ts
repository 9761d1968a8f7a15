import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { insertCampaign } from './campaigns.ts'
import { countLeadsByStatus, LIST_SQL, listLeads } from './leads.ts'
import { type Db, openDatabase } from './open.ts'

const N = 1_000_000
let dir: string
let db: Db
let big: number
let small: number

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'leadport-1m-'))
  db = openDatabase(join(dir, 'leadport.db'))
  const settings = {
    name: 'x',
    assistant_id: null,
    time_zone: null,
    calling_hours_start: '00:00',
    calling_hours_end: '23:59',
    allowed_days: ['mon' as const],
    max_retries: 3,
    retry_interval_minutes: 60,
    parallel_calls: 3,
    retry_on_voicemail: false,
  }
  small = insertCampaign(db, settings)
  big = insertCampaign(db, settings)
  const insert = db.prepare(
    'INSERT INTO leads (campaign_id, phone_e164, status, updated_at) VALUES (?, ?, ?, ?)',
  )
  db.transaction(() => {
    // Interleave a second campaign so a plan that ignores campaign_id would show.
    for (let i = 0; i < 1000; i++) insert.run(small, `+1${3000000000 + i}`, 'created', '')
    for (let i = 0; i < N; i++) {
      insert.run(big, `+1${2000000000 + i}`, i % 10 === 0 ? 'scheduled' : 'created', '')
    }
  })()
  db.exec('ANALYZE')
}, 120_000)
afterAll(() => {
  db.close()
  rmSync(dir, { recursive: true, force: true })
})

function plan(sql: string, args: Record<string, unknown>): string {
  const rows = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(args) as { detail: string }[]
  return rows.map((r) => r.detail).join(' | ')
}

describe('listing a campaign with 1,000,000 leads', () => {
  const base = { campaignId: 0, limit: 101, afterId: 500_000, afterPhone: '', prefix: '+1200' }

  it('each page query searches an index: no full scan, no temp b-tree sort', () => {
    const expected = {
      id: 'SEARCH leads USING INDEX leads_campaign_id (campaign_id=? AND rowid>?)',
      idStatus: 'SEARCH leads USING INDEX leads_campaign_status',
      phone:
        'SEARCH leads USING INDEX sqlite_autoindex_leads_1 (campaign_id=? AND phone_e164>? AND phone_e164<?)',
      phoneStatus:
        'SEARCH leads USING INDEX sqlite_autoindex_leads_1 (campaign_id=? AND phone_e164>? AND phone_e164<?)',
    }
    for (const [name, sql] of Object.entries(LIST_SQL)) {
      const args: Record<string, unknown> = { ...base, campaignId: big }
      if (name === 'id' || name === 'phone') delete args.status
      else args.status = 'scheduled'
      if (name.startsWith('id')) {
        delete args.afterPhone
        delete args.prefix
      } else delete args.afterId
      const p = plan(sql, args)
      expect(p, name).not.toMatch(/\bSCAN\b/)
      expect(p, name).not.toContain('TEMP B-TREE')
      expect(p, name).toContain(expected[name as keyof typeof expected].split(' (')[0])
    }
  })

  it('pages follow the cursor in order and filter by status and phone prefix', () => {
    const first = listLeads(db, big, { kind: 'id', afterId: 0, limit: 100 })
    expect(first.items).toHaveLength(100)
    expect(first.items[0]?.phone_e164).toBe('+12000000000')
    const second = listLeads(db, big, {
      kind: 'id',
      afterId: Number(first.next_cursor),
      limit: 100,
    })
    expect(second.items[0]?.phone_e164).toBe('+12000000100')
    const scheduled = listLeads(db, big, { kind: 'id', status: 'scheduled', afterId: 0, limit: 3 })
    expect(scheduled.items.map((l) => l.phone_e164)).toEqual([
      '+12000000000',
      '+12000000010',
      '+12000000020',
    ])
    const byPhone = listLeads(db, big, {
      kind: 'phone',
      prefix: '+1200099999',
      afterPhone: '',
      limit: 5,
    })
    expect(byPhone.items.map((l) => l.phone_e164)).toEqual([
      '+12000999990',
      '+12000999991',
      '+12000999992',
      '+12000999993',
      '+12000999994',
    ])
    const next = listLeads(db, big, {
      kind: 'phone',
      prefix: '+1200099999',
      afterPhone: byPhone.next_cursor as string,
      limit: 5,
    })
    expect(next.items.map((l) => l.phone_e164).at(-1)).toBe('+12000999999')
    expect(next.next_cursor).toBeNull()
    const last = listLeads(db, big, { kind: 'id', afterId: N + 1000 - 50, limit: 100 })
    expect(last.next_cursor).toBeNull()
    expect(last.items).toHaveLength(50)
    expect(countLeadsByStatus(db, big)).toEqual({ created: 900_000, scheduled: 100_000 })
  })
})
