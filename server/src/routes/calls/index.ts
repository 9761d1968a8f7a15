import {
  type CallEventResponse,
  callEventBody,
  SIGNATURE_HEADER,
  SIGNATURE_TIMESTAMP_HEADER,
} from '@leadport/shared'
import { Hono } from 'hono'
import type { AppEnv } from '../../app.ts'
import { AppError } from '../../app-error.ts'
import { getCall } from '../../db/calls.ts'
import { extendCallLease, recordCallEvent } from '../../db/calls-end.ts'
import { applyCallOutcome } from '../../dialer/apply-outcome.ts'
import type { Clock } from '../../dialer/provider.ts'
import { verifySignature } from '../../dialer/signature.ts'

/** What the call routes need: the webhook secret and the dialer's clock and lease. */
export interface CallRouteDeps {
  /** `LEADPORT_WEBHOOK_SECRET`; without it every event is refused. */
  secret: string | undefined
  clock: Clock
  /** How far a `progress` event pushes the call's lease; default 15 min (as the dialer). */
  leaseMs?: number
}

const PROBLEM = {
  missing: `Sign the body: send ${SIGNATURE_TIMESTAMP_HEADER} and ${SIGNATURE_HEADER}.`,
  stale: 'The signature timestamp is too far from our clock; a replayed request is refused.',
  mismatch: 'The signature does not match the body.',
}

/**
 * `POST /api/calls/{id}/events`: a provider reports a call's progress or outcome. Authenticated
 * by the HMAC signature of the body (not a session or API key), checked before anything else; an
 * event id seen before is acknowledged and ignored, as is an outcome for a call already ended.
 * @example app.route('/calls', createCallRoutes({ secret, clock: systemClock }))
 */
export function createCallRoutes(deps: CallRouteDeps) {
  const leaseMs = deps.leaseMs ?? 15 * 60_000
  return new Hono<AppEnv>().post('/:id/events', async (c) => {
    const body = await c.req.text()
    const now = deps.clock.now()
    const problem = deps.secret
      ? verifySignature(
          deps.secret,
          c.req.header(SIGNATURE_TIMESTAMP_HEADER),
          c.req.header(SIGNATURE_HEADER),
          body,
          now,
        )
      : 'missing'
    if (problem) throw new AppError('UNAUTHORIZED', PROBLEM[problem])
    const db = c.get('db')
    const id = Number(c.req.param('id'))
    const call = Number.isSafeInteger(id) && id > 0 ? getCall(db, id) : undefined
    if (!call) throw new AppError('NOT_FOUND', `Call ${c.req.param('id')} does not exist.`)
    let json: unknown
    try {
      json = JSON.parse(body)
    } catch {
      throw new AppError('BAD_REQUEST', 'The body is not JSON.')
    }
    const parsed = callEventBody.safeParse(json)
    if (!parsed.success) {
      throw new AppError('BAD_REQUEST', parsed.error.issues[0]?.message ?? 'Bad event.')
    }
    const event = parsed.data
    const nowIso = new Date(now).toISOString()
    // The event id and its effect commit together: a provider retrying after a crash is not
    // mistaken for a replay of an event that never took effect.
    const result = db
      .transaction((): CallEventResponse => {
        if (!recordCallEvent(db, call.id, event.event_id, nowIso)) {
          return { applied: false, duplicate: true }
        }
        if (event.type === 'progress') {
          const until = new Date(now + leaseMs).toISOString()
          return { applied: extendCallLease(db, call.id, until), duplicate: false }
        }
        const ended = applyCallOutcome(db, call.id, event.outcome, now, event.duration_seconds)
        return { applied: ended.applied, duplicate: false }
      })
      .immediate()
    return c.json(result)
  })
}
