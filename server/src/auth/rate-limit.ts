/** A token bucket's size and refill rate. */
export interface BucketLimit {
  /** Requests allowed in a burst. */
  burst: number
  /** Tokens added back per second. */
  perSecond: number
}

/**
 * In-memory token buckets by key (one process, so no shared store is needed); `take` answers
 * how many seconds to wait when a bucket is empty. Buckets that refilled are forgotten.
 * @example const wait = limiter.take(`key:${id}`); if (wait > 0) refuse(wait)
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>()
  constructor(
    private readonly limit: BucketLimit,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** Takes one token for `key`; 0 when allowed, else the whole seconds until one is back. */
  take(key: string): number {
    const now = this.now()
    const { burst, perSecond } = this.limit
    const b = this.buckets.get(key) ?? { tokens: burst, at: now }
    b.tokens = Math.min(burst, b.tokens + ((now - b.at) / 1000) * perSecond)
    b.at = now
    if (b.tokens < 1) {
      this.buckets.set(key, b)
      return Math.max(1, Math.ceil((1 - b.tokens) / perSecond))
    }
    b.tokens -= 1
    this.buckets.set(key, b)
    if (this.buckets.size > 10_000) this.sweep(now)
    return 0
  }

  /** Gives a bucket back its full burst (a successful login clears its failures). */
  reset(key: string) {
    this.buckets.delete(key)
  }

  private sweep(now: number) {
    const { burst, perSecond } = this.limit
    for (const [k, b] of this.buckets) {
      if (b.tokens + ((now - b.at) / 1000) * perSecond >= burst) this.buckets.delete(k)
    }
  }
}
