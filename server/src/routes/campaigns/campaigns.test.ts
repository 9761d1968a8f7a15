import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { getJson, postLeads, seedCampaign } from '../../test/fixtures.ts'
import { type Json, tempApp } from '../../test/temp-db.ts'

let t: ReturnType<typeof tempApp>
beforeEach(() => {
  t = tempApp()
})
afterEach(() => t.cleanup())

const post = (path: string) => t.app.request(path, { method: 'POST' })

describe('campaign settings', () => {
  it('a new campaign gets the defaults of PRODUCT.md and the assistant time zone', async () => {
    const { id, assistantId, numberId } = await seedCampaign(t)
    const c = (await getJson(t, `/api/campaigns/${id}`)).body
    expect(c).toMatchObject({
      status: 'draft',
      assistant_id: assistantId,
      phone_number_ids: [numberId],
      time_zone: null,
      effective_time_zone: 'Europe/Istanbul',
      calling_hours_start: '00:00',
      calling_hours_end: '23:59',
      allowed_days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
      max_retries: 3,
      retry_interval_minutes: 60,
      parallel_calls: 3,
      retry_on_voicemail: false,
      lead_counts: {},
    })
  })

  it('updates some settings and keeps the rest', async () => {
    const { id } = await seedCampaign(t)
    const res = await t.json('PATCH', `/api/campaigns/${id}`, {
      time_zone: 'America/New_York',
      calling_hours_start: '09:00',
      calling_hours_end: '18:30',
      allowed_days: ['mon', 'fri'],
      max_retries: 5,
      retry_interval_minutes: 4320,
      parallel_calls: 1,
      retry_on_voicemail: true,
      phone_number_ids: [],
    })
    expect(res.status).toBe(200)
    expect((await res.json()) as Json).toMatchObject({
      name: 'Ready',
      effective_time_zone: 'America/New_York',
      calling_hours_end: '18:30',
      allowed_days: ['mon', 'fri'],
      max_retries: 5,
      retry_on_voicemail: true,
      phone_number_ids: [],
    })
  })

  it('refuses values out of range, naming the range, and changes nothing', async () => {
    const { id } = await seedCampaign(t)
    const cases: [Json, string][] = [
      [{ max_retries: 6 }, 'from 1 to 5'],
      [{ max_retries: 0 }, 'from 1 to 5'],
      [{ retry_interval_minutes: 9 }, 'from 10 to 4320'],
      [{ retry_interval_minutes: 4321 }, 'from 10 to 4320'],
      [{ parallel_calls: 11 }, 'from 1 to 10'],
      [{ parallel_calls: 2.5 }, 'from 1 to 10'],
      [{ calling_hours_start: '9:00' }, 'HH:MM'],
      [{ calling_hours_start: '24:00' }, 'HH:MM'],
      [{ calling_hours_start: '23:59' }, 'same minute'],
      [{ allowed_days: [] }, 'at least one day'],
      [{ allowed_days: ['mon', 'mon'] }, 'once'],
      [{ time_zone: 'Nowhere/City' }, 'IANA'],
      [{ assistant_id: 99 }, 'Assistant 99 does not exist'],
      [{ phone_number_ids: [1, 98] }, 'Caller number 98 does not exist'],
      [{ status: 'in_progress' }, 'Unrecognized key'],
    ]
    for (const [body, message] of cases) {
      const res = await t.json('PATCH', `/api/campaigns/${id}`, body)
      expect(res.status, JSON.stringify(body)).toBe(400)
      expect(((await res.json()) as Json).error.message, JSON.stringify(body)).toContain(message)
    }
    const c = (await getJson(t, `/api/campaigns/${id}`)).body
    expect(c).toMatchObject({ max_retries: 3, calling_hours_start: '00:00', status: 'draft' })
    const create = await t.json('POST', '/api/campaigns', { name: 'x', parallel_calls: 0 })
    expect(create.status).toBe(400)
    expect((await getJson(t, '/api/campaigns')).body.items).toHaveLength(1)
  })

  it('answers 404 when updating an unknown campaign', async () => {
    expect((await t.json('PATCH', '/api/campaigns/4242', { name: 'x' })).status).toBe(404)
  })
})

