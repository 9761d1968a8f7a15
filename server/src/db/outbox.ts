import type { Db } from './open.ts'

/** A message to send: one recipient, a subject, a text body and an optional HTML body. */
export interface NewOutboxMessage {
  /** Makes enqueueing idempotent: a second message with the same key is not added. */
  dedupe_key: string | null
  to_address: string
  subject: string
  text_body: string
  html_body: string | null
}

/** An outbox row. Times are ISO 8601 UTC strings, which compare in time order. */
export interface OutboxMessage extends NewOutboxMessage {
  id: number
  status: 'pending' | 'sent' | 'failed'
  attempts: number
  next_attempt_at: string
  last_error: string | null
  created_at: string
  sent_at: string | null
}

/**
 * Adds a message, due at `now`; its id, or `null` when one with the same `dedupe_key` exists.
 * Call it inside the transaction of the event the message tells about.
 * @example enqueueMessage(db, { dedupe_key: 'import-finished:12', ... }, new Date().toISOString())
 */
export function enqueueMessage(db: Db, m: NewOutboxMessage, now: string): number | null {
  const id = db
    .prepare(
      `INSERT INTO outbox (dedupe_key, to_address, subject, text_body, html_body, next_attempt_at)
       VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
    )
    .pluck()
    .get(m.dedupe_key, m.to_address, m.subject, m.text_body, m.html_body, now) as number | undefined
  return id ?? null
}

/** Pending messages due at `now`, oldest due first. */
export function listDueMessages(db: Db, now: string, limit = 20): OutboxMessage[] {
  return db
    .prepare(
      `SELECT * FROM outbox WHERE status = 'pending' AND next_attempt_at <= ?
       ORDER BY next_attempt_at, id LIMIT ?`,
    )
    .all(now, limit) as OutboxMessage[]
}

/** When the next pending message is due, or `undefined` when none is pending. */
export function readNextDueAt(db: Db): string | undefined {
  return db
    .prepare(`SELECT min(next_attempt_at) FROM outbox WHERE status = 'pending'`)
    .pluck()
    .get() as string | undefined
}

/** One outbox message, or `undefined`. */
export function getOutboxMessage(db: Db, id: number): OutboxMessage | undefined {
  return db.prepare('SELECT * FROM outbox WHERE id = ?').get(id) as OutboxMessage | undefined
}

/** Every outbox message, oldest first (for the admin view and tests). */
export function listOutboxMessages(db: Db): OutboxMessage[] {
  return db.prepare('SELECT * FROM outbox ORDER BY id').all() as OutboxMessage[]
}

/** Marks a message sent (counting the attempt). */
export function markMessageSent(db: Db, id: number, now: string): void {
  db.prepare(
    `UPDATE outbox SET status = 'sent', attempts = attempts + 1, sent_at = ?, last_error = NULL
     WHERE id = ?`,
  ).run(now, id)
}

/**
 * Records a failed attempt: the message is due again at `retryAt`, or becomes `failed` (kept,
 * not deleted) when `retryAt` is `null`.
 */
export function markAttemptFailed(db: Db, id: number, error: string, retryAt: string | null): void {
  db.prepare(
    `UPDATE outbox SET attempts = attempts + 1, last_error = ?,
       status = CASE WHEN ? IS NULL THEN 'failed' ELSE status END,
       next_attempt_at = coalesce(?, next_attempt_at)
     WHERE id = ?`,
  ).run(error.slice(0, 1000), retryAt, retryAt, id)
}

/** Puts a `failed` message back in the queue, due at `now` (after fixing the SMTP settings). */
export function retryFailedMessage(db: Db, id: number, now: string): boolean {
  return (
    db
      .prepare(
        `UPDATE outbox SET status = 'pending', next_attempt_at = ? WHERE id = ? AND status = 'failed'`,
      )
      .run(now, id).changes > 0
  )
}
