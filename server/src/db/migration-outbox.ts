/**
 * The email outbox (to be appended as a later migration).
 *
 * A message is rendered and inserted in the same transaction as the event it tells about (an
 * import completing), so it exists exactly when the event does. The sender loop reads due rows,
 * sends them and marks them sent; while SMTP is down it retries with exponential backoff, and
 * `attempts`, `next_attempt_at` and `last_error` show why a message is waiting. A message is
 * never deleted by the sender: after `max attempts` it stays as `failed`, readable and resendable.
 * `dedupe_key` makes enqueueing idempotent (`import-finished:12` is enqueued once however often
 * the import is completed).
 */
export const OUTBOX_MIGRATION = `
  CREATE TABLE outbox (
    id INTEGER PRIMARY KEY,
    dedupe_key TEXT UNIQUE,
    to_address TEXT NOT NULL,
    subject TEXT NOT NULL,
    text_body TEXT NOT NULL,
    html_body TEXT,
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at TEXT NOT NULL,
    last_error TEXT,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    sent_at TEXT
  ) STRICT;
  CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE status = 'pending';
`
