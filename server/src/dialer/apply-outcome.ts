import type { CallOutcome } from '@leadport/shared'
import { type EndResult, endCall } from '../db/calls-end.ts'
import type { Db } from '../db/open.ts'
import { decideNextStep } from './decide-next-step.ts'

/**
 * Ends a call with its outcome and moves its lead on per PRODUCT.md §5 (idempotent: a call that
 * already ended is left alone).
 * @example applyCallOutcome(db, 12, 'busy', clock.now())
 */
export function applyCallOutcome(
  db: Db,
  callId: number,
  outcome: CallOutcome,
  now: number,
  durationSeconds?: number,
): EndResult {
  return endCall(db, callId, outcome, {
    now,
    durationSeconds,
    decide(ctx) {
      const step = decideNextStep({
        outcome,
        attempt: ctx.attempt,
        phoneIndex: ctx.phoneIndex,
        secondaryCount: ctx.secondaryCount,
        maxRetries: ctx.campaign.max_retries,
        retryIntervalMinutes: ctx.campaign.retry_interval_minutes,
        retryOnVoicemail: ctx.campaign.retry_on_voicemail,
        now,
      })
      return {
        ...step,
        nextAttemptAt:
          step.nextAttemptAt === null ? null : new Date(step.nextAttemptAt).toISOString(),
      }
    },
  })
}
