import { setImmediate as nextTurn } from 'node:timers/promises'
import {
  type ChunkRow,
  type CreateImportBody,
  createImportBody,
  DEFAULT_CHUNK_SIZE,
  type Mapping,
} from '@leadport/shared'
import { AppError } from '../../app-error.ts'
import { failImport } from '../../db/file-imports.ts'
import { getImport, type ImportSession, listChunkNumbers } from '../../db/imports.ts'
import type { Db } from '../../db/open.ts'
import { notifyImportFinished } from '../../mail/notify-import-finished.ts'
import type { MailConfig } from '../../mail/read-mail-config.ts'
import { finishImport } from './complete-import.ts'
import { removeFile } from './import-file-disk.ts'
import { type ReadFile, type ReadLimits, readFileInWorker } from './read-file-in-worker.ts'
import { storeChunk } from './store-chunk.ts'

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

/** The request fields {@link sessionBody} reads. */
interface SessionRequest {
  campaignId: number
  fileName: string
  format: CreateImportBody['format']
  chunkSize?: number
}

/**
 * The `POST /api/imports` body for a file the worker has read: its kind, header, mapping and how
 * it was read (so a resume reads it the same way). A 400 when the file breaks a session rule.
 * @example createImportSession(db, sessionBody(req, read.data), userId)
 */
export function sessionBody(req: SessionRequest, file: ReadFile): CreateImportBody {
  const readOptions: Record<string, string | number> = { header_row: file.headerRow }
  if (file.sheet) readOptions.sheet = file.sheet.slice(0, 256)
  if (file.encoding) readOptions.encoding = file.encoding
  if (file.delimiter) readOptions.delimiter = file.delimiter
  const body = createImportBody.safeParse({
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
  if (!body.success) {
    const issue = body.error.issues[0]
    throw new AppError(
      'BAD_REQUEST',
      `${issue?.message ?? 'Invalid file'} (${issue?.path.join('.')})`,
    )
  }
  return body.data
}

/**
 * Reads a kept file again exactly as its import first read it (frozen mapping, format, variables,
 * sheet, header row, encoding, delimiter); its rows, or why not.
 * @example const r = await readSessionFile(session, bytes, limits)
 */
export async function readSessionFile(
  s: ImportSession,
  bytes: Uint8Array,
  limits: ReadLimits,
): Promise<{ ok: true; rows: ChunkRow[] } | { ok: false; message: string }> {
  const ro = s.options.read_options ?? {}
  const text = (k: string) => (typeof ro[k] === 'string' ? (ro[k] as string) : undefined)
  const headerRow = typeof ro.header_row === 'number' ? ro.header_row : undefined
  const read = await readFileInWorker(
    {
      bytes,
      fileName: s.file_name,
      variables: s.options.variables,
      format: s.options.format,
      mapping: s.options.mapping as Mapping,
      ...(text('sheet') ? { sheet: text('sheet') } : {}),
      ...(headerRow ? { headerRow } : {}),
      ...(text('encoding') ? { encoding: text('encoding') } : {}),
      ...(text('delimiter') ? { delimiter: text('delimiter') } : {}),
    },
    limits,
  )
  if (!read.ok) return { ok: false, message: read.error.message }
  if (read.data.rows.length !== s.expected_rows) {
    return {
      ok: false,
      message: `the kept file now has ${read.data.rows.length} rows instead of ${s.expected_rows}. Send the file again.`,
    }
  }
  return { ok: true, rows: read.data.rows }
}

/**
 * Stores a background import's rows chunk by chunk (skipping chunks already in the ledger), one
 * event-loop turn apart so requests keep being served; then completes it, enqueues the email and
 * deletes its kept `file`. Stops at a chunk boundary on `signal` (the file stays, to resume).
 * An error fails the import with its message.
 * @example await storeFileRows(db, session, rows, '/srv/leadport/imports/12.csv', signal, deps)
 */
export async function storeFileRows(
  db: Db,
  session: ImportSession,
  rows: readonly ChunkRow[],
  file: string,
  signal: AbortSignal,
  deps: FileImportDeps,
): Promise<void> {
  const size = session.chunk_size
  const stored = new Set(listChunkNumbers(db, session.id))
  try {
    for (let n = 0; n * size < rows.length; n++) {
      if (stored.has(n)) continue
      await nextTurn()
      if (signal.aborted) return
      const current = getImport(db, session.id)
      if (current?.status !== 'uploading') return removeFile(file)
      storeChunk(db, current, n, rows.slice(n * size, (n + 1) * size))
    }
    const enqueued = db
      .transaction(() => {
        finishImport(db, session.id)
        return notifyImportFinished(db, session.id, deps.mail, { background: true })
      })
      .immediate()
    if (enqueued !== null) deps.onEnqueued?.()
  } catch (err) {
    const reason = err instanceof AppError ? err.message : 'Storing the rows failed on the server.'
    if (!(err instanceof AppError)) deps.onUnexpected?.(err)
    failImport(db, session.id, reason)
  }
  await removeFile(file)
}
