import type { CallOutcome } from '@leadport/shared'
import type { CallProvider, Clock, ReportOutcome } from './provider.ts'

/** How the simulator behaves; every field has a default. */
export interface SimulatorOptions {
  /** Same seed, same calls in the same order: same outcomes and durations. */
  seed?: number
  /** Relative weights of the outcomes. */
  mix?: Partial<Record<CallOutcome, number>>
  /** Seconds a call lasts per outcome, `[min, max]`. */
  durations?: Partial<Record<CallOutcome, [number, number]>>
  /**
   * How many times faster than real time calls run (`--sim-speed`): a 60-second call ends after
   * 60 / speed seconds of the clock; the outcome reports the simulated 60 seconds. Default 1.
   */
  speed?: number
}

/** A realistic mix: most leads don't pick up on a given try. */
export const DEFAULT_MIX: Record<CallOutcome, number> = {
  completed: 35,
  no_answer: 30,
  busy: 10,
  voicemail: 20,
  failed: 5,
}

const DEFAULT_DURATIONS: Record<CallOutcome, [number, number]> = {
  completed: [30, 240],
  no_answer: [20, 40],
  busy: [3, 8],
  voicemail: [15, 45],
  failed: [1, 5],
}

/** mulberry32: a tiny seeded PRNG, uniform in [0, 1). */
function seeded(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

interface Pending {
  callId: number
  dueAt: number
  outcome: CallOutcome
  seconds: number
  report: ReportOutcome
}

/**
 * The built-in provider for demos and tests: each call gets a seeded outcome and duration and
 * ends when the dialer's clock passes it (on a tick). Calls live in memory, so they do not
 * survive a restart.
 * @example createSimulator(clock, { seed: 7, mix: { completed: 1 } })
 */
export function createSimulator(
  clock: Clock,
  o: SimulatorOptions = {},
): CallProvider & {
  /** Calls placed and not yet ended. */
  readonly pending: number
} {
  const random = seeded(o.seed ?? 1)
  const mix = Object.entries({ ...DEFAULT_MIX, ...o.mix }).filter(([, w]) => w > 0) as [
    CallOutcome,
    number,
  ][]
  const total = mix.reduce((s, [, w]) => s + w, 0)
  const durations = { ...DEFAULT_DURATIONS, ...o.durations }
  const speed = o.speed && o.speed > 0 ? o.speed : 1
  let queue: Pending[] = []

  function pick(): CallOutcome {
    let r = random() * total
    for (const [outcome, w] of mix) {
      r -= w
      if (r < 0) return outcome
    }
    return (mix[mix.length - 1] as [CallOutcome, number])[0]
  }

  return {
    name: 'simulator',
    survivesRestart: false,
    get pending() {
      return queue.length
    },
    async place(call, report) {
      const outcome = pick()
      const [min, max] = durations[outcome]
      const seconds = Math.round(min + random() * (max - min))
      queue.push({
        callId: call.id,
        dueAt: clock.now() + (seconds * 1000) / speed,
        outcome,
        seconds,
        report,
      })
    },
    tick(now) {
      const due = queue.filter((p) => p.dueAt <= now)
      if (due.length === 0) return
      queue = queue.filter((p) => p.dueAt > now)
      for (const p of due) p.report(p.callId, p.outcome, p.seconds)
    },
  }
}
