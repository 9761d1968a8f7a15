// Phone normalisation benchmark: libphonenumber-js/max vs our port (shared/src/phone), side by side.
// Run: npx tsx shared/bench/phone.ts [numbers]. Both parse the same seeded lead-like numbers, alternating
// in chunks so that a busy shared CPU slows both alike; the speed-up is the figure to trust.

import * as lib from 'libphonenumber-js/max'
import { type CountryCode, parsePhone } from '../src/phone/index.ts'
import { makeLeadSample } from '../src/phone/lead-sample.ts'

const CHUNK = 50_000

/** Figures for one mode. */
export interface PhoneModeResult {
  mode: string
  libraryUsPerNumber: number
  portUsPerNumber: number
  /** Library time / port time: higher is better, the target is >= 20 (26-50 hoped for). */
  speedup: number
  /** Numbers where the two gave a different E.164 or extension: must be 0 (-1: timed runs differed). */
  disagreements: number
  valid: number
}

/** Figures of one benchmark run. */
export interface PhoneBenchResult {
  numbers: number
  modes: PhoneModeResult[]
}

function viaLibrary(input: string, country: CountryCode | undefined): string | null {
  const p = lib.parsePhoneNumberFromString(input, country)
  if (!p?.isValid()) return null
  return p.ext ? `${p.number};ext=${p.ext}` : p.number
}

function viaPort(input: string, country: CountryCode | undefined): string | null {
  const p = parsePhone(input, country)
  if (p === null) return null
  return p.ext ? `${p.e164};ext=${p.ext}` : p.e164
}

// The timed loops keep no results (so neither pays for retaining a million strings); they sum the
// result lengths so that no work can be skipped. Agreement is checked in a separate, untimed pass.
function timeLibrary(sample: string[], from: number, to: number, country?: CountryCode): number {
  let sum = 0
  for (let i = from; i < to; i++) {
    const p = lib.parsePhoneNumberFromString(sample[i] as string, country)
    if (p?.isValid()) sum += p.number.length
  }
  return sum
}

function timePort(sample: string[], from: number, to: number, country?: CountryCode): number {
  let sum = 0
  for (let i = from; i < to; i++) {
    const p = parsePhone(sample[i] as string, country)
    if (p !== null) sum += p.e164.length
  }
  return sum
}

function runMode(sample: string[], country: CountryCode | undefined): PhoneModeResult {
  const n = sample.length
  // Warm both up (metadata compilation, JIT) outside the timings.
  timeLibrary(sample, 0, Math.min(n, 100_000), country)
  timePort(sample, 0, Math.min(n, 100_000), country)
  let libMs = 0
  let portMs = 0
  let libSum = 0
  let portSum = 0
  for (let from = 0; from < n; from += CHUNK) {
    const to = Math.min(n, from + CHUNK)
    let t = performance.now()
    libSum += timeLibrary(sample, from, to, country)
    libMs += performance.now() - t
    t = performance.now()
    portSum += timePort(sample, from, to, country)
    portMs += performance.now() - t
  }
  let disagreements = 0
  let valid = 0
  for (let i = 0; i < n; i++) {
    const expected = viaLibrary(sample[i] as string, country)
    if (expected !== null) valid++
    if (expected !== viaPort(sample[i] as string, country)) disagreements++
  }
  // Same lengths summed in the timed loops too (else a timed loop did different work).
  if (libSum !== portSum && disagreements === 0) disagreements = -1
  return {
    mode: country ? `national ${country}` : 'international',
    libraryUsPerNumber: (libMs * 1000) / n,
    portUsPerNumber: (portMs * 1000) / n,
    speedup: libMs / portMs,
    disagreements,
    valid,
  }
}

/** Numbers of `sample` where the port and the library disagree, with `country` (or none). */
export function countDisagreements(sample: readonly string[], country?: CountryCode): number {
  let n = 0
  for (const s of sample) if (viaLibrary(s, country) !== viaPort(s, country)) n++
  return n
}

/** Times the library and the port on `n` seeded lead-like numbers, National (TR) and International. */
export function runPhoneBench(n: number): PhoneBenchResult {
  const sample = makeLeadSample(n, 1)
  return { numbers: n, modes: [runMode(sample, 'TR'), runMode(sample, undefined)] }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const n = Number(process.argv[2] ?? 1_000_000)
  const result = runPhoneBench(n)
  console.log(`phone normalisation, ${result.numbers.toLocaleString('en')} lead-like numbers`)
  for (const m of result.modes) {
    console.log(
      `${m.mode.padEnd(13)} library ${m.libraryUsPerNumber.toFixed(2)} µs/number | port ${m.portUsPerNumber.toFixed(3)} µs/number | ${m.speedup.toFixed(1)}x faster | valid ${m.valid} | disagreements ${m.disagreements}`,
    )
  }
}
