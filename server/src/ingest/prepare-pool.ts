import type { Worker } from 'node:worker_threads'
import { startWorker } from '../workers/start-worker.ts'
import {
  type PreparedChunk,
  type PrepareInput,
  prepareChunk,
  type RefusedChunk,
  ValidatorCache,
} from './prepare-chunk.ts'
import type { PrepareJob } from './validate-worker.ts'

type Out = PreparedChunk | RefusedChunk

interface Job {
  resolve: (out: Out) => void
  reject: (err: Error) => void
}

interface Slot {
  worker: Worker
  jobs: Map<number, Job>
}

/**
 * Prepares chunk bodies (prepare-chunk.ts) on `size` worker threads, so that parsing and
 * validating the next chunks runs on another core while the event loop writes the current
 * ones (workers/start-worker.ts: from source or from the single binary). With `size` 0, or where
 * a worker cannot start, it prepares inline.
 * Bodies are transferred to the worker, not copied (the caller's buffer is detached).
 * @example const pool = new PreparePool(1); const out = await pool.prepare(input)
 */
export class PreparePool {
  private readonly slots: Slot[] = []
  private readonly inline = new ValidatorCache()
  private next = 0
  private ids = 0
  private closed = false

  constructor(
    private readonly size: number,
    private readonly onError?: (err: unknown) => void,
  ) {}

  /** Prepares one chunk body; rejects only on an unexpected failure (a bug, a dead worker). */
  prepare(input: PrepareInput): Promise<Out> {
    const slot = this.slot()
    if (!slot) return Promise.resolve(prepareChunk(input, this.inline))
    const id = ++this.ids
    return new Promise<Out>((resolve, reject) => {
      slot.jobs.set(id, { resolve, reject })
      const job: PrepareJob = { id, input }
      slot.worker.postMessage(job, [input.body.buffer as ArrayBuffer])
    })
  }

  /** Chunks being prepared on the workers now. */
  pending(): number {
    let n = 0
    for (const s of this.slots) n += s.jobs.size
    return n
  }

  /** Ends the workers; jobs still running are refused. */
  async close(): Promise<void> {
    this.closed = true
    const slots = this.slots.splice(0)
    await Promise.all(slots.map((s) => s.worker.terminate()))
  }

  private slot(): Slot | undefined {
    if (this.size <= 0 || this.closed) return undefined
    if (this.slots.length < this.size) {
      const started = this.start()
      if (started) return started
    }
    if (this.slots.length === 0) return undefined
    // The least busy worker; ties in turn.
    let best = this.slots[this.next++ % this.slots.length] as Slot
    for (const s of this.slots) if (s.jobs.size < best.jobs.size) best = s
    return best
  }

  private start(): Slot | undefined {
    let worker: Worker
    try {
      worker = startWorker('validate')
    } catch (err) {
      // Without worker threads the pool prepares inline: slower, never wrong.
      this.onError?.(err)
      this.closed = true
      return undefined
    }
    worker.unref()
    const slot: Slot = { worker, jobs: new Map() }
    const fail = (err: Error) => {
      const i = this.slots.indexOf(slot)
      if (i >= 0) this.slots.splice(i, 1)
      for (const job of slot.jobs.values()) job.reject(err)
      slot.jobs.clear()
    }
    worker.on('message', (m: { id: number; out?: Out; error?: string }) => {
      const job = slot.jobs.get(m.id)
      if (!job) return
      slot.jobs.delete(m.id)
      if (m.out) job.resolve(m.out)
      else job.reject(new Error(`Chunk preparation failed: ${m.error}`))
    })
    worker.on('error', (err) => {
      this.onError?.(err)
      fail(err)
    })
    worker.on('exit', (code) => fail(new Error(`The chunk worker exited (${code}).`)))
    this.slots.push(slot)
    return slot
  }
}
