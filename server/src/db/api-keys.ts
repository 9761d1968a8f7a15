import type { ApiKey } from '@leadport/shared'
import type { Db } from './open.ts'

const COLUMNS = `k.id, k.name, 'lp_' || k.prefix AS prefix, u.email AS created_by, k.created_at,
  k.last_used_at`

/** Stores a new key's prefix and secret hash; returns its metadata. */
export function insertApiKey(
  db: Db,
  k: { prefix: string; secretHash: string; name: string; createdBy: number | null },
): ApiKey {
  const { id } = db
    .prepare(
      'INSERT INTO api_keys (prefix, secret_hash, name, created_by) VALUES (?, ?, ?, ?) RETURNING id',
    )
    .get(k.prefix, k.secretHash, k.name, k.createdBy) as { id: number }
  return db
    .prepare(
      `SELECT ${COLUMNS} FROM api_keys k LEFT JOIN users u ON u.id = k.created_by WHERE k.id = ?`,
    )
    .get(id) as ApiKey
}

/** Keys that are not revoked, newest first. */
export function listApiKeys(db: Db): ApiKey[] {
  return db
    .prepare(
      `SELECT ${COLUMNS} FROM api_keys k LEFT JOIN users u ON u.id = k.created_by
       WHERE k.revoked_at IS NULL ORDER BY k.id DESC`,
    )
    .all() as ApiKey[]
}

/** A live (not revoked) key's id, secret hash and last use, by its prefix. */
export function findApiKey(
  db: Db,
  prefix: string,
): { id: number; secret_hash: string; last_used_at: string | null } | undefined {
  return db
    .prepare(
      'SELECT id, secret_hash, last_used_at FROM api_keys WHERE prefix = ? AND revoked_at IS NULL',
    )
    .get(prefix) as { id: number; secret_hash: string; last_used_at: string | null } | undefined
}

/** Records a key's use. */
export function touchApiKey(db: Db, id: number, now: string) {
  db.prepare('UPDATE api_keys SET last_used_at = ? WHERE id = ?').run(now, id)
}

/** Revokes a key; whether a live key was revoked. */
export function revokeApiKey(db: Db, id: number, now: string): boolean {
  return (
    db
      .prepare('UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL')
      .run(now, id).changes > 0
  )
}
