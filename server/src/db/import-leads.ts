import type { Statement } from 'better-sqlite3'
import type { Db } from './open.ts'

/** Validated rows of an import, one array per column, in the order to insert them. */
export interface LeadBatch {
  row: number[]
  phone: string[]
  ext: (string | null)[]
  /** JSON array text. */
  secondary: string[]
  /** JSON object text. */
  variables: string[]
}

/** How {@link insertLeadColumns} stores a chunk's leads. */
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
 * Inserts an import's leads, skipping numbers the campaign already has
 * (`UNIQUE(campaign_id, phone_e164)`), and returns the row numbers that were inserted. Rows
 * must have distinct row numbers; a number repeated in the batch is inserted once (the first
 * time). Insert in number order: the unique index then takes its pages in order. Call inside the
 * transaction that read the campaign's status.
 * @example insertLeadColumns(db, 1000, batch, { importId: 7, status: 'created', nextAttemptAt: null, now })
 */
export function insertLeadColumns(
  db: Db,
  campaignId: number,
  leads: LeadBatch,
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
  const total = leads.row.length
  const args: unknown[] = []
  for (let start = 0; start < total; start += INSERT_BATCH) {
    const end = Math.min(start + INSERT_BATCH, total)
    args.length = 0
    for (let i = start; i < end; i++) {
      args.push(leads.phone[i], leads.ext[i], leads.secondary[i], leads.variables[i], leads.row[i])
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
