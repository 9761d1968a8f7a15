import { z } from 'zod'
import { CAMPAIGN_STATUSES, id, LEAD_STATUSES, timestamp, timeZone } from './common.ts'

/** Days of the week as campaigns store them, Monday first. */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const
/** A day of the week. */
export type Weekday = (typeof WEEKDAYS)[number]

/** Ranges and defaults of the campaign settings (PRODUCT.md §2). */
export const CAMPAIGN_LIMITS = {
  max_retries: { min: 1, max: 5, default: 3 },
  retry_interval_minutes: { min: 10, max: 4320, default: 60 },
  parallel_calls: { min: 1, max: 10, default: 3 },
} as const

/** Default settings of a new campaign; its time zone defaults to the assistant's (`null`). */
export const CAMPAIGN_DEFAULTS = {
  time_zone: null,
  calling_hours_start: '00:00',
  calling_hours_end: '23:59',
  allowed_days: [...WEEKDAYS],
  max_retries: CAMPAIGN_LIMITS.max_retries.default,
  retry_interval_minutes: CAMPAIGN_LIMITS.retry_interval_minutes.default,
  parallel_calls: CAMPAIGN_LIMITS.parallel_calls.default,
  retry_on_voicemail: false,
}

/** Most caller numbers one campaign uses. */
export const MAX_CAMPAIGN_NUMBERS = 100

const clock = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Write the time as HH:MM, 24-hour (09:00, 18:30).')

function ranged(key: keyof typeof CAMPAIGN_LIMITS, what: string) {
  const r = CAMPAIGN_LIMITS[key]
  const msg = `${what} must be a whole number from ${r.min} to ${r.max}.`
  return z.number().int(msg).min(r.min, msg).max(r.max, msg)
}

const settingFields = {
  name: z.string().trim().min(1, 'Give the campaign a name.').max(200),
  assistant_id: id.nullable(),
  phone_number_ids: z.array(id).max(MAX_CAMPAIGN_NUMBERS),
  /** `null`: use the assistant's time zone. */
  time_zone: timeZone.nullable(),
  calling_hours_start: clock,
  calling_hours_end: clock,
  allowed_days: z
    .array(z.enum(WEEKDAYS))
    .min(1, 'Pick at least one day to call on.')
    .refine((d) => new Set(d).size === d.length, 'Each day may appear once.'),
  max_retries: ranged('max_retries', 'Max retries'),
  retry_interval_minutes: ranged('retry_interval_minutes', 'The retry interval (minutes)'),
  parallel_calls: ranged('parallel_calls', 'Parallel calls'),
  retry_on_voicemail: z.boolean(),
}

/**
 * Whether calling hours make a window: any end but the start itself. An end before the start is
 * an overnight window (20:00–02:00: its small hours belong to the day it opened).
 * @example isCallingWindow('20:00', '02:00') // true
 */
export function isCallingWindow(start: string, end: string): boolean {
  return end !== start
}

/** The message for calling hours that start and end at the same minute (the server checks merged settings). */
export const CALLING_WINDOW_MESSAGE =
  'Calling hours cannot start and end at the same minute. For calls around the clock use 00:00–23:59; an end before the start runs past midnight (20:00–02:00).'

/** Body of `POST /api/campaigns`: a name, and any settings (the rest take their defaults). */
export const createCampaignBody = z
  .strictObject({
    name: settingFields.name,
    assistant_id: settingFields.assistant_id.default(null),
    phone_number_ids: settingFields.phone_number_ids.default([]),
    time_zone: settingFields.time_zone.default(null),
    calling_hours_start: clock.default(CAMPAIGN_DEFAULTS.calling_hours_start),
    calling_hours_end: clock.default(CAMPAIGN_DEFAULTS.calling_hours_end),
    allowed_days: settingFields.allowed_days.default([...WEEKDAYS]),
    max_retries: settingFields.max_retries.default(CAMPAIGN_DEFAULTS.max_retries),
    retry_interval_minutes: settingFields.retry_interval_minutes.default(
      CAMPAIGN_DEFAULTS.retry_interval_minutes,
    ),
    parallel_calls: settingFields.parallel_calls.default(CAMPAIGN_DEFAULTS.parallel_calls),
    retry_on_voicemail: z.boolean().default(false),
  })
  .refine((b) => isCallingWindow(b.calling_hours_start, b.calling_hours_end), {
    message: CALLING_WINDOW_MESSAGE,
    path: ['calling_hours_end'],
  })
export type CreateCampaignBody = z.infer<typeof createCampaignBody>

/** Body of `PATCH /api/campaigns/{id}`: any subset of the settings. */
export const updateCampaignBody = z.strictObject({
  name: settingFields.name.optional(),
  assistant_id: settingFields.assistant_id.optional(),
  phone_number_ids: settingFields.phone_number_ids.optional(),
  time_zone: settingFields.time_zone.optional(),
  calling_hours_start: clock.optional(),
  calling_hours_end: clock.optional(),
  allowed_days: settingFields.allowed_days.optional(),
  max_retries: settingFields.max_retries.optional(),
  retry_interval_minutes: settingFields.retry_interval_minutes.optional(),
  parallel_calls: settingFields.parallel_calls.optional(),
  retry_on_voicemail: z.boolean().optional(),
})
export type UpdateCampaignBody = z.infer<typeof updateCampaignBody>

/** A campaign as the API returns it, with its lead counts by status. */
export const campaignSchema = z.object({
  id,
  name: z.string(),
  status: z.enum(CAMPAIGN_STATUSES),
  assistant_id: id.nullable(),
  phone_number_ids: z.array(id),
  time_zone: z.string().nullable(),
  /** The zone calls use: the campaign's own, else its assistant's, else `null`. */
  effective_time_zone: z.string().nullable(),
  calling_hours_start: z.string(),
  calling_hours_end: z.string(),
  allowed_days: z.array(z.enum(WEEKDAYS)),
  max_retries: z.number().int(),
  retry_interval_minutes: z.number().int(),
  parallel_calls: z.number().int(),
  retry_on_voicemail: z.boolean(),
  created_at: timestamp,
  updated_at: timestamp,
  lead_counts: z.partialRecord(z.enum(LEAD_STATUSES), z.number().int()),
})
export type Campaign = z.infer<typeof campaignSchema>
