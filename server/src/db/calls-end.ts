import type { CallOutcome } from '@leadport/shared'
import type { DialerCampaign } from './calls.ts'
import { completeIfDone, getCall, readDialerCampaign } from './calls.ts'
import type { Db } from './open.ts'

/** What {@link endCall} tells the caller's rule about the call's lead. */
export interface EndContext {
  attempt: number
  phoneIndex: number
  secondaryCount: number
  campaign: DialerCampaign
}

/** The lead's next state, as the rule decides it. */
export interface LeadUpdate {
  status: 'scheduled' | 'rescheduled' | 'max_retries' | 'completed'
  attempts: number
  phoneIndex: number
  nextAttemptAt: string | null
}

/** What {@link endCall} did. */
export interface EndResult {
  /** False when the call was unknown or had already ended: nothing changed. */
  applied: boolean
  campaignCompleted: boolean
}

/**
 * Ends a `dialing` call with its outcome, exactly once, in one `BEGIN IMMEDIATE` transaction
 * that also moves its lead on (as `decide` says) and completes the campaign when nothing is left
 * to call. A call already ended (a replay, a late report after its lease ran out) changes nothing.
 */
export function endCall(
  db: Db,
  callId: number,
  outcome: CallOutcome,
  o: { now: number; durationSeconds?: number; decide(ctx: EndContext): LeadUpdate },
): EndResult {
  const nowIso = new Date(o.now).toISOString()
  return db
    .transaction((): EndResult => {
      const ended = db
        .prepare(
          `UPDATE calls SET status = 'ended', outcome = ?, duration_seconds = ?, ended_at = ?,
             lease_until = NULL
           WHERE id = ? AND status = 'dialing'`,
        )
        .run(outcome, o.durationSeconds ?? null, nowIso, callId)
      if (ended.changes === 0) return { applied: false, campaignCompleted: false }
      const call = getCall(db, callId)
      const campaign = call && readDialerCampaign(db, call.campaign_id)
      const lead = db
        .prepare('SELECT status, json_array_length(secondary_phones) AS n FROM leads WHERE id = ?')
        .get(call?.lead_id) as { status: string; n: number } | undefined
      if (!call || !campaign || !lead) return { applied: true, campaignCompleted: false }
      // Only the lead's current call moves it on (a lead is in one call at a time).
      if (lead.status === 'processing') {
        const next = o.decide({
          attempt: call.attempt,
          phoneIndex: call.phone_index,
          secondaryCount: lead.n,
          campaign,
        })
        db.prepare(
          `UPDATE leads SET status = ?, attempts = ?, phone_index = ?, next_attempt_at = ?,
             updated_at = ? WHERE id = ?`,
        ).run(next.status, next.attempts, next.phoneIndex, next.nextAttemptAt, nowIso, call.lead_id)
      }
      return { applied: true, campaignCompleted: completeIfDone(db, call.campaign_id, nowIso) }
    })
    .immediate()
}

/** Moves a live call's lease to `untilIso`; false when the call is not live. */
export function extendCallLease(db: Db, callId: number, untilIso: string): boolean {
  return (
    db
      .prepare("UPDATE calls SET lease_until = ? WHERE id = ? AND status = 'dialing'")
      .run(untilIso, callId).changes > 0
  )
}

/** Records a provider's event id for a call; false when it was seen before (a replay). */
export function recordCallEvent(db: Db, callId: number, eventId: string, nowIso: string): boolean {
  return (
    db
      .prepare(
        `INSERT INTO call_events (call_id, event_id, received_at) VALUES (?, ?, ?)
         ON CONFLICT DO NOTHING`,
      )
      .run(callId, eventId, nowIso).changes > 0
  )
}
