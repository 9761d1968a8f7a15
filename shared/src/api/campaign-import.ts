import { z } from 'zod'
import { MAX_COLUMNS } from '../read/workbook/scan-sheet.ts'
import { id, LEAD_STATUSES, timestamp } from './common.ts'
import { mappingSchema, phoneFormatSchema } from './imports.ts'

/** Most numbers in one `POST /api/campaigns/{id}/numbers/lookup` (more is `413`). */
export const MAX_LOOKUP_PHONES = 5_000

/** One number in E.164 form: `+`, a country code and up to 15 digits in all. */
export const e164Phone = z
  .string()
  .regex(/^\+[1-9]\d{1,14}$/, 'Send phone numbers in E.164 form, such as +905321234567.')

/**
 * Body of `POST /api/campaigns/{id}/numbers/lookup`: the numbers (E.164) the wizard is about to
 * upload, to show those the campaign already has before upload.
 */
export const lookupNumbersBody = z.strictObject({
  phones: z.array(e164Phone).min(1, 'Send at least one phone number.').max(MAX_LOOKUP_PHONES),
})
export type LookupNumbersBody = z.infer<typeof lookupNumbersBody>

/** A number the campaign already has: its lead and that lead's status. */
export const foundNumber = z.object({
  phone_e164: z.string(),
  lead_id: id,
  status: z.enum(LEAD_STATUSES),
})
export type FoundNumber = z.infer<typeof foundNumber>

/** Answer of the lookup: only the numbers the campaign already has, each once. */
export const lookupNumbersResponse = z.object({ found: z.array(foundNumber) })
export type LookupNumbersResponse = z.infer<typeof lookupNumbersResponse>

/** Body of `PUT /api/campaigns/{id}/mapping`: the column mapping to offer on the next import. */
export const campaignMappingBody = z.strictObject({
  /** The header row it was made for (to tell whether the next file looks the same). */
  header: z.array(z.string().max(1_000).nullable()).min(1).max(MAX_COLUMNS),
  mapping: mappingSchema,
  format: phoneFormatSchema,
})
export type CampaignMappingBody = z.infer<typeof campaignMappingBody>

/** A campaign's remembered mapping as `GET /api/campaigns/{id}/mapping` returns it. */
export const campaignMappingSchema = campaignMappingBody.extend({ saved_at: timestamp })
export type CampaignMapping = z.infer<typeof campaignMappingSchema>
