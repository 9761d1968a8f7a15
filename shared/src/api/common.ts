import { z } from 'zod'
import { API_ERROR_CODES, FILE_CODES } from '../errors/codes.ts'

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

/** A campaign's status. */
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number]
/** A lead's status. */
export type LeadStatus = (typeof LEAD_STATUSES)[number]

/** Whether `tz` is an IANA time zone this runtime knows (`Europe/Istanbul`, `UTC`). */
export function isTimeZone(tz: string): boolean {
  if (tz.length === 0 || tz.length > 64) return false
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz })
    return true
  } catch {
    return false
  }
}

/** An IANA time zone name. */
export const timeZone = z
  .string()
  .refine(isTimeZone, 'Use an IANA time zone such as Europe/Istanbul or America/New_York.')
  .meta({ example: 'Europe/Istanbul' })

/** A stored row's id as the API shows it. */
export const id = z.number().int().positive()

/** An ISO 8601 UTC timestamp. */
export const timestamp = z.string().meta({ format: 'date-time' })

/** A page of a cursor-paged listing: pass `next_cursor` back as `cursor` for the next one. */
export interface Page<T> {
  items: T[]
  next_cursor: string | null
}

/** Schema of {@link Page} for an item schema (used by the OpenAPI document). */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), next_cursor: z.string().nullable() })
}

/** Schema of the one error body `{ error: { code, message } }`. */
export const errorBody = z.object({
  error: z.object({ code: z.enum([...API_ERROR_CODES, ...FILE_CODES]), message: z.string() }),
})
