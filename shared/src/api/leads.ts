import { z } from 'zod'
import { MAX_SECONDARY_PHONES } from '../mapping/fields.ts'
import { id, LEAD_STATUSES, timestamp } from './common.ts'

/** Most leads in one `POST /api/campaigns/{id}/leads`. */
export const MAX_LEADS_PER_REQUEST = 10_000

/** One lead as sent by a client: a raw phone, optional secondary phones and variable values. */
export const leadInput = z.strictObject({
  phone_number: z.string().max(256),
  /** ISO 3166 country for national numbers; omit for international (`+` or `00`). */
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, 'Use a two-letter ISO country code such as TR or US.')
    .optional(),
  secondary_phones: z.array(z.string().max(256)).max(MAX_SECONDARY_PHONES).optional(),
  variables: z.record(z.string().max(64), z.string().max(10_000)).optional(),
})
export type LeadInput = z.infer<typeof leadInput>

/** What to do with a lead whose number the campaign already has. */
export const onDuplicate = z.enum(['skip', 'update']).default('skip').meta({
  description:
    '`skip` (default) leaves the stored lead alone; `update` replaces its extension and secondary phones and merges its variables (sent keys win). The status is never changed.',
})

/**
 * Body of `POST /api/campaigns/{id}/leads`: one lead, or up to 10,000 under `leads`, with
 * `on_duplicate`.
 */
export const postLeadsBody = z.union([
  z.strictObject({
    leads: z.array(leadInput).min(1).max(MAX_LEADS_PER_REQUEST),
    on_duplicate: onDuplicate,
  }),
  leadInput.extend({ on_duplicate: onDuplicate }),
])
export type PostLeadsBody = z.infer<typeof postLeadsBody>

/** The outcome for one posted lead, in the order sent; `warnings` are issue codes. */
export const leadResultSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('created'),
    id,
    phone_e164: z.string(),
    warnings: z.array(z.string()).optional(),
  }),
  z.object({
    status: z.literal('updated'),
    id,
    phone_e164: z.string(),
    warnings: z.array(z.string()).optional(),
  }),
  z.object({
    status: z.literal('duplicate'),
    id,
    phone_e164: z.string(),
  }),
  z.object({ status: z.literal('invalid'), codes: z.array(z.string()), message: z.string() }),
])
export type LeadResult = z.infer<typeof leadResultSchema>

/** Answer of `POST /api/campaigns/{id}/leads`. */
export const postLeadsResponse = z.object({ results: z.array(leadResultSchema) })
export type PostLeadsResponse = z.infer<typeof postLeadsResponse>

/** Where a lead came from: the API (with its Idempotency-Key or request id) or an import. */
export const leadOrigin = z.object({
  kind: z.enum(['api', 'import']),
  ref: z.string().nullable(),
})

/** A stored lead as the API returns it. */
export const leadSchema = z.object({
  id,
  campaign_id: id,
  phone_e164: z.string(),
  phone_ext: z.string().nullable(),
  secondary_phones: z.array(z.string()),
  status: z.enum(LEAD_STATUSES),
  variables: z.record(z.string(), z.string()),
  attempts: z.number().int(),
  next_attempt_at: timestamp.nullable(),
  origin: leadOrigin,
  created_at: timestamp,
  updated_at: timestamp,
})
export type Lead = z.infer<typeof leadSchema>
