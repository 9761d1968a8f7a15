import { afterEach, describe, expect, it } from 'vitest'
import { createDialer } from '../dialer/scheduler.ts'
import { createSimulator } from '../dialer/simulator.ts'
import { createDialerFixture, MIN } from '../dialer/test-dialer.ts'
import { listLeadCalls } from './calls.ts'
import { insertCampaign } from './campaigns.ts'
import { addDoNotCall, maxLeadId, SUPPRESS_SQL, suppressDoNotCall } from './dnc.ts'
import { insertLeads } from './leads.ts'

const by = { userId: null, apiKeyId: null, label: 'test' }
const NOW = '2030-01-07T07:00:00.000Z'
const list = (f: Fixture, numbers: string[]) =>
  addDoNotCall(f.db, numbers, { reason: 'asked', source: 'manual', by, now: NOW })

type Fixture = ReturnType<typeof createDialerFixture>
let f: Fixture
afterEach(() => f.cleanup())

const phone = (i: number) => `+90532${String(1_000_000 + i).slice(1)}`
function insert(campaignId: number, phones: string[]) {
  return insertLeads(
    f.db,
    campaignId,
    phones.map((p) => ({ phone_e164: p, phone_ext: null, secondary_phones: [], variables: {} })),
    {
      status: 'created',
      nextAttemptAt: null,
      originKind: 'import',
      originRef: null,
      onDuplicate: 'skip',
      now: NOW,
    },
  ).map((o) => o.id)
}
const status = (id: number) => f.lead(id).status

describe('suppressDoNotCall (the import path)', () => {
  it('suppresses only the new leads of that campaign, walking either side', () => {
    f = createDialerFixture(NOW)
    const other = insertCampaign(f.db, { ...readFields(), name: 'Other' })
    const old = insert(f.campaignId, [phone(1)])
    list(f, [phone(1), phone(2), phone(3)])
    expect(status(old[0] as number)).toBe('suppressed') // listing suppressed the stored one
    // The first batch (4 new rows, 3 listed) walks the list; then 20 more listed numbers make
    // the second (10 new rows) walk the new leads. Both must give the same answer.
    for (const [batch, expected, extra] of [
      [[phone(2), phone(4)], ['suppressed', 'created'], 20],
      [
        [phone(3), phone(5), phone(6), phone(7), phone(8)],
        ['suppressed', 'created', 'created', 'created', 'created'],
        0,
      ],
    ] as const) {
      const since = maxLeadId(f.db)
      const ids = f.db.transaction(() => {
        const ids = insert(f.campaignId, [...batch])
        insert(other, [...batch]) // another campaign's rows in the same range stay as they are
        expect(suppressDoNotCall(f.db, f.campaignId, since)).toBe(1)
        return ids
      })()
      expect(ids.map(status)).toEqual(expected)
      list(
        f,
        Array.from({ length: extra }, (_, k) => phone(500 + k)),
      )
    }
    const otherStatuses = f.db
      .prepare('SELECT DISTINCT status FROM leads WHERE campaign_id = ?')
      .pluck()
      .all(other)
    expect(otherStatuses).toEqual(['created'])
  })

  it('looks each side up by index: never a scan of the campaign or of the import', () => {
    f = createDialerFixture(NOW)
    const plan = (sql: string) =>
      (
        f.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all({ campaignId: 1, since: 0 }) as {
          detail: string
        }[]
      ).map((r) => r.detail)
    expect(plan(SUPPRESS_SQL.fromList)).toContain(
      'SEARCH l USING COVERING INDEX sqlite_autoindex_leads_1 (campaign_id=? AND phone_e164=? AND rowid>?)',
    )
    const fromLeads = plan(SUPPRESS_SQL.fromLeads)
    expect(fromLeads).toContain('SEARCH l USING INDEX leads_campaign_id (campaign_id=? AND id>?)')
    expect(fromLeads).toContain(
      'SEARCH d USING COVERING INDEX sqlite_autoindex_do_not_call_1 (phone_e164=?)',
    )
  })

  it('does nothing with an empty list', () => {
    f = createDialerFixture(NOW)
    const since = maxLeadId(f.db)
    insert(f.campaignId, [phone(1)])
    expect(suppressDoNotCall(f.db, f.campaignId, since)).toBe(0)
  })
})

