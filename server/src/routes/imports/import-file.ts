import { readFile } from 'node:fs/promises'
import type { Mapping, PhoneFormat } from '@leadport/shared'
import { AppError } from '../../app-error.ts'
import { readCampaignStatus } from '../../db/campaigns.ts'
import {
  failImport,
  listUnfinishedFileImports,
  markFileImport,
  ownsImportFile,
} from '../../db/file-imports.ts'
import { getImport, readCampaignVariables } from '../../db/imports.ts'
import type { Db } from '../../db/open.ts'
import { createImportSession } from './create-import.ts'
import {
  importFilePath,
  importFilesDir,
  keepUpload,
  newUploadPath,
  removeFile,
  sweepImportFiles,
  writeUploadPart,
} from './import-file-disk.ts'
import {
  type FileImportDeps,
  readSessionFile,
  sessionBody,
  storeFileRows,
} from './import-file-store.ts'
import { readFileInWorker } from './read-file-in-worker.ts'

export type { FileImportDeps } from './import-file-store.ts'

/** One uploaded file to import into a campaign, with how to read and map it. */
export interface FileImportRequest {
  campaignId: number
  /** The signed-in user (gets the email); `null` for an API key. */
  userId: number | null
  fileName: string
  bytes: Uint8Array
  format: PhoneFormat
  /** Detected from the header when absent. */
  mapping?: Mapping
  sheet?: string
  headerRow?: number
  encoding?: string
  delimiter?: string
  chunkSize?: number
}

/**
 * Background imports of whole files, which survive a crash. `start` writes the upload to
 * `<data>/imports/` (flushed to disk), reads it in a worker (a 4xx for a bad file, before
 * anything is stored), creates the import session and keeps the file as `<id>.<kind>` before it
 * returns the id; the rows are then stored chunk by chunk, one event-loop turn apart, and the
 * file is deleted when the import completes. `resume` (at startup) restarts every unfinished
 * background import from its file, skipping the chunks already in the ledger, and fails one
 * whose file is missing. `stop` (shutdown) ends reading and storing at a chunk boundary.
 * @example const imports = createFileImports(deps); void imports.resume(db); await imports.start(db, req)
 */
export function createFileImports(deps: FileImportDeps = {}) {
  const stopping = new AbortController()
  const running = new Set<Promise<void>>()
  // Uploads being read now: the startup sweep must not take them for a crash's leftovers.
  const reading = new Set<string>()
  const track = (job: Promise<void>) => {
    const tracked = job
      .catch((err) => deps.onUnexpected?.(err))
      .finally(() => running.delete(tracked))
    running.add(tracked)
    return tracked
  }
  const limits = () => ({
    timeoutMs: deps.limits?.timeoutMs ?? 120_000,
    maxHeapMb: deps.limits?.maxHeapMb ?? 1_536,
    signal: stopping.signal,
    onError: deps.onUnexpected,
  })

  async function resumeOne(db: Db, id: number, kind: string, dir: string): Promise<void> {
    const file = importFilePath(dir, id, kind)
    let bytes: Uint8Array
    try {
      bytes = new Uint8Array(await readFile(file))
    } catch {
      failImport(
        db,
        id,
        'The server stopped during this import and its uploaded file is missing, so it could not be finished. Send the file again.',
      )
      return
    }
    const session = getImport(db, id)
    if (!session) return removeFile(file)
    const rows = await readSessionFile(session, bytes, limits())
    if (stopping.signal.aborted) return
    if (!rows.ok) {
      failImport(db, id, `The import could not be resumed after a restart: ${rows.message}`)
      return removeFile(file)
    }
    await storeFileRows(db, session, rows.rows, file, stopping.signal, deps)
  }

  return {
    /** Keeps and reads the file, creates the import and starts storing it; the import id. */
    async start(db: Db, req: FileImportRequest): Promise<number> {
      const status = readCampaignStatus(db, req.campaignId)
      if (!status) throw new AppError('NOT_FOUND', `Campaign ${req.campaignId} does not exist.`)
      const dir = importFilesDir(db)
      // Flushed before the worker takes the bytes (they are transferred, not copied).
      const part = newUploadPath(dir)
      reading.add(part)
      try {
        await writeUploadPart(part, req.bytes)
        const read = await readFileInWorker(
          {
            bytes: req.bytes,
            fileName: req.fileName,
            variables: readCampaignVariables(db, req.campaignId),
            format: req.format,
            ...(req.mapping ? { mapping: req.mapping } : {}),
            ...(req.sheet ? { sheet: req.sheet } : {}),
            ...(req.headerRow ? { headerRow: req.headerRow } : {}),
            ...(req.encoding ? { encoding: req.encoding } : {}),
            ...(req.delimiter ? { delimiter: req.delimiter } : {}),
          },
          limits(),
        )
        if (!read.ok) throw new AppError(read.error.code, read.error.message)
        const body = sessionBody(req, read.data)
        const id = db
          .transaction(() => {
            const created = createImportSession(db, body, req.userId)
            markFileImport(db, created)
            return created
          })
          .immediate()
        // A crash before this rename leaves an import without its file: failed at the restart.
        const file = importFilePath(dir, id, read.data.kind)
        await keepUpload(part, file)
        const session = getImport(db, id)
        if (!session) throw new AppError('NOT_FOUND', `Import ${id} is gone.`)
        track(storeFileRows(db, session, read.data.rows, file, stopping.signal, deps))
        return id
      } finally {
        reading.delete(part)
        await removeFile(part)
      }
    },
    /**
     * Resumes every unfinished background import of `db` from its kept file and deletes files
     * left by finished ones. Resolves once every resumed import is stored (or stopped).
     */
    async resume(db: Db): Promise<void> {
      const dir = importFilesDir(db)
      const sweep = sweepImportFiles(dir, (id) => ownsImportFile(db, id), reading)
      await track(sweep.then(() => undefined))
      // One at a time: each holds its whole file's rows in memory while it is stored.
      for (const u of listUnfinishedFileImports(db)) {
        if (stopping.signal.aborted) return
        await track(resumeOne(db, u.id, u.file_kind, dir))
      }
    },
    /** Resolves when every started import has finished storing (tests, shutdown). */
    async idle(): Promise<void> {
      while (running.size > 0) await Promise.all(running)
    },
    /** Stops reading and storing at the next chunk boundary and waits for that. */
    async stop(): Promise<void> {
      stopping.abort()
      await this.idle()
    },
  }
}

/** The background file imports of one server. */
export type FileImports = ReturnType<typeof createFileImports>
