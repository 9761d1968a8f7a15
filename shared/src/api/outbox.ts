import { z } from 'zod'
import { id, timestamp } from './common.ts'

/** An outbox message's state: waiting to be sent (or retried), sent, or given up on. */
export const OUTBOX_STATUSES = ['pending', 'sent', 'failed'] as const

/** One email of the outbox as `GET /api/outbox` shows it (no body: it may hold user data). */
export const outboxMessageSchema = z.object({
  id,
  to: z.string(),
  subject: z.string(),
  status: z.enum(OUTBOX_STATUSES),
  attempts: z.number().int(),
  /** The SMTP error of the last failed attempt. */
  last_error: z.string().nullable(),
  /** When a `pending` message is tried next. */
  next_attempt_at: timestamp,
  created_at: timestamp,
  sent_at: timestamp.nullable(),
})
export type OutboxMessageView = z.infer<typeof outboxMessageSchema>

/** Answer of `GET /api/outbox`: the most recent messages, newest first. */
export const outboxListSchema = z.object({
  items: z.array(outboxMessageSchema),
  /** Whether email is configured (`LEADPORT_SMTP_URL`); without it nothing is sent. */
  mail_configured: z.boolean(),
})
export type OutboxList = z.infer<typeof outboxListSchema>
