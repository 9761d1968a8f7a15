import { parsePhoneNumberFromString } from 'libphonenumber-js/max'
import { z } from 'zod'
import { id, LEAD_STATUSES, timestamp } from './common.ts'

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

/** A call as the API returns it: one dial of one of a lead's numbers. */
export const callSchema = z.object({
  id,
  campaign_id: id,
  lead_id: id,
  /** The lead's round (1-based): the primary and its secondary numbers are one round. */
  attempt: z.number().int(),
  /** 0 the primary number, 1.. the secondary ones. */
  phone_index: z.number().int(),
  to_e164: z.string(),
  from_e164: z.string(),
  status: z.enum(CALL_STATUSES),
  outcome: z.enum(CALL_OUTCOMES).nullable(),
  duration_seconds: z.number().int().nullable(),
  created_at: timestamp,
  ended_at: timestamp.nullable(),
})
export type Call = z.infer<typeof callSchema>

/** Which calls `GET /api/campaigns/{id}/calls` lists: live ones, or the latest ended ones. */
export const CALL_LISTINGS = ['in_progress', 'recent'] as const
/** One call listing. */
export type CallListing = (typeof CALL_LISTINGS)[number]

/** One time bucket of a campaign's activity. */
export const activityPointSchema = z.object({
  /** Start of the bucket. */
  at: timestamp,
  /** Lead counts by status at the end of the bucket (the last sample in it, carried forward). */
  leads: z.partialRecord(z.enum(LEAD_STATUSES), z.number().int()),
  /** Calls that ended in the bucket, by outcome. */
  calls: z.partialRecord(z.enum(CALL_OUTCOMES), z.number().int()),
})
export type ActivityPoint = z.infer<typeof activityPointSchema>

/** Answer of `GET /api/campaigns/{id}/activity`: equal buckets, oldest first, up to now. */
export const campaignActivitySchema = z.object({
  bucket_seconds: z.number().int(),
  points: z.array(activityPointSchema),
})
export type CampaignActivity = z.infer<typeof campaignActivitySchema>
