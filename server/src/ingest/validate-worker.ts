// The chunk-preparation worker: parses, checks, hashes and validates chunk bodies off the event
// loop (see prepare-chunk.ts). One message in, one message out, in order.
import { parentPort } from 'node:worker_threads'
import { type PrepareInput, prepareChunk, ValidatorCache } from './prepare-chunk.ts'

/** A job for the worker. */
export interface PrepareJob {
  id: number
  input: PrepareInput
}

const cache = new ValidatorCache()
const port = parentPort
if (!port) throw new Error('validate-worker.ts runs as a worker thread')
port.on('message', (job: PrepareJob) => {
  try {
    const out = prepareChunk(job.input, cache)
    // The body goes back with the result (moved, not copied): the writer reads a refused
    // duplicate's raw cells from it.
    const body = out.ok && 'body' in out.source ? out.source.body : undefined
    port.postMessage({ id: job.id, out }, body ? [body.buffer as ArrayBuffer] : [])
  } catch (err) {
    port.postMessage({ id: job.id, error: err instanceof Error ? err.stack : String(err) })
  }
})
