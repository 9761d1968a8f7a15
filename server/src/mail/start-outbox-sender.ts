import type { Db } from '../db/open.ts'
import { readNextDueAt } from '../db/outbox.ts'
import type { MailConfig } from './read-mail-config.ts'
import { type Backoff, createMailTransport, sendDueMessages } from './send-due-messages.ts'

/** Options of {@link startOutboxSender}; every field has a default. */
export interface SenderOptions {
  /** Longest sleep between passes, in ms (default 10 s): picks up messages enqueued meanwhile. */
  pollMs?: number
  now?: () => number
  backoff?: Backoff
  /** Called with unexpected errors of a pass (a database error; SMTP errors are recorded). */
  onError?: (err: unknown) => void
}

/** A running sender loop. */
export interface OutboxSender {
  /** Runs a pass now instead of at the next poll (after enqueueing, for prompt delivery). */
  wake(): void
  /** Stops the loop: waits for the message being sent, then closes the transport. */
  stop(): Promise<void>
}

/**
 * Starts the loop that sends the outbox: a pass at once, then one whenever the next message is
 * due (at most `pollMs` apart), one pass at a time. Stop it before closing the database.
 * @example const sender = startOutboxSender(db, readMailConfig(process.env)!)
 */
export function startOutboxSender(
  db: Db,
  config: MailConfig,
  options: SenderOptions = {},
): OutboxSender {
  const transport = createMailTransport(config.smtp)
  const now = options.now ?? Date.now
  const pollMs = options.pollMs ?? 10_000
  const stopping = new AbortController()
  let timer: NodeJS.Timeout | undefined
  let running: Promise<void> | undefined
  let again = false

  function schedule() {
    if (stopping.signal.aborted) return
    const next = readNextDueAt(db)
    const wait = next === undefined ? pollMs : Math.min(pollMs, Date.parse(next) - now())
    timer = setTimeout(run, Math.max(0, wait))
  }

  function run() {
    clearTimeout(timer)
    if (stopping.signal.aborted) return
    if (running) {
      again = true
      return
    }
    running = sendDueMessages(db, {
      transport,
      from: config.from,
      now,
      backoff: options.backoff,
      signal: stopping.signal,
    })
      .then(
        () => undefined,
        (err) => options.onError?.(err),
      )
      .finally(() => {
        running = undefined
        if (again) {
          again = false
          run()
        } else schedule()
      })
  }

  run()
  return {
    wake: run,
    async stop() {
      stopping.abort()
      clearTimeout(timer)
      await running
      transport.close()
    },
  }
}
