import type { OutboxList, OutboxMessageView } from '@leadport/shared'
import { Hono } from 'hono'
import type { AppEnv } from '../../app.ts'
import { AppError } from '../../app-error.ts'
import { getOutboxMessage, type OutboxMessage, retryFailedMessage } from '../../db/outbox.ts'
import { listRecentOutboxMessages } from '../../db/outbox-recent.ts'
import { requireAdmin } from '../../http/authenticate.ts'
import { readId } from '../validate.ts'

/** What the outbox routes need. */
export interface OutboxRouteDeps {
  /** Runs the sender now (after a retry), instead of at its next poll. */
  wake?: () => void
}

/** An outbox row as the API shows it: no body (it may hold customer data). */
function viewMessage(m: OutboxMessage): OutboxMessageView {
  return {
    id: m.id,
    to: m.to_address,
    subject: m.subject,
    status: m.status,
    attempts: m.attempts,
    last_error: m.last_error,
    next_attempt_at: m.next_attempt_at,
    created_at: m.created_at,
    sent_at: m.sent_at,
  }
}

function readLimit(raw: string | undefined): number {
  if (raw === undefined) return 100
  if (!/^\d{1,4}$/.test(raw) || Number(raw) < 1 || Number(raw) > 1000) {
    throw new AppError('BAD_REQUEST', `limit is a whole number from 1 to 1000; got "${raw}".`)
  }
  return Number(raw)
}

/**
 * The email outbox under `/api/outbox`, for the admin: `GET /` lists recent messages (newest
 * first, `?limit=` 1–1000, default 100) and whether email is configured; `POST /:id/retry` puts a
 * failed message back in the queue and wakes the sender.
 * @example app.route('/outbox', outboxRoutes({ wake: () => sender.wake() }))
 */
export function outboxRoutes(deps: OutboxRouteDeps = {}) {
  return new Hono<AppEnv>()
    .get('/', (c) => {
      requireAdmin(c)
      const rows = listRecentOutboxMessages(c.get('db'), readLimit(c.req.query('limit')))
      const body: OutboxList = {
        items: rows.map(viewMessage),
        mail_configured: c.get('mail') !== undefined,
      }
      return c.json(body)
    })
    .post('/:id/retry', (c) => {
      requireAdmin(c)
      const db = c.get('db')
      const id = readId(c, 'id', 'Message')
      const message = getOutboxMessage(db, id)
      if (!message) throw new AppError('NOT_FOUND', `Message ${id} does not exist.`)
      if (!retryFailedMessage(db, id, new Date().toISOString())) {
        throw new AppError(
          'CONFLICT',
          `Message ${id} is ${message.status}: only a failed message can be retried.`,
        )
      }
      deps.wake?.()
      return c.json(viewMessage(getOutboxMessage(db, id) as OutboxMessage))
    })
}
