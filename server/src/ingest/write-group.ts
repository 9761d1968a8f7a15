import type { ChunkResult, ImportCounts } from '@leadport/shared'
import { issueMessage } from '@leadport/shared'
import { AppError } from '../app-error.ts'
import { readCampaignStatus } from '../db/campaigns.ts'
import { maxLeadId, suppressDoNotCall } from '../db/dnc.ts'
import { type ImportErrorRow, insertImportErrors } from '../db/import-errors.ts'
import { findExistingLead, insertLeadColumns } from '../db/import-leads.ts'
import {
  findChunk,
  type ImportSession,
  readImportStatus,
  recordChunk,
  type StoredChunk,
} from '../db/imports.ts'
import type { Db } from '../db/open.ts'
import { leadCells, type PreparedChunk } from './prepare-chunk.ts'

/*
 * Chunks, exactly once, several to a commit (group commit).
 * Each chunk keeps its own contract: a chunk number already in the ledger answers its stored
 * result when the body hash matches (`replay: true`, nothing changes) and 409 when it does not;
 * otherwise its valid rows are inserted with `ON CONFLICT (campaign_id, phone_e164) DO NOTHING`,
 * every skipped row is stored, and the ledger records the chunk with its hash and result, all in
 * the same `BEGIN IMMEDIATE` transaction as its campaign's and import's status read.
 * What changes is that the chunks that arrived while the previous commit ran share the next one:
 * a commit (an fsync of the WAL, and every index page the rows touched written once) is the
 * dominant cost of ingesting, and sharing it is what makes throughput (INGEST-NOTES.md). A chunk
 * is acknowledged only after the commit that holds it; a chunk refused in a group (replayed,
 * import completed, campaign gone) changes nothing and does not affect the others.
 * Each chunk's rows are inserted in number order, which turns the unique index's random inserts
 * into an in-order walk over its pages.
 * A lead whose number is on the do-not-call list is stored `suppressed` (db/dnc.ts): the campaign
 * shows it, the dialer never calls it.
 * In-file duplicates across chunks: each lead keeps the import (`origin_ref`) and file row
 * (`origin_row`) that inserted it. A row whose number the campaign already has is
 * `DUPLICATE_IN_FILE` ("same number as row Y") when that lead came from this import, and
 * `DUPLICATE_IN_CAMPAIGN` otherwise. Within a group the lower row of the file wins; across
 * groups the row committed first does (our client sends chunks in order).
 */

/** One chunk of a group: its import, its number and what preparation made of its body. */
export interface GroupChunk {
  session: ImportSession
  n: number
  prepared: PreparedChunk
}

/** What became of one chunk of a group. */
export type GroupOutcome = { ok: true; result: ChunkResult } | { ok: false; error: Error }

function replayOrConflict(stored: StoredChunk, hash: string, n: number): GroupOutcome {
  if (stored.body_sha256 !== hash) {
    return {
      ok: false,
      error: new AppError(
        'CONFLICT',
        `Chunk ${n} of this import was already stored with different rows. Resend the same rows, or start a new import if the file changed.`,
      ),
    }
  }
  return { ok: true, result: { ...(JSON.parse(stored.result) as ChunkResult), replay: true } }
}

/** The stored answer for chunk `n` when it is in the ledger already (checked before any work). */
export function replayedOutcome(
  db: Db,
  session: ImportSession,
  n: number,
  hash: string,
): GroupOutcome | undefined {
  const stored = findChunk(db, session.id, n)
  return stored ? replayOrConflict(stored, hash, n) : undefined
}

/** Why the chunk cannot be stored now, read inside the transaction; `undefined` when it can. */
function refusal(
  db: Db,
  c: GroupChunk,
  campaigns: Map<number, string | undefined>,
): GroupOutcome | undefined {
  const again = replayedOutcome(db, c.session, c.n, c.prepared.hash)
  if (again) return again
  if (c.prepared.placeError) {
    return { ok: false, error: new AppError('BAD_REQUEST', c.prepared.placeError) }
  }
  if (readImportStatus(db, c.session.id) !== 'uploading') {
    return {
      ok: false,
      error: new AppError(
        'CONFLICT',
        `Import ${c.session.id} is complete and takes no more chunks.`,
      ),
    }
  }
  const id = c.session.campaign_id
  if (!campaigns.has(id)) campaigns.set(id, readCampaignStatus(db, id))
  const status = campaigns.get(id)
  if (!status) return { ok: false, error: new AppError('NOT_FOUND', `Campaign ${id} is gone.`) }
  if (status === 'completed') {
    return {
      ok: false,
      error: new AppError('CONFLICT', `Campaign ${id} is completed and takes no more leads.`),
    }
  }
  return undefined
}

