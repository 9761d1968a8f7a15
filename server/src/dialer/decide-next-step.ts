import type { CallOutcome } from '@leadport/shared'

/** What one ended call knew about its lead and campaign. */
export interface StepInput {
  outcome: CallOutcome
  /** The round this call belonged to (1-based). */
  attempt: number
  /** 0 the primary number, 1.. the secondary ones. */
  phoneIndex: number
  secondaryCount: number
  maxRetries: number
  retryIntervalMinutes: number
  retryOnVoicemail: boolean
  now: number
}

/** The lead's next state. */
export interface LeadStep {
  status: 'scheduled' | 'rescheduled' | 'max_retries' | 'completed'
  /** Rounds finished (a round: the primary, then each secondary, until someone answers). */
  attempts: number
  phoneIndex: number
  nextAttemptAt: number | null
}

/**
 * The lead's next state after a call. Completed (or voicemail the campaign does not retry):
 * `completed`. No answer, busy or failed: the next secondary number at once, and after the last
 * one the round is over: `rescheduled` after the retry interval, or `max_retries` once
 * `maxRetries` rounds are spent. Voicemail that the campaign retries ends the round the same way
 * (the phone was reached; another of the lead's numbers would not help).
 * @example decideNextStep({ outcome: 'busy', attempt: 1, phoneIndex: 0, secondaryCount: 1, ... }) // secondary 1, now
 */
export function decideNextStep(s: StepInput): LeadStep {
  const reached = s.outcome === 'completed' || (s.outcome === 'voicemail' && !s.retryOnVoicemail)
  if (reached) {
    return {
      status: 'completed',
      attempts: s.attempt,
      phoneIndex: s.phoneIndex,
      nextAttemptAt: null,
    }
  }
  if (s.outcome !== 'voicemail' && s.phoneIndex < s.secondaryCount) {
    return {
      status: s.attempt === 1 ? 'scheduled' : 'rescheduled',
      attempts: s.attempt - 1,
      phoneIndex: s.phoneIndex + 1,
      nextAttemptAt: s.now,
    }
  }
  if (s.attempt >= s.maxRetries) {
    return { status: 'max_retries', attempts: s.attempt, phoneIndex: 0, nextAttemptAt: null }
  }
  return {
    status: 'rescheduled',
    attempts: s.attempt,
    phoneIndex: 0,
    nextAttemptAt: s.now + s.retryIntervalMinutes * 60_000,
  }
}
