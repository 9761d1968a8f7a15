import type { User, UserRole } from '@leadport/shared'
import type { Db } from './open.ts'

const COLUMNS = 'id, email, name, role, created_at'

/** A user with the password hash, for login only. */
export interface UserWithHash extends User {
  password_hash: string
}

/** How many users exist (0 means first run). */
export function countUsers(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n
}

/** Inserts a user; `null` when the email is taken. */
export function insertUser(
  db: Db,
  u: { email: string; name: string; role: UserRole; passwordHash: string },
): User | null {
  return (
    (db
      .prepare(
        `INSERT INTO users (email, name, role, password_hash) VALUES (?, ?, ?, ?)
         ON CONFLICT (email) DO NOTHING RETURNING ${COLUMNS}`,
      )
      .get(u.email, u.name, u.role, u.passwordHash) as User | undefined) ?? null
  )
}

/** The user with this email (any case), with the hash, or `undefined`. */
export function findUserByEmail(db: Db, email: string): UserWithHash | undefined {
  return db.prepare(`SELECT ${COLUMNS}, password_hash FROM users WHERE email = ?`).get(email) as
    | UserWithHash
    | undefined
}

/** One user, or `undefined`. */
export function getUser(db: Db, id: number): User | undefined {
  return db.prepare(`SELECT ${COLUMNS} FROM users WHERE id = ?`).get(id) as User | undefined
}

/** Every user, oldest first. */
export function listUsers(db: Db): User[] {
  return db.prepare(`SELECT ${COLUMNS} FROM users ORDER BY id`).all() as User[]
}

/** Deletes a user (their sessions go with them); whether one was deleted. */
export function deleteUser(db: Db, id: number): boolean {
  return db.prepare('DELETE FROM users WHERE id = ?').run(id).changes > 0
}
