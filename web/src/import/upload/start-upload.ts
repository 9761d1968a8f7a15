import type { Import } from '@leadport/shared'
import { ApiError } from '../../api/client.ts'
import type { UploadOptions, UploadProgress, UploadResult, UploadSource } from './contract.ts'
import { completeImport, createImport, getImport, putChunk } from './import-api.ts'
import { RateMeter } from './rate-meter.ts'
import { dropResumable, saveResumable } from './resume-store.ts'

const RETRIES = 6

function retryable(err: unknown): boolean {
  return err instanceof ApiError && (err.status === 0 || err.status === 429 || err.status >= 500)
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(resolve, ms)
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(t)
        reject(signal.reason)
      },
      { once: true },
    )
  })
}

/**
 * Uploads the rows of `source` as an import session: creates it (or resumes `resumeId`, sending
 * only the chunks the server has not committed), sends chunks a few at a time with retries,
 * completes it and answers the server's final counts. The session is saved in IndexedDB until
 * it completes, so a reloaded page can resume it; aborting keeps it resumable.
 * @example const result = await startUpload(source, { onProgress: setProgress, signal })
 */
export async function startUpload(
  source: UploadSource,
  options: UploadOptions = {},
): Promise<UploadResult> {
  const { signal, onProgress } = options
  const campaignId = source.create.campaign_id
  let session: Import
  if (options.resumeId !== undefined) {
    session = await getImport(options.resumeId, signal)
  } else {
    session = await createImport(source.create, signal)
    await saveResumable({
      importId: session.id,
      campaignId,
      fingerprint: source.fingerprint,
      fileName: source.create.file_name,
      file: source.file,
      wizardState: source.wizardState,
      savedAt: new Date().toISOString(),
    })
  }
  const total = session.total_chunks
  const size = session.chunk_size
  const rowsTotal = session.expected_rows
  const rowsIn = (n: number) => Math.min(size, rowsTotal - n * size)
  const done = new Set(session.committed_chunks)
  let rowsStored = 0
  for (const n of done) rowsStored += rowsIn(n)
  const meter = new RateMeter()
  const report = () => {
    const rate = meter.rate()
    const p: UploadProgress = {
      importId: session.id,
      rowsStored,
      rowsTotal,
      chunksDone: done.size,
      chunksTotal: total,
      rowsPerSecond: rate,
      secondsLeft: rate > 0 ? (rowsTotal - rowsStored) / rate : null,
    }
    onProgress?.(p)
  }
  report()

  const todo: number[] = []
  for (let n = 0; n < total; n++) if (!done.has(n)) todo.push(n)
  let next = 0
  const send = async (n: number) => {
    for (let attempt = 0; ; attempt++) {
      signal?.throwIfAborted()
      // Built in the worker each time: the same bytes for the same chunk, so a resend is a replay.
      const start = performance.now()
      const body = await source.chunkBody(n)
      const built = performance.now()
      try {
        await putChunk(session.id, n, body, signal ?? new AbortController().signal)
        // Where an upload's time goes (the browser benchmark sums these).
        performance.measure('upload:body', { start, end: built })
        performance.measure('upload:put', { start: built, end: performance.now() })
        return
      } catch (err) {
        if (!retryable(err) || attempt >= RETRIES) throw err
        await sleep(Math.min(8_000, 250 * 2 ** attempt) * (0.5 + Math.random()), signal)
      }
    }
  }
  const lane = async () => {
    while (next < todo.length) {
      const n = todo[next++] as number
      await send(n)
      done.add(n)
      rowsStored += rowsIn(n)
      meter.add(rowsIn(n))
      report()
    }
  }
  const lanes = Math.max(1, Math.min(options.inFlight ?? 8, todo.length))
  await Promise.all(Array.from({ length: lanes }, lane))

  const finished = await completeImport(session.id, signal)
  await dropResumable(campaignId)
  return { importId: session.id, campaignId, counts: finished.counts }
}
