import { type Remote, transfer, wrap } from 'comlink'
import type { ParseApi } from './worker/parse-worker.ts'
import type { OpenedFile, WorkerResult } from './worker/types.ts'

/**
 * Owns the parse worker's lifecycle: started on first use, terminated by `stop()` (the only way
 * to stop a parse mid-way, and what cancelling does) and recreated on the next call. The worker
 * keeps the open file, so a stopped worker needs the file opened again.
 */
class ParseBridge {
  private worker: Worker | null = null
  private remote: Remote<ParseApi> | null = null

  /** The worker's API (starting the worker if needed). */
  get api(): Remote<ParseApi> {
    if (!this.remote) {
      this.worker = new Worker(new URL('./worker/parse-worker.ts', import.meta.url), {
        type: 'module',
        name: 'parse-worker',
      })
      this.remote = wrap<ParseApi>(this.worker)
    }
    return this.remote
  }

  /**
   * Opens a file in a fresh worker. The File itself is posted (a handle: the worker reads the
   * bytes, so they never pass through this thread); a buffer is transferred, not copied.
   * Rejects with the abort reason when `signal` aborts (the worker is terminated).
   * @example const res = await parseBridge.open(file, file.name, signal)
   */
  open(
    file: Blob | ArrayBuffer,
    name: string,
    signal: AbortSignal,
  ): Promise<WorkerResult<OpenedFile>> {
    this.stop()
    return this.run(signal, (api) =>
      api.open(file instanceof ArrayBuffer ? transfer(file, [file]) : file, name),
    )
  }

  /**
   * Runs a worker call that `signal` can abort: aborting terminates the worker and rejects.
   * @example await parseBridge.run(signal, (api) => api.checkFile(settings, vars))
   */
  run<R extends Promise<unknown>>(
    signal: AbortSignal,
    call: (api: Remote<ParseApi>) => R,
  ): Promise<Awaited<R>> {
    signal.throwIfAborted()
    const api = this.api
    return new Promise<Awaited<R>>((resolve, reject) => {
      const onAbort = () => {
        this.stop()
        reject(signal.reason)
      }
      signal.addEventListener('abort', onAbort, { once: true })
      call(api).then(
        (v) => {
          signal.removeEventListener('abort', onAbort)
          resolve(v as Awaited<R>)
        },
        (e: unknown) => {
          signal.removeEventListener('abort', onAbort)
          reject(e)
        },
      )
    })
  }

  /** Terminates the worker (the open file is dropped with it). */
  stop(): void {
    this.worker?.terminate()
    this.worker = null
    this.remote = null
  }
}

/** The page's one parse bridge. */
export const parseBridge = new ParseBridge()
