import { afterEach, describe, expect, it } from 'vitest'
import { listLeadCalls } from '../db/calls.ts'
import { pauseCampaign, startCampaign } from '../routes/campaigns/lifecycle.ts'
import { createDialer } from './scheduler.ts'
import { createSimulator, type SimulatorOptions } from './simulator.ts'
import { CALLERS, createDialerFixture, MIN } from './test-dialer.ts'

const MONDAY_10_ISTANBUL = '2030-01-07T07:00:00Z'
const TR = ['+905321234567', '+905321234568', '+905321234569', '+905321234570', '+905321234571']
const SECONDARY = '+905551234567'

let f: ReturnType<typeof createDialerFixture>
afterEach(() => f.cleanup())

function setup(settings: Parameters<typeof createDialerFixture>[1], sim: SimulatorOptions = {}) {
  f = createDialerFixture(MONDAY_10_ISTANBUL, settings)
  const provider = createSimulator(f.clock, { durations: fixed(30), ...sim })
  return { provider, dialer: createDialer({ db: f.db, provider, clock: f.clock }) }
}

function fixed(seconds: number): SimulatorOptions['durations'] {
  const d: [number, number] = [seconds, seconds]
  return { completed: d, no_answer: d, busy: d, voicemail: d, failed: d }
}