function readFields() {
  const c = f.db.prepare('SELECT assistant_id FROM campaigns WHERE id = ?').get(f.campaignId) as {
    assistant_id: number
  }
  return {
    name: 'x',
    assistant_id: c.assistant_id,
    time_zone: null,
    calling_hours_start: '00:00',
    calling_hours_end: '23:59',
    allowed_days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as ('mon' | 'tue')[],
    max_retries: 3,
    retry_interval_minutes: 60,
    parallel_calls: 3,
    retry_on_voicemail: false,
  }
}

describe('adding numbers to the list', () => {
  it('suppresses not-yet-called leads in every campaign, never one in or past a call', () => {
    f = createDialerFixture(NOW)
    const other = insertCampaign(f.db, { ...readFields(), name: 'Other' })
    const [created] = insert(other, [phone(1)])
    const scheduled = f.addLead(phone(1))
    const rescheduled = f.addLead(phone(2))
    const processing = f.addLead(phone(3))
    const completed = f.addLead(phone(4))
    const set = f.db.prepare('UPDATE leads SET status = ? WHERE id = ?')
    set.run('rescheduled', rescheduled)
    set.run('processing', processing)
    set.run('completed', completed)
    const r = list(f, [phone(1), phone(2), phone(3), phone(4), phone(1)])
    expect(r.suppressed).toBe(3)
    expect(r.outcomes.map((o) => o.outcome)).toEqual([
      'added',
      'added',
      'added',
      'added',
      'duplicate',
    ])
    expect([created as number, scheduled, rescheduled, processing, completed].map(status)).toEqual([
      'suppressed',
      'suppressed',
      'suppressed',
      'processing',
      'completed',
    ])
  })
})

describe('the dialer and the list', () => {
  const completedMix = { mix: { completed: 1, no_answer: 0, busy: 0, voicemail: 0, failed: 0 } }

  it('never claims a suppressed lead, and suppresses one listed behind its back at dial time', async () => {
    f = createDialerFixture(NOW)
    const dialer = createDialer({
      db: f.db,
      provider: createSimulator(f.clock, completedMix),
      clock: f.clock,
    })
    const suppressed = f.addLead(phone(1))
    list(f, [phone(1)])
    const sneaky = f.addLead(phone(2))
    // Written straight into the table: the lead was not suppressed when it was listed.
    f.db
      .prepare("INSERT INTO do_not_call (phone_e164, source, created_at) VALUES (?, 'api', ?)")
      .run(phone(2), NOW)
    const ok = f.addLead(phone(3))
    expect((await dialer.tick()).map((c) => c.leadId)).toEqual([ok])
    expect([suppressed, sneaky].map(status)).toEqual(['suppressed', 'suppressed'])
    expect(listLeadCalls(f.db, suppressed).length + listLeadCalls(f.db, sneaky).length).toBe(0)
  })

  it('skips a listed secondary number; with none left the round ends as unanswered', async () => {
    f = createDialerFixture(NOW, { max_retries: 2, retry_interval_minutes: 10 })
    const noAnswer = { mix: { no_answer: 1, completed: 0, busy: 0, voicemail: 0, failed: 0 } }
    const dialer = createDialer({
      db: f.db,
      provider: createSimulator(f.clock, noAnswer),
      clock: f.clock,
    })
    const id = f.addLead(phone(1), [phone(2), phone(3)])
    list(f, [phone(2)])
    await dialer.tick()
    f.clock.advance(MIN)
    const [second] = await dialer.tick()
    expect(second?.to).toBe(phone(3))
    list(f, [phone(3)])
    f.clock.advance(MIN)
    await dialer.tick()
    f.clock.advance(10 * MIN)
    await dialer.tick() // round 2: the primary
    f.clock.advance(MIN)
    expect(await dialer.tick()).toEqual([]) // both secondaries listed: round over, max retries
    expect(f.lead(id)).toMatchObject({ status: 'max_retries', attempts: 2 })
    expect(listLeadCalls(f.db, id).map((c) => c.to_e164)).toEqual([phone(1), phone(3), phone(1)])
  })
})
