import type { Db } from './open.ts'
import type { OutboxMessage } from './outbox.ts'

/**
 * The most recent outbox messages, newest first (the admin's Email outbox page).
 * @example listRecentOutboxMessages(db, 100)
 */
export function listRecentOutboxMessages(db: Db, limit: number): OutboxMessage[] {
  return db.prepare('SELECT * FROM outbox ORDER BY id DESC LIMIT ?').all(limit) as OutboxMessage[]
}
