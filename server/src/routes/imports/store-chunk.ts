import type { ChunkResult, ChunkRow } from '@leadport/shared'
import type { ImportSession } from '../../db/imports.ts'
import type { Db } from '../../db/open.ts'
import { hashRows, prepareRows, ValidatorCache } from '../../ingest/prepare-chunk.ts'
import { replayedOutcome, writeChunkGroup } from '../../ingest/write-group.ts'

const caches = new WeakMap<Db, ValidatorCache>()

/**
 * Stores one chunk of already-parsed rows exactly once, synchronously, in a commit of its own
 * (background file imports; chunks over HTTP go through the group-commit path in
 * server/src/ingest, with the same contract: see write-group.ts). Throws the AppError to answer
 * when the chunk is refused.
 * @example storeChunk(db, session, 0, rows) // { n: 0, inserted: 2000, replay: false, ... }
 */
export function storeChunk(
  db: Db,
  session: ImportSession,
  n: number,
  rows: readonly ChunkRow[],
): ChunkResult {
  const hash = hashRows(rows)
  let cache = caches.get(db)
  if (!cache) {
    cache = new ValidatorCache()
    caches.set(db, cache)
  }
  const outcome =
    replayedOutcome(db, session, n, hash) ??
    writeChunkGroup(db, [
      {
        session,
        n,
        prepared: prepareRows(
          {
            key: `${session.id}@${session.created_at}`,
            options: session.options,
            expectedRows: session.expected_rows,
            chunkSize: session.chunk_size,
            n,
          },
          rows,
          hash,
          cache,
        ),
      },
    ])[0]
  if (!outcome) throw new Error('writeChunkGroup returned no outcome')
  if (!outcome.ok) throw outcome.error
  return outcome.result
}
