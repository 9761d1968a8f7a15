import { afterEach, describe, expect, it } from 'vitest'
import { getJson, seedCampaign } from '../test/fixtures.ts'
import { type Json, tempApp } from '../test/temp-db.ts'
import { createDialer } from './scheduler.ts'
import { createSimulator } from './simulator.ts'
import { createDialerFixture } from './test-dialer.ts'

const cleanups: (() => void)[] = []
afterEach(() => {
  for (const c of cleanups.splice(0)) c()
})

describe('overnight calling windows', () => {
  it('are accepted by the settings API; a window of no length is refused', async () => {
    const t = tempApp()
    cleanups.push(() => t.cleanup())
    const { id } = await seedCampaign(t)
    const night = { calling_hours_start: '20:00', calling_hours_end: '02:00' }
    expect((await t.json('PATCH', `/api/campaigns/${id}`, night)).status).toBe(200)
    expect((await getJson(t, `/api/campaigns/${id}`)).body).toMatchObject(night)
    const created = await t.json('POST', '/api/campaigns', { name: 'Night', ...night })
    expect(created.status).toBe(201)
    const same = await t.json('PATCH', `/api/campaigns/${id}`, { calling_hours_end: '20:00' })
    expect(same.status).toBe(400)
    expect(((await same.json()) as Json).error.message).toMatch(/same minute.*00:00–23:59/)
  })

  it("call from the start in the evening to the end next morning, on the opening day's terms", async () => {
    // Istanbul is UTC+3; 2030-01-07 is a Monday. Only Monday's window (Mon 20:00 – Tue 02:00).
    const f = createDialerFixture('2030-01-07T16:59:00Z', {
      calling_hours_start: '20:00',
      calling_hours_end: '02:00',
      allowed_days: ['mon'],
    })
    cleanups.push(() => f.cleanup())
    const completed = { mix: { completed: 1, no_answer: 0, busy: 0, voicemail: 0, failed: 0 } }
    const dialer = createDialer({
      db: f.db,
      provider: createSimulator(f.clock, completed),
      clock: f.clock,
    })
    const first = f.addLead('+905321234567')
    expect(await dialer.tick()).toEqual([]) // Mon 19:59
    f.clock.set('2030-01-07T17:00:00Z') // Mon 20:00
    expect((await dialer.tick()).map((c) => c.leadId)).toEqual([first])
    f.clock.set('2030-01-07T22:30:00Z') // Tue 01:30: still Monday's window
    const second = f.addLead('+905321234568')
    expect((await dialer.tick()).map((c) => c.leadId)).toEqual([second])
    f.clock.set('2030-01-07T23:01:00Z') // Tue 02:01: closed
    const third = f.addLead('+905321234569')
    expect(await dialer.tick()).toEqual([])
    f.clock.set('2030-01-08T17:00:00Z') // Tue 20:00: Tuesday is not allowed
    expect(await dialer.tick()).toEqual([])
    f.clock.set('2030-01-14T17:00:00Z') // next Monday 20:00
    expect((await dialer.tick()).map((c) => c.leadId)).toEqual([third])
  })
})
