import { proxy, type Remote, transfer, wrap } from 'comlink'
import type { CheckedFile, CheckOptions, ParseApi, WorkerResult } from './worker/parse-worker.ts'

/**
 * Owns the parse worker's lifecycle: started on first use, terminated on abort (which is the
 * only way to stop a parse mid-way) and recreated on the next call.
 */
class ParseBridge {
  private worker: Worker | null = null
  private api: Remote<ParseApi> | null = null

  private start(): Remote<ParseApi> {
    if (!this.api) {
      this.worker = new Worker(new URL('./worker/parse-worker.ts', import.meta.url), {
        type: 'module',
      })
      this.api = wrap<ParseApi>(this.worker)
    }
    return this.api
  }

  /** Reads, maps and validates a file in the worker; rejects with the reason when `signal` aborts. */
  async checkFile(
    file: Blob,
    options: CheckOptions,
    signal: AbortSignal,
    onProgress?: (fraction: number) => void,
  ): Promise<WorkerResult<CheckedFile>> {
    const bytes = await file.arrayBuffer()
    signal.throwIfAborted()
    const api = this.start()
    const aborted = new Promise<never>((_, reject) => {
      signal.addEventListener(
        'abort',
        () => {
          this.stop()
          reject(signal.reason)
        },
        { once: true },
      )
    })
    return Promise.race([
      api.checkFile(transfer(bytes, [bytes]), options, onProgress ? proxy(onProgress) : undefined),
      aborted,
    ])
  }

  /** Terminates the worker. */
  stop(): void {
    this.worker?.terminate()
    this.worker = null
    this.api = null
  }
}

/** The page's one parse bridge. */
export const parseBridge = new ParseBridge()
