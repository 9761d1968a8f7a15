import { Hono } from 'hono'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AppEnv } from '../../app.ts'
import { AppError } from '../../app-error.ts'
import { createDialer, type Dialer } from '../../dialer/scheduler.ts'
import { createSimulator } from '../../dialer/simulator.ts'
import { createDialerFixture, MIN } from '../../dialer/test-dialer.ts'
import type { Json } from '../../test/temp-db.ts'
import { pickBucketSeconds } from './activity.ts'
import { createCampaignCallRoutes, leadCallRoutes } from './campaign-calls.ts'

let f: ReturnType<typeof createDialerFixture>
let dialer: Dialer
let app: Hono<AppEnv>
const TR = ['+905321234567', '+905321234568', '+905321234569']

beforeEach(() => {
  // Monday 10:00 in Istanbul; every call lasts 30 s and nobody answers.
  f = createDialerFixture('2030-01-07T07:00:00Z', { parallel_calls: 2, max_retries: 1 })
  const d: [number, number] = [30, 30]
  const provider = createSimulator(f.clock, {
    mix: { no_answer: 1, completed: 0, busy: 0, voicemail: 0, failed: 0 },
    durations: { no_answer: d },
  })
  dialer = createDialer({ db: f.db, provider, clock: f.clock, sampleMs: MIN })
  app = new Hono<AppEnv>()
    .use((c, next) => {
      c.set('db', f.db)
      return next()
    })
    .route('/api/campaigns', createCampaignCallRoutes(f.clock))
    .route('/api/leads', leadCallRoutes)
  app.onError((err, c) =>
    err instanceof AppError
      ? c.json({ error: { code: err.code, message: err.message } }, err.status)
      : c.json({ error: { code: 'INTERNAL', message: String(err) } }, 500),
  )
})
afterEach(() => f.cleanup())

const get = async (path: string) => {
  const res = await app.request(path)
  return { status: res.status, body: (await res.json()) as Json }
}

describe('calls of a campaign and of a lead', () => {
  it('lists live calls, then the recent ended ones, and each lead its attempts', async () => {
    const [a, b, c] = TR.map((p) => f.addLead(p)) as number[]
    await dialer.tick()
    const live = await get(`/api/campaigns/${f.campaignId}/calls?status=in_progress`)
    expect(live.body.items.map((x: Json) => [x.lead_id, x.status, x.outcome])).toEqual([
      [a, 'dialing', null],
      [b, 'dialing', null],
    ])
    expect(live.body.items[0].lease_until).toBeUndefined()
    f.clock.advance(31_000)
    await dialer.tick() // a and b end, c starts
    const recent = await get(`/api/campaigns/${f.campaignId}/calls?status=recent&limit=1`)
    expect(recent.body.items).toHaveLength(1)
    expect(recent.body.items[0]).toMatchObject({
      status: 'ended',
      outcome: 'no_answer',
      duration_seconds: 30,
    })
    const attempts = await get(`/api/leads/${a}/calls`)
    expect(attempts.body.items.map((x: Json) => [x.attempt, x.to_e164, x.outcome])).toEqual([
      [1, TR[0], 'no_answer'],
    ])
    expect((await get(`/api/leads/${c}/calls`)).body.items[0].status).toBe('dialing')
  })

  it('refuses unknown listings, limits, campaigns and leads with a clear message', async () => {
    const bad = await get(`/api/campaigns/${f.campaignId}/calls?status=live`)
    expect(bad.body.error.message).toMatch(/in_progress or recent/)
    expect((await get(`/api/campaigns/${f.campaignId}/calls?status=recent&limit=999`)).status).toBe(
      400,
    )
    expect((await get('/api/campaigns/999999/calls')).status).toBe(404)
    expect((await get('/api/campaigns/999999/activity')).status).toBe(404)
    const lead = await get('/api/leads/424242/calls')
    expect(lead.status).toBe(404)
    expect(lead.body.error.message).toBe('Lead 424242 does not exist.')
  })
})

describe('activity over time', () => {
  it('buckets sampled lead statuses and call outcomes, ending with the live counts', async () => {
    for (const p of TR) f.addLead(p)
    await dialer.tick() // sampled after the claim: two in a call, one waiting
    for (let i = 0; i < 4; i++) {
      f.clock.advance(31_000)
      await dialer.tick()
    }
    expect(f.campaignStatus()).toBe('completed')
    f.clock.advance(2 * MIN)
    const { body } = await get(`/api/campaigns/${f.campaignId}/activity`)
    expect(body.bucket_seconds).toBe(5) // 4 minutes of activity
    const points = body.points as Json[]
    expect(points[0].at).toBe('2030-01-07T07:00:00.000Z')
    expect(points[0].leads).toEqual({ processing: 2, scheduled: 1 })
    const outcomes = points.reduce((n: number, p: Json) => n + (p.calls.no_answer ?? 0), 0)
    expect(outcomes).toBe(3)
    expect(points[6].calls).toEqual({ no_answer: 2 }) // ended at 07:00:31
    expect(points[12].calls).toEqual({ no_answer: 1 }) // ended at 07:01:02
    expect(points[6].leads).toEqual({ processing: 2, scheduled: 1 }) // no sample since: carried
    expect(points.at(-1).leads).toEqual({ max_retries: 3 })
    // The sample written when the campaign completed carries forward to the end.
    expect(points.at(-2).leads).toEqual({ max_retries: 3 })
  })

  it('picks buckets that fit the span in at most 60 points', () => {
    expect(pickBucketSeconds(0)).toBe(5)
    expect(pickBucketSeconds(10 * MIN)).toBe(15)
    expect(pickBucketSeconds(50 * MIN)).toBe(60)
    expect(pickBucketSeconds(30 * 24 * 60 * MIN)).toBe(86_400)
  })
})
