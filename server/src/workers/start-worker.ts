import sea from 'node:sea'
import { Worker, type WorkerOptions } from 'node:worker_threads'
import entries from './entries.json' with { type: 'json' }

/** The workers the server can start: the keys of `entries.json`. */
export type WorkerName = keyof typeof entries

/** Name of the single binary's asset that carries a worker's bundle (see build-binary.mjs). */
export function workerAsset(name: WorkerName): string {
  return `worker:${name}`
}

/**
 * Starts a named worker thread, from source or from the single binary. From source the entry
 * (a path from the repository root in `entries.json`) is started through `worker-boot.mjs`,
 * which registers tsx for `.ts`; inside the binary the entry is an asset, a CommonJS bundle made
 * by `scripts/build-binary.mjs`, evaluated as the worker's code. Either way the worker reads
 * `workerData` and talks through `parentPort` as usual. A worker module must not use top-level
 * `await` (the bundle is CommonJS).
 * @example const w = startWorker('read-file', { workerData, transferList: [bytes.buffer] })
 */
export function startWorker(name: WorkerName, options: WorkerOptions = {}): Worker {
  if (sea.isSea()) {
    return new Worker(sea.getAsset(workerAsset(name), 'utf8'), { ...options, eval: true })
  }
  // Resolved here, not at load: in the binary's bundle import.meta.url is empty.
  const here = import.meta.url
  const entry = new URL(`../../../${entries[name]}`, here)
  return new Worker(new URL('./worker-boot.mjs', here), {
    ...options,
    argv: [...(options.argv ?? []), entry.href],
  })
}
