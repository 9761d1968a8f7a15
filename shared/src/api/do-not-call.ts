import { z } from 'zod'
import { id, timestamp } from './common.ts'

/** Most numbers one `POST /api/do-not-call` may carry (a file upload takes more). */
export const MAX_DNC_NUMBERS = 1000

/** Where a do-not-call entry came from. */
export const DNC_SOURCES = ['manual', 'file', 'api'] as const
/** One do-not-call source. */
export type DncSource = (typeof DNC_SOURCES)[number]

const country = z
  .string()
  .regex(/^[A-Z]{2}$/, 'Use a two-letter ISO country code such as TR or US.')
const reason = z.string().trim().max(500, 'Keep the reason under 500 characters.')

/**
 * Body of `POST /api/do-not-call`: numbers in International format (`+` or `00` first), or
 * National with `country`; each is stored as E.164.
 */
export const addDoNotCallBody = z.strictObject({
  numbers: z
    .array(z.string().max(250))
    .min(1, 'Send at least one number in "numbers".')
    .max(
      MAX_DNC_NUMBERS,
      `Send at most ${MAX_DNC_NUMBERS} numbers at once; upload a file for more.`,
    ),
  /** For national numbers; omit when every number starts with + (or 00) and its country code. */
  country: country.optional(),
  reason: reason.default(''),
})
export type AddDoNotCallBody = z.infer<typeof addDoNotCallBody>

/** The `options` JSON part of `POST /api/do-not-call/file` (all optional). */
export const doNotCallFileOptions = z.strictObject({
  country: country.optional(),
  reason: reason.default(''),
})
export type DoNotCallFileOptions = z.infer<typeof doNotCallFileOptions>

/** What happened to one posted number. */
export const dncResultSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('added'), id, phone_e164: z.string() }),
  z.object({ status: z.literal('duplicate'), id, phone_e164: z.string() }),
  z.object({ status: z.literal('invalid'), input: z.string(), message: z.string() }),
])
export type DncResult = z.infer<typeof dncResultSchema>

/** Answer of `POST /api/do-not-call`: a result per number, and the leads it suppressed. */
export const addDoNotCallResponse = z.object({
  results: z.array(dncResultSchema),
  added: z.number().int(),
  duplicate: z.number().int(),
  invalid: z.number().int(),
  /** Leads not yet called (created, scheduled, rescheduled) that are now `suppressed`. */
  suppressed_leads: z.number().int(),
})
export type AddDoNotCallResponse = z.infer<typeof addDoNotCallResponse>

/** Answer of `POST /api/do-not-call/file`: counts and the first bad rows with their numbers. */
export const doNotCallFileResponse = z.object({
  rows: z.number().int(),
  added: z.number().int(),
  duplicate: z.number().int(),
  invalid: z.number().int(),
  suppressed_leads: z.number().int(),
  /** Up to 100 rows whose phone could not be read, with the row number the user sees. */
  invalid_rows: z.array(z.object({ row: z.number().int(), message: z.string() })),
  notes: z.array(z.string()),
})
export type DoNotCallFileResponse = z.infer<typeof doNotCallFileResponse>

/** A do-not-call entry as the API returns it. */
export const doNotCallEntrySchema = z.object({
  id,
  phone_e164: z.string().meta({ example: '+905321234567' }),
  reason: z.string(),
  source: z.enum(DNC_SOURCES),
  /** The member's email or the API key's name that added it. */
  added_by: z.string(),
  created_at: timestamp,
})
export type DoNotCallEntry = z.infer<typeof doNotCallEntrySchema>
