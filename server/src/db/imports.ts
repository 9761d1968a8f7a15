import type {
  AssistantVariable,
  Import,
  ImportCounts,
  Mapping,
  PhoneFormat,
} from '@leadport/shared'
import type { Db } from './open.ts'

/** What an import validates with, frozen at creation (stored as JSON in `imports.options`). */
export interface ImportOptions {
  header: (string | null)[]
  format: PhoneFormat
  mapping: Mapping
  /** The campaign assistant's variables when the import was created. */
  variables: AssistantVariable[]
  read_options?: Record<string, string | number>
}

/** An import session row with its options parsed. */
export interface ImportSession {
  id: number
  campaign_id: number
  created_by: number | null
  status: Import['status']
  file_name: string
  file_kind: Import['file_kind']
  options: ImportOptions
  expected_rows: number
  chunk_size: number
  counts: ImportCounts
  created_at: string
  updated_at: string
  completed_at: string | null
}

/** Fields of a new import session. */
export interface NewImport {
  campaign_id: number
  /** The signed-in user who started it; `null` for an API key. */
  created_by: number | null
  file_name: string
  file_kind: Import['file_kind']
  options: ImportOptions
  expected_rows: number
  chunk_size: number
}

/** Inserts an import session (status `uploading`) and returns its id. */
export function insertImport(db: Db, f: NewImport): number {
  return db
    .prepare(
      `INSERT INTO imports (campaign_id, created_by, file_name, file_kind, options, expected_rows,
         chunk_size)
       VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    )
    .pluck()
    .get(
      f.campaign_id,
      f.created_by,
      f.file_name,
      f.file_kind,
      JSON.stringify(f.options),
      f.expected_rows,
      f.chunk_size,
    ) as number
}

interface ImportRow extends Omit<ImportSession, 'options' | 'counts'>, ImportCounts {
  options: string
}

/** One import session, or `undefined`. */
export function getImport(db: Db, id: number): ImportSession | undefined {
  const r = db.prepare('SELECT * FROM imports WHERE id = ?').get(id) as ImportRow | undefined
  if (!r) return undefined
  return {
    id: r.id,
    campaign_id: r.campaign_id,
    created_by: r.created_by,
    status: r.status,
    file_name: r.file_name,
    file_kind: r.file_kind,
    options: JSON.parse(r.options) as ImportOptions,
    expected_rows: r.expected_rows,
    chunk_size: r.chunk_size,
    counts: {
      rows: r.rows,
      inserted: r.inserted,
      invalid: r.invalid,
      duplicate_in_file: r.duplicate_in_file,
      duplicate_in_campaign: r.duplicate_in_campaign,
      warnings: r.warnings,
    },
    created_at: r.created_at,
    updated_at: r.updated_at,
    completed_at: r.completed_at,
  }
}

/** An import's status, or `undefined` when it does not exist (cheap; read inside a chunk). */
export function readImportStatus(db: Db, id: number): Import['status'] | undefined {
  return db.prepare('SELECT status FROM imports WHERE id = ?').pluck().get(id) as
    | Import['status']
    | undefined
}

/** A ledger entry: the body's hash and the answer given when it was stored. */
export interface StoredChunk {
  body_sha256: string
  rows: number
  result: string
}

/** The ledger entry of chunk `n`, or `undefined` when it is not stored yet. */
export function findChunk(db: Db, importId: number, n: number): StoredChunk | undefined {
  return db
    .prepare('SELECT body_sha256, rows, result FROM import_chunks WHERE import_id = ? AND n = ?')
    .get(importId, n) as StoredChunk | undefined
}

/** The stored chunk numbers of an import, ascending. */
export function listChunkNumbers(db: Db, importId: number): number[] {
  return db
    .prepare('SELECT n FROM import_chunks WHERE import_id = ? ORDER BY n')
    .pluck()
    .all(importId) as number[]
}

/** Stored chunks and their rows, for completing an import. */
export function sumChunks(db: Db, importId: number): { chunks: number; rows: number } {
  return db
    .prepare(
      'SELECT count(*) AS chunks, coalesce(sum(rows), 0) AS rows FROM import_chunks WHERE import_id = ?',
    )
    .get(importId) as { chunks: number; rows: number }
}

/**
 * Records chunk `n` in the ledger and adds its counts to the import. Call inside the chunk's
 * transaction, with the leads and error rows it stored.
 */
export function recordChunk(
  db: Db,
  importId: number,
  n: number,
  hash: string,
  counts: ImportCounts,
  result: string,
): void {
  db.prepare(
    'INSERT INTO import_chunks (import_id, n, body_sha256, rows, result) VALUES (?, ?, ?, ?, ?)',
  ).run(importId, n, hash, counts.rows, result)
  db.prepare(
    `UPDATE imports SET rows = rows + @rows, inserted = inserted + @inserted,
       invalid = invalid + @invalid, duplicate_in_file = duplicate_in_file + @duplicate_in_file,
       duplicate_in_campaign = duplicate_in_campaign + @duplicate_in_campaign,
       warnings = warnings + @warnings, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
     WHERE id = @id`,
  ).run({ ...counts, id: importId })
}

/** Marks an import completed (once; a second call leaves `completed_at` alone). */
export function completeImport(db: Db, importId: number): void {
  db.prepare(
    `UPDATE imports SET status = 'completed',
       completed_at = coalesce(completed_at, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
       updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
     WHERE id = ?`,
  ).run(importId)
}

/** The variables of a campaign's assistant (none without an assistant). */
export function readCampaignVariables(db: Db, campaignId: number): AssistantVariable[] {
  const json = db
    .prepare(
      `SELECT a.variables FROM campaigns c JOIN assistants a ON a.id = c.assistant_id
       WHERE c.id = ?`,
    )
    .pluck()
    .get(campaignId) as string | undefined
  return json === undefined ? [] : (JSON.parse(json) as AssistantVariable[])
}
