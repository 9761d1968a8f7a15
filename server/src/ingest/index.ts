import { availableParallelism } from 'node:os'
import type { ChunkResult } from '@leadport/shared'
import { AppError } from '../app-error.ts'
import type { ImportSession } from '../db/imports.ts'
import type { Db } from '../db/open.ts'
import { ChunkWriter } from './chunk-writer.ts'
import { PreparePool } from './prepare-pool.ts'
import { replayedOutcome } from './write-group.ts'

/** How chunks are ingested: preparation threads and the group-commit writer. */
export interface Ingest {
  /**
   * Stores chunk `n` of an import from its raw JSON body, exactly once; throws the AppError to
   * answer (400/409/413...) when it is refused. The body's buffer is transferred (detached).
   */
  storeChunkBody(session: ImportSession, n: number, body: Uint8Array): Promise<ChunkResult>
  /** The group-commit writer's counters. */
  readonly stats: ChunkWriter['stats']
  /** Ends the preparation threads. */
  close(): Promise<void>
}

/** Options of {@link createIngest}. */
export interface IngestOptions {
  /**
   * Worker threads that parse and validate chunks; default: one less than the cores (at least
   * one). 0 prepares inline on the event loop (tests).
   */
  workers?: number
  onError?: (err: unknown) => void
}

/**
 * The chunk ingestion of one database: bodies are prepared on worker threads while the event
 * loop writes the previous ones in group commits (server/bench/INGEST-NOTES.md).
 * @example const ingest = createIngest(db); await ingest.storeChunkBody(session, 0, bytes)
 */
export function createIngest(db: Db, o: IngestOptions = {}): Ingest {
  const pool = new PreparePool(o.workers ?? Math.max(1, availableParallelism() - 1), o.onError)
  const writer = new ChunkWriter(db, () => pool.pending())
  return {
    async storeChunkBody(session, n, body) {
      const prepared = await pool.prepare({
        key: `${session.id}@${session.created_at}`,
        options: session.options,
        expectedRows: session.expected_rows,
        chunkSize: session.chunk_size,
        n,
        body,
      })
      if (!prepared.ok) {
        throw new AppError(prepared.code, prepared.message)
      }
      const outcome =
        replayedOutcome(db, session, n, prepared.hash) ??
        (await writer.write({ session, n, prepared }))
      if (!outcome.ok) throw outcome.error
      return outcome.result
    },
    stats: writer.stats,
    close: () => pool.close(),
  }
}
