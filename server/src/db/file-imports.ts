import type { Import } from '@leadport/shared'
import type { Db } from './open.ts'

// Background file imports (`POST /api/imports/file`) are import sessions whose options carry
// `background: 1`; a failed one also carries `failure` (why). Kept in the options JSON rather
// than new columns so this needs no migration.

/** An unfinished background import, as the startup resume needs it. */
export interface UnfinishedFileImport {
  id: number
  file_kind: Import['file_kind']
}

/**
 * Marks an import session as a background file import (the server owns its file and finishes
 * it, resuming after a restart). Call it in the transaction that creates the session.
 * @example db.transaction(() => markFileImport(db, createImportSession(db, body)))()
 */
export function markFileImport(db: Db, importId: number): void {
  db.prepare(`UPDATE imports SET options = json_set(options, '$.background', 1) WHERE id = ?`).run(
    importId,
  )
}

/**
 * Background imports not yet completed or failed, oldest first. Browser imports (chunks sent
 * by the client, which resumes them) are never listed.
 * @example for (const { id, file_kind } of listUnfinishedFileImports(db)) resume(id, file_kind)
 */
export function listUnfinishedFileImports(db: Db): UnfinishedFileImport[] {
  return db
    .prepare(
      `SELECT id, file_kind FROM imports
       WHERE status IN ('uploading', 'processing') AND json_extract(options, '$.background') = 1
       ORDER BY id`,
    )
    .all() as UnfinishedFileImport[]
}

/**
 * Whether the server still owns the file of import `importId`: a background import that is not
 * completed or failed. Anything else found in the files folder is left over and deleted.
 * @example if (!ownsImportFile(db, 12)) unlinkSync(path)
 */
export function ownsImportFile(db: Db, importId: number): boolean {
  return (
    db
      .prepare(
        `SELECT 1 FROM imports WHERE id = ? AND status IN ('uploading', 'processing')
         AND json_extract(options, '$.background') = 1`,
      )
      .get(importId) !== undefined
  )
}

/**
 * Marks an unfinished import `failed`, recording why (`options.failure`); a completed import is
 * left alone. Returns whether it changed.
 * @example failImport(db, 12, 'The uploaded file is missing. Send the file again.')
 */
export function failImport(db: Db, importId: number, reason: string): boolean {
  return (
    db
      .prepare(
        `UPDATE imports SET status = 'failed', options = json_set(options, '$.failure', ?),
           updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
         WHERE id = ? AND status IN ('uploading', 'processing')`,
      )
      .run(reason.slice(0, 1000), importId).changes > 0
  )
}

/**
 * Why an import failed (`undefined` when it did not, or no reason was recorded).
 * @example readImportFailure(db, 12) // 'The uploaded file is missing…'
 */
export function readImportFailure(db: Db, importId: number): string | undefined {
  const reason = db
    .prepare(`SELECT json_extract(options, '$.failure') FROM imports WHERE id = ?`)
    .pluck()
    .get(importId)
  return typeof reason === 'string' ? reason : undefined
}
