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
 * Rows per multi-row INSERT (5 parameters × 200 rows stays far below SQLite's parameter limit).
 * The statement has no `RETURNING`: when it inserted every row (the common case) nothing more
 * is asked; only a statement that skipped some asks which of its rows went in. `RETURNING`
 * cost ~0.8 µs a row (server/bench/INGEST-NOTES.md).
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
    s = db.prepare(
      `INSERT INTO leads ${COLUMNS} VALUES ${values}
       ON CONFLICT (campaign_id, phone_e164) DO NOTHING`,
    )
    byDb.set(rows, s)
  }
  return s
}

/**
 * Inserts an import's leads, skipping numbers the campaign already has
 * (`UNIQUE(campaign_id, phone_e164)`), and returns the row numbers that were inserted. Rows
 * must have distinct row numbers; a number repeated in the batch is inserted once (the first
 * time). Insert in number order: the unique index then takes its pages in order. Call inside the
 * transaction that read the campaign's status. Adds the inserted rows to `inserted` if given.
 * @example insertLeadColumns(db, 1000, batch, { importId: 7, status: 'created', nextAttemptAt: null, now })
 */
export function insertLeadColumns(
  db: Db,
  campaignId: number,
  leads: LeadBatch,
  o: ImportLeadsOptions,
  inserted = new Set<number>(),
): Set<number> {
  const ref = String(o.importId)
  const named = { campaign: campaignId, status: o.status, next: o.nextAttemptAt, ref, now: o.now }
  const total = leads.row.length
  const args: unknown[] = []
  for (let start = 0; start < total; start += INSERT_BATCH) {
    const end = Math.min(start + INSERT_BATCH, total)
    args.length = 0
    for (let i = start; i < end; i++) {
      args.push(leads.phone[i], leads.ext[i], leads.secondary[i], leads.variables[i], leads.row[i])
    }
    args.push(named)
    const { changes } = insertStatement(db, end - start).run(...args)
    if (changes === end - start) {
      for (let i = start; i < end; i++) inserted.add(leads.row[i] as number)
      continue
    }
    // None went in (the same list imported again): nothing to ask.
    if (changes === 0) continue
    // Some numbers were there already: a row went in if the lead now holding its number is it
    // (an import's rows have distinct row numbers).
    for (let i = start; i < end; i++) {
      const lead = findExistingLead(db, campaignId, leads.phone[i] as string)
      const row = leads.row[i] as number
      if (lead?.origin_kind === 'import' && lead.origin_ref === ref && lead.origin_row === row) {
        inserted.add(row)
      }
    }
  }
  return inserted
}

const findStatements = new WeakMap<Db, Statement>()

/** Where the campaign's lead with this number came from, or `undefined` if there is none. */
export function findExistingLead(
  db: Db,
  campaignId: number,
  phoneE164: string,
): ExistingLead | undefined {
  // Asked once per row the campaign already has: the statement is prepared once per connection.
  let s = findStatements.get(db)
  if (!s) {
    s = db.prepare(
      'SELECT origin_kind, origin_ref, origin_row FROM leads WHERE campaign_id = ? AND phone_e164 = ?',
    )
    findStatements.set(db, s)
  }
  return s.get(campaignId, phoneE164) as ExistingLead | undefined
}
