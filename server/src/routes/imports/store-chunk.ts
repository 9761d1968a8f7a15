import type { ChunkResult, ChunkRow, ImportCounts } from '@leadport/shared'
import { issueMessage } from '@leadport/shared'
import { AppError } from '../../app-error.ts'
import { readCampaignStatus } from '../../db/campaigns.ts'
import { type ImportErrorRow, insertImportErrors } from '../../db/import-errors.ts'
import { findExistingLead, type ImportLead, insertImportLeads } from '../../db/import-leads.ts'
import {
  findChunk,
  type ImportSession,
  readImportStatus,
  recordChunk,
  type StoredChunk,
} from '../../db/imports.ts'
import type { Db } from '../../db/open.ts'
import { checkChunk } from './check-chunk.ts'

/*
 * One chunk, exactly once:
 * 1. A chunk number already in the ledger answers its stored result when the body hash matches
 *    (`replay: true`, nothing changes) and 409 when it does not. Checked before validating (cheap
 *    replays) and again inside the transaction (a concurrent twin may have committed meanwhile).
 * 2. Otherwise, in one `BEGIN IMMEDIATE` transaction: read the import's and the campaign's status
 *    (so `created`/`scheduled` agrees with a concurrent Start or Pause), insert the valid rows
 *    with `ON CONFLICT (campaign_id, phone_e164) DO NOTHING`, store every skipped row, record the
 *    chunk with its hash and result, and add its counts to the import.
 * In-file duplicates across chunks: chunks may arrive in any order and several at once, and no
 * memory survives a restart, so the database decides. Each lead keeps the import (`origin_ref`)
 * and file row (`origin_row`) that inserted it. A row whose number the campaign already has is
 * `DUPLICATE_IN_FILE` ("same number as row Y") when that lead came from this import, and
 * `DUPLICATE_IN_CAMPAIGN` otherwise. The row committed first is the one kept; a client that sends
 * chunks in order (ours does) keeps the first row of the file, like the browser's review.
 */

function replayOrConflict(stored: StoredChunk, hash: string, n: number): ChunkResult {
  if (stored.body_sha256 !== hash) {
    throw new AppError(
      'CONFLICT',
      `Chunk ${n} of this import was already stored with different rows. Resend the same rows, or start a new import if the file changed.`,
    )
  }
  return { ...(JSON.parse(stored.result) as ChunkResult), replay: true }
}

/** Checks a chunk's number and row count against the import's plan; throws 400/409 otherwise. */
export function checkChunkPlace(session: ImportSession, n: number, rows: readonly ChunkRow[]) {
  const total = Math.ceil(session.expected_rows / session.chunk_size)
  if (n >= total) {
    throw new AppError(
      'BAD_REQUEST',
      `This import has ${total} chunks (0 to ${total - 1}); there is no chunk ${n}.`,
    )
  }
  const want = n < total - 1 ? session.chunk_size : session.expected_rows - n * session.chunk_size
  if (rows.length !== want) {
    throw new AppError(
      'BAD_REQUEST',
      `Chunk ${n} must hold ${want} rows (chunk size ${session.chunk_size}, ${session.expected_rows} rows in all); it has ${rows.length}.`,
    )
  }
  for (let i = 1; i < rows.length; i++) {
    if ((rows[i] as ChunkRow).row <= (rows[i - 1] as ChunkRow).row) {
      throw new AppError('BAD_REQUEST', 'Rows in a chunk must be in file order (row ascending).')
    }
  }
}

/**
 * Stores one chunk of an import exactly once (see the contract above) and returns its result.
 * @example storeChunk(db, session, 0, rows, sha256) // { n: 0, inserted: 2000, replay: false, ... }
 */
export function storeChunk(
  db: Db,
  session: ImportSession,
  n: number,
  rows: readonly ChunkRow[],
  hash: string,
): ChunkResult {
  const prior = findChunk(db, session.id, n)
  if (prior) return replayOrConflict(prior, hash, n)
  checkChunkPlace(session, n, rows)
  const checked = checkChunk(db, session, rows)
  return db
    .transaction((): ChunkResult => {
      const again = findChunk(db, session.id, n)
      if (again) return replayOrConflict(again, hash, n)
      if (readImportStatus(db, session.id) !== 'uploading') {
        throw new AppError('CONFLICT', `Import ${session.id} is complete and takes no more chunks.`)
      }
      const campaign = readCampaignStatus(db, session.campaign_id)
      if (!campaign) throw new AppError('NOT_FOUND', `Campaign ${session.campaign_id} is gone.`)
      if (campaign === 'completed') {
        throw new AppError(
          'CONFLICT',
          `Campaign ${session.campaign_id} is completed and takes no more leads.`,
        )
      }
      const now = new Date().toISOString()
      const scheduled = campaign === 'in_progress'
      const inserted = insertImportLeads(db, session.campaign_id, checked.leads, {
        importId: session.id,
        status: scheduled ? 'scheduled' : 'created',
        nextAttemptAt: scheduled ? now : null,
        now,
      })
      const counts: ImportCounts = {
        rows: rows.length,
        inserted: inserted.size,
        invalid: checked.invalid.length,
        duplicate_in_file: checked.duplicates.length,
        duplicate_in_campaign: 0,
        warnings: 0,
      }
      const skipped: ImportErrorRow[] = checked.invalid.concat(checked.duplicates)
      const ref = String(session.id)
      for (let i = 0; i < checked.leads.length; i++) {
        const lead = checked.leads[i] as ImportLead
        if (inserted.has(lead.row)) {
          if (checked.warned[i]) counts.warnings++
          continue
        }
        const existing = findExistingLead(db, session.campaign_id, lead.phone_e164)
        const sameFile = existing?.origin_kind === 'import' && existing.origin_ref === ref
        if (sameFile) counts.duplicate_in_file++
        else counts.duplicate_in_campaign++
        const code = sameFile ? 'DUPLICATE_IN_FILE' : 'DUPLICATE_IN_CAMPAIGN'
        const row = rows[checked.at[i] as number] as ChunkRow
        skipped.push({
          row_number: lead.row,
          cells: row.cells,
          codes: [code],
          messages: [issueMessage(code, { firstRow: existing?.origin_row ?? undefined })],
        })
      }
      insertImportErrors(db, session.id, skipped)
      const result: ChunkResult = { n, ...counts, replay: false }
      recordChunk(db, session.id, n, hash, counts, JSON.stringify(result))
      return result
    })
    .immediate()
}
