import type { CallOutcome } from '@leadport/shared'
import type { ClaimedCall } from '../db/calls.ts'

/** A clock the dialer reads instead of `Date.now()`, so tests can move time by hand. */
export interface Clock {
  now(): number
}

/** The wall clock. */
export const systemClock: Clock = { now: () => Date.now() }

/** How a provider reports the end of a call it was given. */
export type ReportOutcome = (callId: number, outcome: CallOutcome, durationSeconds?: number) => void

/**
 * A telephony / voice-agent backend. The dialer hands it each claimed call once; the outcome
 * comes back through `report` (simulator) or `POST /api/calls/{id}/events` (webhook).
 */
export interface CallProvider {
  readonly name: string
  /**
   * Whether calls survive a restart of this process: a webhook provider may still report them
   * (their leases run out as usual), the in-process simulator cannot (they fail at start).
   */
  readonly survivesRestart: boolean
  /** Hands one call over; a rejection counts as a `failed` call. */
  place(call: ClaimedCall, report: ReportOutcome): Promise<void>
  /** Called on every dialer tick with the clock's time (the simulator ends calls here). */
  tick?(now: number): void
}
