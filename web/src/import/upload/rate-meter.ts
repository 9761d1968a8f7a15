/** Window over which the upload rate is measured. */
const WINDOW_MS = 5_000

/**
 * Rows per second over the last few seconds (a sliding window of acknowledged chunks).
 * @example const m = new RateMeter(); m.add(5000); m.rate()
 */
export class RateMeter {
  private readonly start = performance.now()
  private readonly events: { at: number; rows: number }[] = []

  /** Records rows acknowledged now. */
  add(rows: number): void {
    const at = performance.now()
    this.events.push({ at, rows })
    while (this.events.length > 1 && at - (this.events[0]?.at ?? at) > WINDOW_MS)
      this.events.shift()
  }

  /** Rows per second, 0 until a chunk was acknowledged. */
  rate(): number {
    const now = performance.now()
    const since = Math.max(this.start, now - WINDOW_MS)
    let rows = 0
    for (const e of this.events) if (e.at >= since) rows += e.rows
    return rows / Math.max(0.25, (now - since) / 1000)
  }
}
