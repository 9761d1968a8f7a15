import type { Db } from './open.ts'

/** A stored answer to a request made with an Idempotency-Key. */
export interface StoredAnswer {
  body_hash: string
  status: number
  response: string
}

/** The answer stored under a key in a scope, or `undefined`. */
export function findStoredAnswer(db: Db, scope: string, key: string): StoredAnswer | undefined {
  return db
    .prepare('SELECT body_hash, status, response FROM idempotency_keys WHERE scope = ? AND key = ?')
    .get(scope, key) as StoredAnswer | undefined
}

/** Stores the answer to a request under its key (call in the transaction that did the work). */
export function storeAnswer(db: Db, scope: string, key: string, answer: StoredAnswer): void {
  db.prepare(
    `INSERT INTO idempotency_keys (scope, key, body_hash, status, response) VALUES (?, ?, ?, ?, ?)`,
  ).run(scope, key, answer.body_hash, answer.status, answer.response)
}

/** Forgets the answers stored before `before` (ISO time); returns how many. */
export function purgeAnswers(db: Db, before: string): number {
  return db.prepare('DELETE FROM idempotency_keys WHERE created_at < ?').run(before).changes
}