describe('campaign lifecycle', () => {
  it('Start names everything missing, then each missing thing alone', async () => {
    const bare = (await (await t.json('POST', '/api/campaigns', { name: 'Bare' })).json()) as Json
    const res = await post(`/api/campaigns/${bare.id}/start`)
    expect(res.status).toBe(409)
    expect(((await res.json()) as Json).error).toEqual({
      code: 'CONFLICT',
      message: `Campaign ${bare.id} can't start yet: add an assistant, a caller number and at least one lead.`,
    })
    const { id } = await seedCampaign(t)
    const noLeads = await post(`/api/campaigns/${id}/start`)
    expect(((await noLeads.json()) as Json).error.message).toBe(
      `Campaign ${id} can't start yet: add at least one lead.`,
    )
    expect((await getJson(t, `/api/campaigns/${id}`)).body.status).toBe('draft')
  })

  it('draft → in_progress schedules created leads; pause keeps them; later leads follow the status', async () => {
    const { id } = await seedCampaign(t)
    await postLeads(t, id, {
      leads: [{ phone_number: '+12133734250' }, { phone_number: '+12133734251' }],
    })
    expect((await getJson(t, `/api/campaigns/${id}`)).body.lead_counts).toEqual({ created: 2 })

    const started = await post(`/api/campaigns/${id}/start`)
    expect(started.status).toBe(200)
    expect((await started.json()) as Json).toMatchObject({
      status: 'in_progress',
      lead_counts: { scheduled: 2 },
    })
    const leads = (await getJson(t, `/api/campaigns/${id}/leads`)).body.items
    expect(leads.every((l: Json) => l.status === 'scheduled' && l.next_attempt_at)).toBe(true)

    // Added while in progress: scheduled at once, no restart.
    await postLeads(t, id, { phone_number: '+12133734252' })
    const live = (await getJson(t, `/api/campaigns/${id}/leads?phone=12133734252`)).body.items
    expect(live[0]).toMatchObject({ status: 'scheduled', next_attempt_at: expect.any(String) })

    const paused = await post(`/api/campaigns/${id}/pause`)
    expect(((await paused.json()) as Json).status).toBe('paused')
    await postLeads(t, id, { phone_number: '+12133734253' })
    expect((await getJson(t, `/api/campaigns/${id}`)).body.lead_counts).toEqual({
      scheduled: 3,
      created: 1,
    })
    const resumed = await post(`/api/campaigns/${id}/start`)
    expect(((await resumed.json()) as Json).lead_counts).toEqual({ scheduled: 4 })
  })

  it('refuses illegal transitions and unknown campaigns', async () => {
    const { id } = await seedCampaign(t)
    const pauseDraft = await post(`/api/campaigns/${id}/pause`)
    expect(pauseDraft.status).toBe(409)
    expect(((await pauseDraft.json()) as Json).error.message).toContain('is a draft')
    await postLeads(t, id, { phone_number: '+12133734250' })
    await post(`/api/campaigns/${id}/start`)
    const again = await post(`/api/campaigns/${id}/start`)
    expect(again.status).toBe(409)
    expect(((await again.json()) as Json).error.message).toContain('is in progress')
    const drop = await t.json('PATCH', `/api/campaigns/${id}`, { assistant_id: null })
    expect(drop.status).toBe(409)
    const noNumbers = await t.json('PATCH', `/api/campaigns/${id}`, { phone_number_ids: [] })
    expect(noNumbers.status).toBe(409)
    t.db.prepare("UPDATE campaigns SET status = 'completed' WHERE id = ?").run(id)
    expect((await post(`/api/campaigns/${id}/start`)).status).toBe(409)
    expect((await post(`/api/campaigns/${id}/pause`)).status).toBe(409)
    expect((await t.json('PATCH', `/api/campaigns/${id}`, { name: 'x' })).status).toBe(409)
    const late = await postLeads(t, id, { phone_number: '+12133734251' })
    expect(late.status).toBe(409)
    expect(late.body.error.message).toContain('completed')
    for (const path of ['/api/campaigns/4242/start', '/api/campaigns/4242/pause']) {
      expect((await post(path)).status, path).toBe(404)
    }
  })
})
