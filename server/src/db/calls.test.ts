import { afterEach, describe, expect, it } from 'vitest'
import { applyCallOutcome } from '../dialer/apply-outcome.ts'
import { findLeadTimeZone } from '../dialer/lead-time-zone.ts'
import { createDialerFixture, MIN } from '../dialer/test-dialer.ts'
import { claimCalls, fillLeadTimeZones, listLiveCalls } from './calls.ts'
import { openDatabase } from './open.ts'

let f: ReturnType<typeof createDialerFixture>
afterEach(() => f.cleanup())

const everywhere = () => ['', 'Europe/Istanbul']

describe('claimCalls', () => {
  it('keeps to the parallel setting across two connections to one file', () => {
    f = createDialerFixture('2030-01-07T07:00:00Z', { parallel_calls: 3 })
    for (let i = 0; i < 6; i++) f.addLead(`+90532123456${i}`)
    fillLeadTimeZones(f.db, f.campaignId, findLeadTimeZone, 100)
    const other = openDatabase(`${f.dir}/leadport.db`)
    try {
      const o = { now: f.clock.now(), leaseMs: MIN, openZones: everywhere }
      const a = claimCalls(f.db, f.campaignId, o).calls
      const b = claimCalls(other, f.campaignId, o).calls
      expect(a).toHaveLength(3)
      expect(b).toHaveLength(0)
      expect(new Set(listLiveCalls(f.db, f.campaignId).map((c) => c.lead_id)).size).toBe(3)
    } finally {
      other.close()
    }
  })

  it('claims nothing for a campaign that is not in progress', () => {
    f = createDialerFixture('2030-01-07T07:00:00Z')
    f.addLead('+905321234567')
    fillLeadTimeZones(f.db, f.campaignId, findLeadTimeZone, 100)
    f.db.prepare("UPDATE campaigns SET status = 'paused' WHERE id = ?").run(f.campaignId)
    const o = { now: f.clock.now(), leaseMs: MIN, openZones: everywhere }
    expect(claimCalls(f.db, f.campaignId, o).calls).toEqual([])
  })
})

describe('applyCallOutcome', () => {
  it('applies an outcome once; the same outcome again changes nothing', () => {
    f = createDialerFixture('2030-01-07T07:00:00Z', { max_retries: 2 })
    const lead = f.addLead('+905321234567')
    fillLeadTimeZones(f.db, f.campaignId, findLeadTimeZone, 100)
    const now = f.clock.now()
    const [call] = claimCalls(f.db, f.campaignId, {
      now,
      leaseMs: MIN,
      openZones: everywhere,
    }).calls
    const id = call?.id as number
    expect(applyCallOutcome(f.db, id, 'busy', now).applied).toBe(true)
    const after = f.lead(lead)
    expect(after).toMatchObject({ status: 'rescheduled', attempts: 1 })
    expect(applyCallOutcome(f.db, id, 'busy', now + MIN).applied).toBe(false)
    expect(applyCallOutcome(f.db, id, 'completed', now + MIN).applied).toBe(false)
    expect(f.lead(lead)).toEqual(after)
  })
})
