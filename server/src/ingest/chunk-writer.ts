import type { Db } from '../db/open.ts'
import { type GroupChunk, type GroupOutcome, writeChunkGroup } from './write-group.ts'

/**
 * Most rows in one commit. A group's transaction holds the event loop (~5 µs a row here), so
 * this bounds that pause (~100 ms) while leaving commits big enough to share their cost.
 */
export const MAX_GROUP_ROWS = 25_000
/**
 * Longest a queued chunk waits for chunks still being prepared to join its group. Fewer, fuller
 * commits are cheaper per row (each commit fsyncs and rewrites every page it touched).
 */
export const MAX_GROUP_WAIT_MS = 20

interface Pending {
  chunk: GroupChunk
  queuedAt: number
  resolve: (o: GroupOutcome) => void
  /** Write it in a group of its own (after its group failed). */
  alone: boolean
}

/**
 * Group commit for chunks: chunks that arrive while a commit runs share the next one
 * (write-group.ts). A chunk's promise settles after the commit that holds it.
 * @example const outcome = await writer.write({ session, n, prepared })
 */
export class ChunkWriter {
  private readonly queue: Pending[] = []
  private scheduled = false
  /** Commits made, chunks they held, and groups split after a failure (for logs and tests). */
  readonly stats = { commits: 0, chunks: 0, splits: 0 }

  private timer: NodeJS.Timeout | undefined

  /**
   * @param preparing How many chunks are being prepared right now (they may join the next group).
   */
  constructor(
    private readonly db: Db,
    private readonly preparing: () => number = () => 0,
  ) {}

  /** Queues a prepared chunk; resolves with its outcome once committed (or refused). */
  write(chunk: GroupChunk): Promise<GroupOutcome> {
    return new Promise((resolve) => {
      this.queue.push({ chunk, resolve, alone: false, queuedAt: performance.now() })
      this.schedule()
    })
  }

  private schedule() {
    if (this.scheduled || this.queue.length === 0) return
    this.scheduled = true
    // After I/O callbacks: the chunks whose bodies arrived meanwhile join this group.
    setImmediate(() => {
      this.scheduled = false
      this.drain()
    })
  }

  /** Takes the next group off the queue: in arrival order, skipping chunks it cannot hold. */
  private take(): Pending[] {
    const group: Pending[] = []
    let rows = 0
    const keep: Pending[] = []
    for (const p of this.queue) {
      const c = p.chunk
      const fits =
        (group.length === 0 ||
          (!p.alone &&
            !(group[0] as Pending).alone &&
            rows + c.prepared.rowCount <= MAX_GROUP_ROWS)) &&
        !group.some(
          (g) =>
            g.chunk.session.id === c.session.id &&
            (g.chunk.n === c.n ||
              (g.chunk.prepared.firstRow <= c.prepared.lastRow &&
                c.prepared.firstRow <= g.chunk.prepared.lastRow)),
        )
      if (fits) {
        group.push(p)
        rows += c.prepared.rowCount
      } else keep.push(p)
    }
    this.queue.splice(0, this.queue.length, ...keep)
    return group
  }

  /** Whether to wait a little for chunks in preparation, so that they share the next commit. */
  private shouldWait(): boolean {
    if (this.preparing() === 0) return false
    let rows = 0
    for (const p of this.queue) rows += p.chunk.prepared.rowCount
    if (rows >= MAX_GROUP_ROWS) return false
    const waited = performance.now() - (this.queue[0] as Pending).queuedAt
    if (waited >= MAX_GROUP_WAIT_MS) return false
    // A chunk finishing its preparation schedules a drain; the timer bounds the wait.
    clearTimeout(this.timer)
    this.timer = setTimeout(() => this.schedule(), MAX_GROUP_WAIT_MS - waited + 1)
    this.timer.unref()
    return true
  }

  private drain() {
    if (this.queue.length === 0 || this.shouldWait()) return
    clearTimeout(this.timer)
    const group = this.take()
    if (group.length === 0) return
    let outcomes: GroupOutcome[]
    try {
      outcomes = writeChunkGroup(
        this.db,
        group.map((p) => p.chunk),
      )
    } catch (err) {
      if (group.length > 1) {
        // One chunk may be the cause: write each on its own so only that one fails.
        for (const p of group) p.alone = true
        this.queue.unshift(...group)
        this.stats.splits++
      } else {
        // The route's error handler logs it and answers 500; the client resends the chunk.
        ;(group[0] as Pending).resolve({
          ok: false,
          error: err instanceof Error ? err : new Error(String(err)),
        })
      }
      this.schedule()
      return
    }
    this.stats.commits++
    this.stats.chunks += group.length
    for (const [i, p] of group.entries()) p.resolve(outcomes[i] as GroupOutcome)
    this.schedule()
  }
}
