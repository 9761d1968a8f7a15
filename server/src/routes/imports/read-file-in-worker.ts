import type { ChunkRow, ErrorCode } from '@leadport/shared'
import { startWorker } from '../../workers/start-worker.ts'
import type { ReadFileInput, ReadFileMessage, ReadFileSummary } from './read-file-worker.ts'

/** A file read in a worker: what it is and its rows in file order. */
export interface ReadFile extends ReadFileSummary {
  rows: ChunkRow[]
}

/** A file-level failure (`FILE_EMPTY`, `FILE_ENCRYPTED`, `NO_PHONE_COLUMN`, `FILE_TOO_LARGE`...). */
export interface ReadFileError {
  code: ErrorCode
  message: string
}

/** Limits of {@link readFileInWorker}. */
export interface ReadLimits {
  /** Ends the worker after this long (a watchdog for files that take pathological time). */
  timeoutMs: number
  /** The worker's heap; a zip bomb ends the worker, not the server. */
  maxHeapMb: number
  signal?: AbortSignal
  /** Receives a worker's unexpected error (logging). */
  onError?: (err: unknown) => void
}

/**
 * Reads, maps and validates a whole lead file with `checkLeadFile` in a worker thread, so the
 * event loop keeps serving requests. The bytes are transferred (the caller's copy is detached).
 * The worker is ended on abort, on timeout and when it runs out of its heap.
 * @example const r = await readFileInWorker({ bytes, fileName, variables, format }, limits)
 */
export function readFileInWorker(
  input: Omit<ReadFileInput, 'batch'>,
  limits: ReadLimits,
): Promise<{ ok: true; data: ReadFile } | { ok: false; error: ReadFileError }> {
  const rows: ChunkRow[] = []
  const workerData: ReadFileInput = { ...input, batch: 2_000 }
  const worker = startWorker('read-file', {
    workerData,
    transferList: [input.bytes.buffer as ArrayBuffer],
    resourceLimits: { maxOldGenerationSizeMb: limits.maxHeapMb },
  })
  return new Promise((resolve) => {
    let settled = false
    const finish = (r: Awaited<ReturnType<typeof readFileInWorker>>) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      limits.signal?.removeEventListener('abort', onAbort)
      void worker.terminate()
      resolve(r)
    }
    const fail = (code: ErrorCode, message: string) =>
      finish({ ok: false, error: { code, message } })
    const onAbort = () =>
      fail('CONFLICT', 'The server is shutting down; the file was not imported. Send it again.')
    const timer = setTimeout(
      () =>
        fail(
          'FILE_TOO_LARGE',
          `Reading the file took longer than ${Math.round(limits.timeoutMs / 1000)} s. Save it as CSV, or split it, and try again.`,
        ),
      limits.timeoutMs,
    )
    limits.signal?.addEventListener('abort', onAbort, { once: true })
    if (limits.signal?.aborted) onAbort()
    worker.on('message', (m: ReadFileMessage) => {
      if (m.kind === 'rows') {
        for (const r of m.rows) rows.push(r)
      } else if (m.result.ok) finish({ ok: true, data: { ...m.result.data, rows } })
      else fail(m.result.code as ErrorCode, m.result.message)
    })
    worker.on('error', (err) => {
      if ((err as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY') {
        fail(
          'FILE_TOO_LARGE',
          'Reading this file needs more memory than the server allows. Split it.',
        )
      } else {
        limits.onError?.(err)
        fail('FILE_DAMAGED', 'The file could not be read. Save it again as CSV or XLSX and retry.')
      }
    })
    worker.on('exit', () => fail('FILE_DAMAGED', 'The file could not be read.'))
  })
}
