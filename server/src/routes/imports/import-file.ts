import { createHash } from 'node:crypto'
import { setImmediate as nextTurn } from 'node:timers/promises'
import {
  type ChunkRow,
  createImportBody,
  DEFAULT_CHUNK_SIZE,
  type Mapping,
  type PhoneFormat,
} from '@leadport/shared'
import { AppError } from '../../app-error.ts'
import { readCampaignStatus } from '../../db/campaigns.ts'
import { getImport, readCampaignVariables } from '../../db/imports.ts'
import type { Db } from '../../db/open.ts'
import { notifyImportFinished } from '../../mail/notify-import-finished.ts'
import type { MailConfig } from '../../mail/read-mail-config.ts'
import { finishImport } from './complete-import.ts'
import { createImportSession } from './create-import.ts'
import { type ReadFile, type ReadLimits, readFileInWorker } from './read-file-in-worker.ts'
import { storeChunk } from './store-chunk.ts'

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

/** What background file imports need; every field has a default. */
export interface FileImportDeps {
  /** Email settings; without them no email is enqueued. */
  mail?: MailConfig
  /** Called after an email is enqueued (to wake the outbox sender). */
  onEnqueued?: () => void
  /** Receives errors of a background import (logging). */
  onUnexpected?: (err: unknown) => void
  limits?: Partial<Omit<ReadLimits, 'signal'>>
}

function sessionBody(req: FileImportRequest, file: ReadFile) {
  const readOptions: Record<string, string | number> = { header_row: file.headerRow }
  if (file.sheet) readOptions.sheet = file.sheet.slice(0, 256)
  if (file.encoding) readOptions.encoding = file.encoding
  if (file.delimiter) readOptions.delimiter = file.delimiter
  return createImportBody.safeParse({
    campaign_id: req.campaignId,
    file_name: req.fileName.slice(0, 255) || 'upload',
    file_kind: file.kind,
    header: file.header.map((h) => (h === null ? null : h.slice(0, 1_000))),
    format: req.format,
    mapping: file.mapping,
    read_options: readOptions,
    expected_rows: file.rows.length,
    chunk_size: req.chunkSize ?? DEFAULT_CHUNK_SIZE,
  })
}

/**
 * Background imports of whole files. `start` reads the file in a worker (a 4xx for a bad file,
 * before anything is stored), creates the import session and returns its id; the rows are then
 * stored chunk by chunk through {@link storeChunk}, one event-loop turn apart, so
 * `GET /api/imports/:id` shows the progress. The last step completes the import and enqueues the
 * email in one transaction. `stop` (shutdown) ends reading and storing at a chunk boundary.
 * @example const imports = createFileImports(deps); const id = await imports.start(db, req)
 */
export function createFileImports(deps: FileImportDeps = {}) {
  const stopping = new AbortController()
  const running = new Set<Promise<void>>()

  async function store(db: Db, id: number, rows: ChunkRow[], size: number): Promise<void> {
    for (let n = 0; n * size < rows.length; n++) {
      await nextTurn()
      if (stopping.signal.aborted) return
      const session = getImport(db, id)
      if (!session) return
      const chunk = rows.slice(n * size, (n + 1) * size)
      const hash = createHash('sha256').update(JSON.stringify(chunk)).digest('hex')
      storeChunk(db, session, n, chunk, hash)
    }
    const enqueued = db
      .transaction(() => {
        finishImport(db, id)
        return notifyImportFinished(db, id, deps.mail, { background: true })
      })
      .immediate()
    if (enqueued !== null) deps.onEnqueued?.()
  }

  return {
    /** Reads and checks the file, creates the import and starts storing it; the import id. */
    async start(db: Db, req: FileImportRequest): Promise<number> {
      const status = readCampaignStatus(db, req.campaignId)
      if (!status) throw new AppError('NOT_FOUND', `Campaign ${req.campaignId} does not exist.`)
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
        {
          timeoutMs: deps.limits?.timeoutMs ?? 120_000,
          maxHeapMb: deps.limits?.maxHeapMb ?? 1_536,
          signal: stopping.signal,
          onError: deps.onUnexpected,
        },
      )
      if (!read.ok) throw new AppError(read.error.code, read.error.message)
      const body = sessionBody(req, read.data)
      if (!body.success) {
        const issue = body.error.issues[0]
        throw new AppError(
          'BAD_REQUEST',
          `${issue?.message ?? 'Invalid file'} (${issue?.path.join('.')})`,
        )
      }
      const id = createImportSession(db, body.data, req.userId)
      const job = store(db, id, read.data.rows, body.data.chunk_size)
        .catch((err) => deps.onUnexpected?.(err))
        .finally(() => running.delete(job))
      running.add(job)
      return id
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
