import { afterEach, describe, expect, it } from 'vitest'
import { type ClaimedCall, claimCalls, fillLeadTimeZones, listLeadCalls } from '../db/calls.ts'
import { applyCallOutcome } from './apply-outcome.ts'
import { findLeadTimeZone } from './lead-time-zone.ts'
import type { CallProvider } from './provider.ts'
import { createDialer, listOpenZones } from './scheduler.ts'
import { createSimulator } from './simulator.ts'
import { createDialerFixture, MIN } from './test-dialer.ts'

const SECONDARY = '+905551234567'
let f: ReturnType<typeof createDialerFixture>
afterEach(() => f.cleanup())

/** A provider that accepts calls and reports nothing, like a webhook service gone quiet. */
function silentProvider(placed: ClaimedCall[]): CallProvider {
  return {
    name: 'silent',
    survivesRestart: true,
    async place(call) {
      placed.push(call)
    },
  }
}

describe('a crash in the middle of a call', () => {
  it('fails the unfinished call when its lease runs out, and never places it again', async () => {
    f = createDialerFixture('2030-01-07T07:00:00Z', { parallel_calls: 1 })
    const lead = f.addLead('+905321234567', [SECONDARY])
    const placed: ClaimedCall[] = []
    await createDialer({
      db: f.db,
      provider: silentProvider(placed),
      clock: f.clock,
      leaseMs: 5 * MIN,
    }).tick()
    expect(placed).toHaveLength(1)

    // The server dies; a new process opens the same file.
    const db = f.reopen()
    const after = createDialer({
      db,
      provider: silentProvider(placed),
      clock: f.clock,
      leaseMs: 5 * MIN,
    })
    expect(after.recover()).toBe(0) // a webhook provider may still report: wait for the lease
    f.clock.advance(4 * MIN)
    expect(await after.tick()).toEqual([]) // lead busy, the slot still taken
    expect(f.lead(lead).status).toBe('processing')
    f.clock.advance(MIN)
    const [next] = await after.tick() // lease over: failed, then the secondary number
    expect(next?.to).toBe(SECONDARY)
    const calls = listLeadCalls(db, lead)
    expect(calls.map((c) => [c.id, c.status, c.outcome])).toEqual([
      [placed[0]?.id, 'ended', 'failed'],
      [next?.id, 'dialing', null],
    ])
    expect(new Set(placed.map((c) => c.id)).size).toBe(placed.length) // no call placed twice
    // A late report for the expired call changes nothing.
    expect(applyCallOutcome(db, placed[0]?.id as number, 'completed', f.clock.now()).applied).toBe(
      false,
    )
    expect(f.lead(lead).status).toBe('processing')
  })

  it('fails simulated calls at restart, including one claimed but never handed over', async () => {
    f = createDialerFixture('2030-01-07T07:00:00Z', { parallel_calls: 2, max_retries: 2 })
    const a = f.addLead('+905321234567')
    const sim = createSimulator(f.clock, {
      mix: { completed: 1, no_answer: 0, busy: 0, voicemail: 0, failed: 0 },
    })
    await createDialer({ db: f.db, provider: sim, clock: f.clock }).tick()
    // Lead b's call is claimed by a process that dies before handing it over.
    const b = f.addLead('+905321234568')
    const now = f.clock.now()
    fillLeadTimeZones(f.db, f.campaignId, findLeadTimeZone, 10)
    const [orphan] = claimCalls(f.db, f.campaignId, {
      now,
      leaseMs: MIN,
      openZones: (c) => listOpenZones(c, now),
    }).calls
    expect(orphan?.leadId).toBe(b)

    const db = f.reopen()
    const fresh = createSimulator(f.clock, {
      mix: { completed: 1, no_answer: 0, busy: 0, voicemail: 0, failed: 0 },
    })
    const dialer = createDialer({ db, provider: fresh, clock: f.clock })
    expect(dialer.recover()).toBe(2)
    expect(f.lead(a)).toMatchObject({ status: 'rescheduled', attempts: 1 })
    expect(listLeadCalls(db, b).at(-1)).toMatchObject({ id: orphan?.id, outcome: 'failed' })
    f.clock.advance(60 * MIN)
    const again = await dialer.tick()
    expect(again.map((c) => c.attempt)).toEqual([2, 2])
    expect(again.some((c) => c.id === orphan?.id)).toBe(false)
    f.clock.advance(5 * MIN)
    await dialer.tick()
    expect([f.lead(a).status, f.lead(b).status]).toEqual(['completed', 'completed'])
  })
})
