import nodemailer, { type Transporter } from 'nodemailer'
import type { Db } from '../db/open.ts'
import {
  listDueMessages,
  markAttemptFailed,
  markMessageSent,
  type OutboxMessage,
} from '../db/outbox.ts'
import type { SmtpSettings } from './read-mail-config.ts'

/** Retry timing: the first retry after `baseMs`, doubling up to `maxMs`; `failed` after `maxAttempts`. */
export interface Backoff {
  baseMs: number
  maxMs: number
  maxAttempts: number
}

/** 30 s, 1 min, 2 min … capped at 1 h; 60 attempts is about two and a half days. */
export const DEFAULT_BACKOFF: Backoff = { baseMs: 30_000, maxMs: 3_600_000, maxAttempts: 60 }

/** How long to wait after the `attempts`-th failed attempt (1-based). */
export function retryDelayMs(attempts: number, b: Backoff = DEFAULT_BACKOFF): number {
  return Math.min(b.maxMs, b.baseMs * 2 ** Math.min(attempts - 1, 30))
}

/**
 * A nodemailer SMTP transport for these settings, with timeouts short enough that a dead server
 * fails an attempt instead of hanging the sender loop.
 * @example const transport = createMailTransport(config.smtp)
 */
export function createMailTransport(s: SmtpSettings): Transporter {
  return nodemailer.createTransport({
    host: s.host,
    port: s.port,
    secure: s.secure,
    requireTLS: s.requireTLS,
    ...(s.user ? { auth: { user: s.user, pass: s.password ?? '' } } : {}),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  })
}

/** What {@link sendDueMessages} needs: a transport, the From address and a clock. */
export interface SendDeps {
  transport: Transporter
  from: string
  /** The clock, in ms; inject one in tests to step through the backoff. */
  now?: () => number
  backoff?: Backoff
  /** Stops the pass between messages (shutdown). */
  signal?: AbortSignal
}

/** Sends one message through the object API: headers are built and encoded by nodemailer. */
function sendOne(deps: SendDeps, m: OutboxMessage) {
  return deps.transport.sendMail({
    from: deps.from,
    to: { name: '', address: m.to_address },
    subject: m.subject,
    text: m.text_body,
    ...(m.html_body === null ? {} : { html: m.html_body }),
    // Stable per message, so a resend after a crash can be recognised as the same email.
    messageId: `<leadport-outbox-${m.id}@leadport.invalid>`,
  })
}

/**
 * One pass of the sender: sends every pending message that is due, marking each sent or
 * scheduling its retry. Delivery is at least once: a crash after the SMTP server accepted a
 * message but before it is marked sent sends it again on the next start (same Message-ID).
 * @example await sendDueMessages(db, { transport, from: 'Leadport <noreply@example.com>' })
 */
export async function sendDueMessages(
  db: Db,
  deps: SendDeps,
): Promise<{ sent: number; failed: number }> {
  const now = deps.now ?? Date.now
  const backoff = deps.backoff ?? DEFAULT_BACKOFF
  let sent = 0
  let failed = 0
  for (const m of listDueMessages(db, new Date(now()).toISOString())) {
    if (deps.signal?.aborted) break
    try {
      await sendOne(deps, m)
      markMessageSent(db, m.id, new Date(now()).toISOString())
      sent++
    } catch (err) {
      failed++
      const attempts = m.attempts + 1
      const retryAt =
        attempts >= backoff.maxAttempts
          ? null
          : new Date(now() + retryDelayMs(attempts, backoff)).toISOString()
      markAttemptFailed(db, m.id, describeError(err), retryAt)
    }
  }
  return { sent, failed }
}

function describeError(err: unknown): string {
  if (!(err instanceof Error)) return String(err)
  const code = (err as { code?: unknown }).code
  return typeof code === 'string' && !err.message.includes(code)
    ? `${code}: ${err.message}`
    : err.message
}
