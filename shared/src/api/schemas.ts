import { z } from 'zod'

/** Campaign statuses, in lifecycle order. */
export const CAMPAIGN_STATUSES = ['draft', 'in_progress', 'paused', 'completed'] as const
/** Lead statuses (PRODUCT.md §2). */
export const LEAD_STATUSES = [
  'created',
  'scheduled',
  'processing',
  'rescheduled',
  'max_retries',
  'completed',
  'suppressed',
] as const

export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number]
export type LeadStatus = (typeof LEAD_STATUSES)[number]

/** Body of `POST /api/campaigns`. */
export const createCampaignBody = z.strictObject({
  name: z.string().trim().min(1, 'Give the campaign a name.').max(200),
})
export type CreateCampaignBody = z.infer<typeof createCampaignBody>

/** A campaign as the API returns it. */
export interface Campaign {
  id: number
  name: string
  status: CampaignStatus
  created_at: string
  lead_counts: Partial<Record<LeadStatus, number>>
}

/** One lead as sent by a client: a raw phone plus variable values. */
export const leadInput = z.strictObject({
  phone_number: z.string().max(256),
  /** ISO 3166 country for national numbers; omit for international (`+` or `00`). */
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, 'Use a two-letter ISO country code such as TR or US.')
    .optional(),
  variables: z.record(z.string().max(64), z.string().max(10_000)).optional(),
})
export type LeadInput = z.infer<typeof leadInput>

/** Body of `POST /api/campaigns/{id}/leads`: one lead, or up to 10,000 under `leads`. */
export const postLeadsBody = z.union([
  z.strictObject({ leads: z.array(leadInput).min(1).max(10_000) }),
  leadInput,
])
export type PostLeadsBody = z.infer<typeof postLeadsBody>

/** The outcome for one posted lead, in the order sent. */
export type LeadResult =
  | { status: 'created'; id: number; phone_e164: string }
  | { status: 'duplicate'; phone_e164: string }
  | { status: 'invalid'; codes: string[]; message: string }

/** A stored lead as the API returns it. */
export interface Lead {
  id: number
  campaign_id: number
  phone_e164: string
  phone_ext: string | null
  status: LeadStatus
  variables: Record<string, string>
  created_at: string
}

/** A page of a cursor-paged listing. */
export interface Page<T> {
  items: T[]
  next_cursor: string | null
}
