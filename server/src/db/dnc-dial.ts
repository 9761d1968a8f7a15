import { decideNextStep } from '../dialer/decide-next-step.ts'
import type { DialerCampaign } from './calls.ts'
import type { Db } from './open.ts'

/** A due lead as the claim reads it. */
export interface DueLeadNumbers {
  id: number
  phone_e164: string
  secondary: readonly string[]
  attempts: number
  /** The number the round dials next (0 the primary). */
  index: number
}

/**
 * The dial-time do-not-call check of the claim (a number listed after its lead was stored):
 * returns the index of the first number from `lead.index` on that is not listed, or `-1` when
 * none is left, after storing the lead's new state: `suppressed` when its primary is listed,
 * else its round ends as if nobody answered (rescheduled after the interval, or max_retries).
 * Call inside the claim's transaction.
 */
export function skipListedNumbers(
  db: Db,
  lead: DueLeadNumbers,
  c: DialerCampaign,
  now: number,
): number {
  const listed = db.prepare('SELECT 1 FROM do_not_call WHERE phone_e164 = ?')
  const nowIso = new Date(now).toISOString()
  if (listed.get(lead.phone_e164) !== undefined) {
    db.prepare("UPDATE leads SET status = 'suppressed', updated_at = ? WHERE id = ?").run(
      nowIso,
      lead.id,
    )
    return -1
  }
  for (let i = lead.index; i <= lead.secondary.length; i++) {
    const n = i === 0 ? lead.phone_e164 : (lead.secondary[i - 1] as string)
    if (i === 0 || listed.get(n) === undefined) return i
  }
  const step = decideNextStep({
    outcome: 'no_answer',
    attempt: lead.attempts + 1,
    phoneIndex: lead.secondary.length,
    secondaryCount: lead.secondary.length,
    maxRetries: c.max_retries,
    retryIntervalMinutes: c.retry_interval_minutes,
    retryOnVoicemail: c.retry_on_voicemail,
    now,
  })
  db.prepare(
    `UPDATE leads SET status = ?, attempts = ?, phone_index = ?, next_attempt_at = ?,
       updated_at = ? WHERE id = ?`,
  ).run(
    step.status,
    step.attempts,
    step.phoneIndex,
    step.nextAttemptAt === null ? null : new Date(step.nextAttemptAt).toISOString(),
    nowIso,
    lead.id,
  )
  return -1
}