describe('the dialer', () => {
  it('never runs more calls than the parallel setting, and rotates caller numbers', async () => {
    const { dialer } = setup(
      { parallel_calls: 2 },
      { mix: { completed: 1, no_answer: 0, busy: 0, voicemail: 0, failed: 0 } },
    )
    const ids = TR.map((p) => f.addLead(p))
    const first = await dialer.tick()
    expect(first.map((c) => c.leadId)).toEqual(ids.slice(0, 2))
    expect(first.map((c) => c.from)).toEqual(CALLERS)
    expect(await dialer.tick()).toEqual([]) // both slots busy
    f.clock.advance(31_000)
    const second = await dialer.tick() // two end, two more start
    expect(second.map((c) => c.leadId)).toEqual(ids.slice(2, 4))
    expect(second.map((c) => c.from)).toEqual(CALLERS)
    expect(f.lead(ids[0] as number)).toMatchObject({ status: 'completed', attempts: 1 })
    expect(f.lead(ids[2] as number).status).toBe('processing')
  })

  it('calls each lead inside the calling hours of its own zone', async () => {
    const { dialer } = setup(
      { calling_hours_start: '09:00', calling_hours_end: '17:00' },
      { mix: { completed: 1, no_answer: 0, busy: 0, voicemail: 0, failed: 0 } },
    )
    f.clock.set('2030-01-07T00:00:00Z')
    const jp = f.addLead('+81312345678')
    const tr = f.addLead(TR[0] as string)
    const ru = f.addLead('+74951234567') // multi-zone, no region known: the campaign's zone
    const ny = f.addLead('+12125550123') // area code 212: New York
    const la = f.addLead('+12135550123') // area code 213: Los Angeles
    f.clock.set('2030-01-07T01:30:00Z') // Tokyo 10:30, Istanbul 04:30, Los Angeles 17:30
    expect((await dialer.tick()).map((c) => c.leadId)).toEqual([jp])
    f.clock.set('2030-01-07T07:00:00Z') // Istanbul 10:00, New York 02:00
    expect((await dialer.tick()).map((c) => c.leadId).sort()).toEqual([tr, ru].sort())
    f.clock.set('2030-01-07T14:00:00Z') // New York 09:00, Los Angeles 06:00
    expect((await dialer.tick()).map((c) => c.leadId)).toEqual([ny])
    f.clock.set('2030-01-07T17:00:00Z') // Los Angeles 09:00
    expect((await dialer.tick()).map((c) => c.leadId)).toEqual([la])
    expect(f.lead(jp).time_zone).toBe('Asia/Tokyo')
    expect(f.lead(ru).time_zone).toBe('')
    expect(f.lead(la).time_zone).toBe('America/Los_Angeles')
  })

  it('takes allowed days in local time, across midnight UTC', async () => {
    const { dialer } = setup({ allowed_days: ['tue'] })
    f.clock.set('2030-01-07T00:00:00Z')
    const jp = f.addLead('+81312345678')
    f.addLead(TR[0] as string)
    f.clock.set('2030-01-07T14:00:00Z') // Monday everywhere that matters: nothing
    expect(await dialer.tick()).toEqual([])
    f.clock.set('2030-01-07T16:00:00Z') // Tuesday 01:00 in Tokyo, Monday 19:00 in Istanbul
    expect((await dialer.tick()).map((c) => c.leadId)).toEqual([jp])
  })

  it('tries the secondary number, then retries after the interval, up to max retries', async () => {
    const { dialer } = setup(
      { max_retries: 2, retry_interval_minutes: 10 },
      { mix: { no_answer: 1, completed: 0, busy: 0, voicemail: 0, failed: 0 } },
    )
    const id = f.addLead(TR[0] as string, [SECONDARY])
    await dialer.tick()
    f.clock.advance(31_000)
    const [secondary] = await dialer.tick() // no answer on the primary: the secondary at once
    expect(secondary?.to).toBe(SECONDARY)
    f.clock.advance(31_000)
    expect(await dialer.tick()).toEqual([]) // round over: wait for the interval
    expect(f.lead(id)).toMatchObject({ status: 'rescheduled', attempts: 1, phone_index: 0 })
    f.clock.advance(9 * MIN)
    expect(await dialer.tick()).toEqual([])
    f.clock.advance(MIN)
    const [retry] = await dialer.tick()
    expect(retry).toMatchObject({ to: TR[0], attempt: 2 })
    f.clock.advance(31_000)
    await dialer.tick()
    f.clock.advance(31_000)
    await dialer.tick()
    expect(f.lead(id)).toMatchObject({ status: 'max_retries', attempts: 2, next_attempt_at: null })
    const calls = listLeadCalls(f.db, id).map((c) => [c.attempt, c.to_e164, c.outcome])
    expect(calls).toEqual([
      [1, TR[0], 'no_answer'],
      [1, SECONDARY, 'no_answer'],
      [2, TR[0], 'no_answer'],
      [2, SECONDARY, 'no_answer'],
    ])
    expect(f.campaignStatus()).toBe('completed')
  })

  it('completes a lead on voicemail unless the campaign retries voicemail', async () => {
    const voicemail = { mix: { voicemail: 1, completed: 0, no_answer: 0, busy: 0, failed: 0 } }
    const { dialer } = setup({ retry_on_voicemail: false }, voicemail)
    const id = f.addLead(TR[0] as string, [SECONDARY])
    await dialer.tick()
    f.clock.advance(31_000)
    await dialer.tick()
    expect(f.lead(id)).toMatchObject({ status: 'completed', attempts: 1 })
    expect(f.campaignStatus()).toBe('completed')
    f.cleanup()

    const retrying = setup({ retry_on_voicemail: true, max_retries: 2 }, voicemail)
    const lead = f.addLead(TR[0] as string, [SECONDARY])
    await retrying.dialer.tick()
    f.clock.advance(31_000)
    expect(await retrying.dialer.tick()).toEqual([]) // not the secondary: the phone was reached
    expect(f.lead(lead)).toMatchObject({ status: 'rescheduled', attempts: 1, phone_index: 0 })
    f.clock.advance(60 * MIN)
    await retrying.dialer.tick()
    f.clock.advance(31_000)
    await retrying.dialer.tick()
    expect(f.lead(lead)).toMatchObject({ status: 'max_retries', attempts: 2 })
  })

  it('stops new calls at once on pause, lets live ones finish, resumes on start', async () => {
    const { dialer } = setup(
      { parallel_calls: 1 },
      { mix: { completed: 1, no_answer: 0, busy: 0, voicemail: 0, failed: 0 } },
    )
    const a = f.addLead(TR[0] as string)
    const b = f.addLead(TR[1] as string)
    await dialer.tick()
    pauseCampaign(f.db, f.campaignId)
    f.clock.advance(31_000)
    expect(await dialer.tick()).toEqual([])
    expect(f.lead(a).status).toBe('completed')
    expect(f.lead(b).status).toBe('scheduled')
    expect(f.campaignStatus()).toBe('paused')
    startCampaign(f.db, f.campaignId)
    expect((await dialer.tick()).map((c) => c.leadId)).toEqual([b])
    f.clock.advance(31_000)
    await dialer.tick()
    expect(f.campaignStatus()).toBe('completed')
  })

  it('completes a campaign with nothing left to call, even one that never dialled', async () => {
    const { dialer } = setup({})
    const id = f.addLead(TR[0] as string)
    f.db.prepare("UPDATE leads SET status = 'suppressed' WHERE id = ?").run(id)
    expect(await dialer.tick()).toEqual([])
    expect(f.campaignStatus()).toBe('completed')
  })
})
