import { afterEach, describe, expect, it, vi } from 'vitest'
import { main } from '../cli/main.ts'
import type { ClaimedCall } from '../db/calls.ts'
import { createSimulator } from './simulator.ts'
import { createManualClock } from './test-dialer.ts'

const call = (id: number): ClaimedCall => ({
  id,
  campaignId: 1,
  leadId: id,
  attempt: 1,
  to: '+905321234567',
  from: '+902121234567',
  assistant: null,
  variables: {},
})

afterEach(() => vi.restoreAllMocks())

describe('simulator speed', () => {
  it('ends calls speed times sooner and reports the simulated duration', async () => {
    const clock = createManualClock('2030-01-07T07:00:00Z')
    const sim = createSimulator(clock, {
      speed: 10,
      mix: { completed: 1, no_answer: 0, busy: 0, voicemail: 0, failed: 0 },
      durations: { completed: [30, 30] },
    })
    const ended: [number, string, number | undefined][] = []
    await sim.place(call(1), (id, outcome, s) => ended.push([id, outcome, s]))
    clock.advance(2_999)
    sim.tick?.(clock.now())
    expect(ended).toEqual([])
    clock.advance(1)
    sim.tick?.(clock.now())
    expect(ended).toEqual([[1, 'completed', 30]])
  })

  it('leads serve refuses a speed outside 1–1000, saying which values work', async () => {
    const errors: string[] = []
    vi.spyOn(console, 'error').mockImplementation((m: string) => void errors.push(m))
    expect(await main(['serve', '--sim-speed', '0'], {})).toBe(2)
    expect(await main(['serve', '--sim-speed', 'fast'], {})).toBe(2)
    expect(errors).toEqual([
      '--sim-speed must be a number from 1 to 1000, not "0".',
      '--sim-speed must be a number from 1 to 1000, not "fast".',
    ])
  })
})
