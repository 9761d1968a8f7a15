import type { User } from '@leadport/shared'
import type { Db } from './open.ts'

/** Stores a session under the hash of its token. */
export function insertSession(db: Db, tokenHash: string, userId: number, expiresAt: string) {
  db.prepare('INSERT INTO sessions (token_hash, user_id, expires_at) VALUES (?, ?, ?)').run(
    tokenHash,
    userId,
    expiresAt,
  )
}

/** The user of a live session and when it expires, or `undefined` (unknown or expired). */
export function findSessionUser(
  db: Db,
  tokenHash: string,
  now: string,
): { user: User; expires_at: string } | undefined {
  const row = db
    .prepare(
      `SELECT u.id, u.email, u.name, u.role, u.created_at, s.expires_at
       FROM sessions s JOIN users u ON u.id = s.user_id
       WHERE s.token_hash = ? AND s.expires_at > ?`,
    )
    .get(tokenHash, now) as (User & { expires_at: string }) | undefined
  if (!row) return undefined
  const { expires_at, ...user } = row
  return { user, expires_at }
}

/** Moves a session's expiry (sliding sessions). */
export function extendSession(db: Db, tokenHash: string, expiresAt: string) {
  db.prepare('UPDATE sessions SET expires_at = ? WHERE token_hash = ?').run(expiresAt, tokenHash)
}

/** Ends one session (logout). */
export function deleteSession(db: Db, tokenHash: string) {
  db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(tokenHash)
}

/** Removes expired sessions. */
export function purgeSessions(db: Db, now: string) {
  db.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(now)
}