/**
 * Writes a group of chunks in one `BEGIN IMMEDIATE` transaction and returns each chunk's
 * outcome, in order. The caller guarantees that no two chunks of the group are the same chunk
 * of the same import, and that one import's chunks in a group have disjoint row ranges.
 * @example writeChunkGroup(db, [{ session, n: 0, prepared }])[0] // { ok: true, result }
 */
export function writeChunkGroup(db: Db, chunks: readonly GroupChunk[]): GroupOutcome[] {
  return db
    .transaction((): GroupOutcome[] => {
      const outcomes: (GroupOutcome | undefined)[] = []
      const campaigns = new Map<number, string | undefined>()
      const byImport = new Map<number, number[]>()
      for (let i = 0; i < chunks.length; i++) {
        const c = chunks[i] as GroupChunk
        const refused = refusal(db, c, campaigns)
        outcomes.push(refused)
        if (refused) continue
        const list = byImport.get(c.session.id)
        if (list) list.push(i)
        else byImport.set(c.session.id, [i])
      }
      const now = new Date().toISOString()
      for (const [importId, indexes] of byImport) {
        const first = chunks[indexes[0] as number] as GroupChunk
        const campaignId = first.session.campaign_id
        const scheduled = campaigns.get(campaignId) === 'in_progress'
        const since = maxLeadId(db)
        const options = {
          importId,
          status: scheduled ? ('scheduled' as const) : ('created' as const),
          nextAttemptAt: scheduled ? now : null,
          now,
        }
        // Chunk after chunk in file order (each is sorted by number), so the lower row of the
        // file keeps a number two chunks share. Merging the chunks into one number order saved
        // SQLite ~4 % and cost the event loop more than that (INGEST-NOTES.md).
        const ordered = indexes
          .map((i) => (chunks[i] as GroupChunk).prepared)
          .sort((x, y) => x.firstRow - y.firstRow)
        const inserted = new Set<number>()
        for (const p of ordered) insertLeadColumns(db, campaignId, p.leads, options, inserted)
        // Numbers on the do-not-call list are stored, as `suppressed`: never dialled.
        suppressDoNotCall(db, campaignId, since)
        for (const i of indexes) {
          outcomes[i] = { ok: true, result: finishChunk(db, chunks[i] as GroupChunk, inserted) }
        }
      }
      return outcomes as GroupOutcome[]
    })
    .immediate()
}

/** Counts a written chunk, stores its skipped rows and records it in the ledger. */
function finishChunk(db: Db, c: GroupChunk, inserted: ReadonlySet<number>): ChunkResult {
  const p = c.prepared
  const counts: ImportCounts = {
    rows: p.rowCount,
    inserted: 0,
    invalid: p.invalid.length,
    duplicate_in_file: p.duplicates.length,
    duplicate_in_campaign: 0,
    warnings: 0,
  }
  const skipped: ImportErrorRow[] = p.invalid.concat(p.duplicates)
  const ref = String(c.session.id)
  const l = p.leads
  for (let i = 0; i < l.row.length; i++) {
    const row = l.row[i] as number
    if (inserted.has(row)) {
      counts.inserted++
      if (l.warned[i]) counts.warnings++
      continue
    }
    const existing = findExistingLead(db, c.session.campaign_id, l.phone[i] as string)
    const sameFile = existing?.origin_kind === 'import' && existing.origin_ref === ref
    if (sameFile) counts.duplicate_in_file++
    else counts.duplicate_in_campaign++
    const code = sameFile ? 'DUPLICATE_IN_FILE' : 'DUPLICATE_IN_CAMPAIGN'
    skipped.push({
      row_number: row,
      cells: [],
      cellsJson: leadCells(p, i),
      codes: [code],
      messages: [issueMessage(code, { firstRow: existing?.origin_row ?? undefined })],
    })
  }
  skipped.sort((a, b) => a.row_number - b.row_number)
  insertImportErrors(db, c.session.id, skipped)
  const result: ChunkResult = { n: c.n, ...counts, replay: false }
  recordChunk(db, c.session.id, c.n, p.hash, counts, JSON.stringify(result))
  return result
}
