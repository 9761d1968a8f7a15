import type { Statement } from 'better-sqlite3'
import type { Db } from './open.ts'

/** A validated row of an import, ready to store as a lead. */
export interface ImportLead {
  row: number
  phone_e164: string
  phone_ext: string | null
  /** JSON array text. */
  secondary_phones: string
  /** JSON object text. */
  variables: string
}

/** How {@link insertImportLeads} stores a chunk's leads. */
export interface ImportLeadsOptions {
  importId: number
  status: 'created' | 'scheduled'
  nextAttemptAt: string | null
  now: string
}

/** Where an existing lead with the same number came from. */
export interface ExistingLead {
  origin_kind: 'api' | 'import'
  origin_ref: string | null
  origin_row: number | null
}

/**
 * Rows per multi-row INSERT: one call returns which rows went in (`RETURNING origin_row`).
 * Against one `run()` per row it measured within noise (server/bench/INGEST-NOTES.md); 5
 * parameters × 200 rows stays far below SQLite's parameter limit.
 */
export const INSERT_BATCH = 200

const COLUMNS = `(campaign_id, phone_e164, phone_ext, secondary_phones, variables, status,
  next_attempt_at, origin_kind, origin_ref, origin_row, created_at, updated_at)`
// Per row: phone, ext, secondary, variables, row. The rest is the same for the chunk.
const ROW = "(@campaign, ?, ?, ?, ?, @status, @next, 'import', @ref, ?, @now, @now)"

const statements = new WeakMap<Db, Map<number, Statement>>()

function insertStatement(db: Db, rows: number): Statement {
  let byDb = statements.get(db)
  if (!byDb) {
    byDb = new Map()
    statements.set(db, byDb)
  }
  let s = byDb.get(rows)
  if (!s) {
    const values = new Array(rows).fill(ROW).join(',')
    s = db
      .prepare(
        `INSERT INTO leads ${COLUMNS} VALUES ${values}
         ON CONFLICT (campaign_id, phone_e164) DO NOTHING RETURNING origin_row`,
      )
      .pluck()
    byDb.set(rows, s)
  }
  return s
}

/**
 * Inserts a chunk's leads, skipping numbers the campaign already has
 * (`UNIQUE(campaign_id, phone_e164)`), and returns the row numbers that were inserted. Rows must
 * have distinct numbers and distinct row numbers (the validator guarantees both within a chunk).
 * Call inside the chunk's transaction, which also read the campaign's status.
 */
export function insertImportLeads(
  db: Db,
  campaignId: number,
  leads: readonly ImportLead[],
  o: ImportLeadsOptions,
): Set<number> {
  const inserted = new Set<number>()
  const named = {
    campaign: campaignId,
    status: o.status,
    next: o.nextAttemptAt,
    ref: String(o.importId),
    now: o.now,
  }
  for (let start = 0; start < leads.length; start += INSERT_BATCH) {
    const end = Math.min(start + INSERT_BATCH, leads.length)
    const args: unknown[] = []
    for (let i = start; i < end; i++) {
      const l = leads[i] as ImportLead
      args.push(l.phone_e164, l.phone_ext, l.secondary_phones, l.variables, l.row)
    }
    args.push(named)
    const rows = insertStatement(db, end - start).all(...args) as number[]
    for (const r of rows) inserted.add(r)
  }
  return inserted
}

/** Where the campaign's lead with this number came from, or `undefined` if there is none. */
export function findExistingLead(
  db: Db,
  campaignId: number,
  phoneE164: string,
): ExistingLead | undefined {
  return db
    .prepare(
      'SELECT origin_kind, origin_ref, origin_row FROM leads WHERE campaign_id = ? AND phone_e164 = ?',
    )
    .get(campaignId, phoneE164) as ExistingLead | undefined
}
