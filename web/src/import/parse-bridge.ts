import { type Remote, transfer, wrap } from 'comlink'
import type { ParseApi } from './worker/parse-worker.ts'
import type { OpenedFile, WorkerResult } from './worker/types.ts'

interface Handle {
  worker: Worker
  remote: Remote<ParseApi>
}

function startWorker(name: string): Handle {
  const worker = new Worker(new URL('./worker/parse-worker.ts', import.meta.url), {
    type: 'module',
    name,
  })
  return { worker, remote: wrap<ParseApi>(worker) }
}

/**
 * Owns the parse worker's lifecycle: started on first use (or ahead, by `warm()`), terminated by
 * `stop()` (the only way to stop a parse mid-way, and what cancelling does) and recreated on the
 * next call. The worker keeps the open file, so a stopped worker needs the file opened again.
 * A second, spare worker can run a job ahead (the full check while the user is still choosing)
 * on the other core; `adoptSpare()` makes it the page's worker.
 */
class ParseBridge {
  private main: Handle | null = null
  private spare: Handle | null = null
  // The spare worker was started ahead and runs nothing yet.
  private spareFresh = false
  // A helper worker started ahead, for the next `startHelper`.
  private helper: Handle | null = null
  // Nothing was asked of the main worker yet: `open` may use it instead of starting another.
  private fresh = false

  /** The worker's API (starting the worker if needed). */
  get api(): Remote<ParseApi> {
    this.fresh = false
    return this.started().remote
  }

  private started(): Handle {
    this.main ??= startWorker('parse-worker')
    return this.main
  }

  /**
   * Starts the worker, a spare and a helper ahead of their first use (their code loads while the user
   * picks a file).
   */
  warm(): void {
    if (!this.main) {
      this.started()
      this.fresh = true
    }
    if (!this.spare) {
      this.spare = startWorker('parse-worker-ahead')
      this.spareFresh = true
    }
    this.helper ??= startWorker('parse-worker-helper')
  }

  /**
   * Starts a spare worker (ending the previous spare) for a job ahead of time.
   * @example const spare = parseBridge.startSpare(); await spare.open(file, file.name)
   */
  startSpare(): Remote<ParseApi> {
    if (!this.spare || !this.spareFresh) {
      this.dropSpare()
      this.spare = startWorker('parse-worker-ahead')
    }
    this.spareFresh = false
    return this.spare.remote
  }

  /** Makes the spare worker the page's worker (the old one ends with its file). */
  adoptSpare(): void {
    if (!this.spare) return
    this.stop()
    this.main = this.spare
    this.spare = null
    this.spareFresh = false
  }

  /**
   * Starts a helper worker for one job; end it with `dropHelper(handle)`.
   * @example const h = parseBridge.startHelper(); await h.remote.open(file, file.name)
   */
  startHelper(): { remote: Remote<ParseApi>; worker: Worker } {
    const handle = this.helper ?? startWorker('parse-worker-helper')
    this.helper = null
    return handle
  }

  /** Ends a helper worker (or, without one, the helper started ahead). */
  dropHelper(handle?: { worker: Worker }): void {
    if (handle) {
      handle.worker.terminate()
      return
    }
    this.helper?.worker.terminate()
    this.helper = null
  }

  /** Ends the spare worker, if any. */
  dropSpare(): void {
    this.spare?.worker.terminate()
    this.spare = null
    this.spareFresh = false
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
    if (!this.fresh) this.stop()
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
    this.main?.worker.terminate()
    this.main = null
    this.fresh = false
  }
}

/** The page's one parse bridge. */
export const parseBridge = new ParseBridge()
