import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { SIGNATURE_HEADER, SIGNATURE_TIMESTAMP_HEADER } from '@leadport/shared'
import { Hono } from 'hono'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AppEnv } from '../../app.ts'
import { AppError } from '../../app-error.ts'
import { getCall } from '../../db/calls.ts'
import { createDialer, type Dialer } from '../../dialer/scheduler.ts'
import { signBody, verifySignature } from '../../dialer/signature.ts'
import { createDialerFixture, MIN } from '../../dialer/test-dialer.ts'
import { createWebhookProvider } from '../../dialer/webhook-provider.ts'
import type { Json } from '../../test/temp-db.ts'
import { createCallRoutes } from './index.ts'

const SECRET = 'test-secret'
interface Received {
  body: string
  timestamp: string | undefined
  signature: string | undefined
}

let f: ReturnType<typeof createDialerFixture>
let server: Server
let received: Received[]
let answer: number
let dialer: Dialer
let app: Hono<AppEnv>

beforeEach(async () => {
  received = []
  answer = 202
  // The provider's side: a real HTTP server on 127.0.0.1 that records what it is sent.
  server = createServer((req, res) => {
    let body = ''
    req.on('data', (d) => {
      body += d
    })
    req.on('end', () => {
      const h = (n: string) => req.headers[n] as string | undefined
      received.push({
        body,
        timestamp: h(SIGNATURE_TIMESTAMP_HEADER),
        signature: h(SIGNATURE_HEADER),
      })
      res.writeHead(answer).end()
    })
  })
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/calls`
  f = createDialerFixture('2030-01-07T07:00:00Z', { max_retries: 1 })
  const provider = createWebhookProvider({ url, secret: SECRET, clock: f.clock })
  dialer = createDialer({ db: f.db, provider, clock: f.clock, leaseMs: 10 * MIN })
  app = new Hono<AppEnv>()
    .use((c, next) => {
      c.set('db', f.db)
      return next()
    })
    .route('/api/calls', createCallRoutes({ secret: SECRET, clock: f.clock, leaseMs: 10 * MIN }))
  app.onError((err, c) =>
    err instanceof AppError
      ? c.json({ error: { code: err.code, message: err.message } }, err.status)
      : c.json({ error: { code: 'INTERNAL', message: String(err) } }, 500),
  )
})

afterEach(async () => {
  await new Promise((ok) => server.close(ok))
  f.cleanup()
})

function postEvent(callId: number, event: unknown, sign = { secret: SECRET, skewMs: 0 }) {
  const body = JSON.stringify(event)
  const ts = Math.floor((f.clock.now() + sign.skewMs) / 1000)
  return app.request(`/api/calls/${callId}/events`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [SIGNATURE_TIMESTAMP_HEADER]: String(ts),
      [SIGNATURE_HEADER]: signBody(sign.secret, ts, body),
    },
    body,
  })
}

describe('the webhook provider', () => {
  it('POSTs the call, signed, and takes the signed outcome once', async () => {
    const lead = f.addLead('+905321234567', [], { customer_name: 'Deniz' })
    const [call] = await dialer.tick()
    expect(received).toHaveLength(1)
    const got = received[0] as Received
    expect(
      verifySignature(SECRET, got.timestamp, got.signature, got.body, f.clock.now()),
    ).toBeNull()
    const payload = JSON.parse(got.body) as Json
    expect(payload).toMatchObject({
      call_id: call?.id,
      to: '+905321234567',
      from: '+902121234567',
      assistant: { name: 'Ayla' },
      variables: { customer_name: 'Deniz' },
    })

    const ended = { event_id: 'e1', type: 'ended', outcome: 'completed', duration_seconds: 42 }
    const res = await postEvent(payload.call_id, ended)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ applied: true, duplicate: false })
    expect(getCall(f.db, payload.call_id)).toMatchObject({
      outcome: 'completed',
      duration_seconds: 42,
    })
    expect(f.lead(lead).status).toBe('completed')
    expect(f.campaignStatus()).toBe('completed')

    const replay = await postEvent(payload.call_id, ended)
    expect(await replay.json()).toEqual({ applied: false, duplicate: true })
  })

  it('refuses a bad signature, a stale one and an unknown call id', async () => {
    f.addLead('+905321234567')
    const [call] = await dialer.tick()
    const id = call?.id as number
    const ended = { event_id: 'e1', type: 'ended', outcome: 'completed' }
    const bad = await postEvent(id, ended, { secret: 'wrong', skewMs: 0 })
    expect(bad.status).toBe(401)
    expect(((await bad.json()) as Json).error.code).toBe('UNAUTHORIZED')
    const stale = await postEvent(id, ended, { secret: SECRET, skewMs: -6 * MIN })
    expect(stale.status).toBe(401)
    const unsigned = await app.request(`/api/calls/${id}/events`, { method: 'POST', body: '{}' })
    expect(unsigned.status).toBe(401)
    expect((await postEvent(id + 1000, ended)).status).toBe(404)
    expect((await postEvent(id, { event_id: 'e2', type: 'ended', outcome: 'maybe' })).status).toBe(
      400,
    )
    expect(getCall(f.db, id)?.status).toBe('dialing') // none of them counted
  })

  it('fails a call with no outcome in time; progress events keep it alive', async () => {
    const lead = f.addLead('+905321234567')
    const [call] = await dialer.tick()
    const id = call?.id as number
    f.clock.advance(8 * MIN)
    expect(await (await postEvent(id, { event_id: 'p1', type: 'progress' })).json()).toEqual({
      applied: true,
      duplicate: false,
    })
    f.clock.advance(8 * MIN) // 16 min after the start, 8 after the last sign of life
    await dialer.tick()
    expect(getCall(f.db, id)?.status).toBe('dialing')
    f.clock.advance(2 * MIN)
    await dialer.tick()
    expect(getCall(f.db, id)).toMatchObject({ status: 'ended', outcome: 'failed' })
    expect(f.lead(lead).status).toBe('max_retries')
    const late = await postEvent(id, { event_id: 'e9', type: 'ended', outcome: 'completed' })
    expect(await late.json()).toEqual({ applied: false, duplicate: false })
  })

  it('fails the call when the provider refuses it', async () => {
    answer = 500
    const lead = f.addLead('+905321234567')
    const [call] = await dialer.tick()
    expect(getCall(f.db, call?.id as number)?.outcome).toBe('failed')
    expect(f.lead(lead).status).toBe('max_retries')
  })
})
