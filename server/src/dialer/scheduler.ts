import {
  type ClaimedCall,
  claimCalls,
  type DialerCampaign,
  fillLeadTimeZones,
  listExpiredCallIds,
  listInProgressCampaignIds,
} from '../db/calls.ts'
import type { Db } from '../db/open.ts'
import { applyCallOutcome } from './apply-outcome.ts'
import { isWithinCallingWindow } from './calling-window.ts'
import { findLeadTimeZone, listLeadZones, resolveLeadZone } from './lead-time-zone.ts'
import type { CallProvider, Clock, ReportOutcome } from './provider.ts'
import { createSampler } from './sample-counts.ts'

/** What {@link createDialer} needs. */
export interface DialerDeps {
  db: Db
  provider: CallProvider
  clock: Clock
  /** How long a call may go without an outcome before it counts as failed; default 15 min. */
  leaseMs?: number
  /** Leads whose zone is worked out per campaign and tick; default 2,000. */
  zoneBatch?: number
  /** How often each `in_progress` campaign's lead counts are sampled for the chart; 1 min. */
  sampleMs?: number
  /** Receives errors of a tick or a provider (logging). */
  onError?: (err: unknown) => void
}

/** A running dialer. */
export interface Dialer {
  /** One pass: expire leases, end simulated calls, claim and place due calls. */
  tick(): Promise<ClaimedCall[]>
  /** Fails what a previous process left unfinished (see CallProvider.survivesRestart). */
  recover(): number
  /** Recovers, then ticks every `intervalMs` until {@link Dialer.stop}. */
  start(intervalMs?: number): void
  /** Stops ticking and waits for the tick under way. */
  stop(): Promise<void>
}

/** The stored lead zones whose calling window is open at `now` for campaign `c`. */
export function listOpenZones(c: DialerCampaign, now: number): string[] {
  const w = { start: c.calling_hours_start, end: c.calling_hours_end, days: c.allowed_days }
  return listLeadZones().filter((z) =>
    isWithinCallingWindow(now, resolveLeadZone(z, c.time_zone), w),
  )
}

/**
 * The scheduler: on each tick, for every `in_progress` campaign, claims due leads inside their
 * local calling window up to the free parallel slots and hands each call to the provider once.
 * All time comes from `clock`, so tests drive it by hand.
 * @example const d = createDialer({ db, provider: createSimulator(), clock: systemClock }); d.start()
 */
export function createDialer(deps: DialerDeps): Dialer {
  const { db, provider, clock } = deps
  const leaseMs = deps.leaseMs ?? 15 * 60_000
  const onError = deps.onError ?? (() => {})
  let timer: ReturnType<typeof setInterval> | undefined
  let running: Promise<unknown> = Promise.resolve()
  const sampler = createSampler(db, deps.sampleMs ?? 60_000)

  const report: ReportOutcome = (callId, outcome, durationSeconds) => {
    try {
      const now = clock.now()
      const r = applyCallOutcome(db, callId, outcome, now, durationSeconds)
      if (r.campaignCompleted) sampler.completed(callId, now)
    } catch (err) {
      onError(err)
    }
  }

  function expire(nowIso: string | null): number {
    const ids = listExpiredCallIds(db, nowIso)
    for (const id of ids) applyCallOutcome(db, id, 'failed', clock.now())
    return ids.length
  }

  async function tick(): Promise<ClaimedCall[]> {
    const now = clock.now()
    provider.tick?.(now)
    expire(new Date(now).toISOString())
    const placed: ClaimedCall[] = []
    for (const id of listInProgressCampaignIds(db)) {
      fillLeadTimeZones(db, id, findLeadTimeZone, deps.zoneBatch ?? 2000)
      const { calls, completed } = claimCalls(db, id, {
        now,
        leaseMs,
        openZones: (c) => listOpenZones(c, now),
      })
      sampler.sample(id, now, completed)
      placed.push(...calls)
    }
    // Handed over after the claim committed: a crash before this line leaves leased calls that
    // expire as failed, never a call placed twice.
    await Promise.all(
      placed.map((call) =>
        provider.place(call, report).catch((err) => {
          onError(err)
          report(call.id, 'failed')
        }),
      ),
    )
    return placed
  }

  return {
    tick() {
      const next = running.then(tick)
      running = next.catch(onError)
      return next
    },
    recover() {
      return provider.survivesRestart ? 0 : expire(null)
    },
    start(intervalMs = 1000) {
      if (timer) return
      this.recover()
      timer = setInterval(() => void this.tick().catch(onError), intervalMs)
    },
    async stop() {
      if (timer) clearInterval(timer)
      timer = undefined
      await running
    },
  }
}
