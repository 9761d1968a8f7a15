import { parsePhoneNumberFromString } from 'libphonenumber-js/max'
import { z } from 'zod'
import { id } from './common.ts'

/** How a call ended (PRODUCT.md §5). */
export const CALL_OUTCOMES = ['completed', 'no_answer', 'busy', 'voicemail', 'failed'] as const
/** One call outcome. */
export type CallOutcome = (typeof CALL_OUTCOMES)[number]

/** A call's own state: handed to the provider (`dialing`) or over (`ended`, with an outcome). */
export const CALL_STATUSES = ['dialing', 'ended'] as const
/** One call state. */
export type CallStatus = (typeof CALL_STATUSES)[number]

/** Header carrying the Unix time (seconds) a webhook body was signed at. */
export const SIGNATURE_TIMESTAMP_HEADER = 'x-leadport-timestamp'
/** Header carrying `v1=<hex HMAC-SHA256 of "<timestamp>.<body>">`. */
export const SIGNATURE_HEADER = 'x-leadport-signature'

/** Body the `webhook` provider POSTs for each call. */
export const webhookCallBody = z.object({
  call_id: id,
  to: z.string(),
  from: z.string(),
  assistant: z.object({ id, name: z.string(), script: z.string() }).nullable(),
  variables: z.record(z.string(), z.string()),
})
export type WebhookCallBody = z.infer<typeof webhookCallBody>

/**
 * Body of `POST /api/calls/{id}/events`: `progress` keeps a live call's lease, `ended` gives the
 * outcome. `event_id` is unique per call; the same id again is a replay and is ignored.
 */
export const callEventBody = z.discriminatedUnion('type', [
  z.strictObject({ event_id: z.string().min(1).max(200), type: z.literal('progress') }),
  z.strictObject({
    event_id: z.string().min(1).max(200),
    type: z.literal('ended'),
    outcome: z.enum(CALL_OUTCOMES),
    duration_seconds: z.number().int().min(0).max(86_400).optional(),
  }),
])
export type CallEventBody = z.infer<typeof callEventBody>

/** Answer of `POST /api/calls/{id}/events`: whether the event changed anything. */
export const callEventResponse = z.object({ applied: z.boolean(), duplicate: z.boolean() })
export type CallEventResponse = z.infer<typeof callEventResponse>

/**
 * The ISO country of a valid E.164 number per libphonenumber-js/max, or `undefined`.
 * @example findPhoneCountry('+905321234567') // 'TR'
 */
export function findPhoneCountry(e164: string): string | undefined {
  return parsePhoneNumberFromString(e164)?.country
}
