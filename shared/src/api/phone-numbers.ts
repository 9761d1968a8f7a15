import { z } from 'zod'
import { id, timestamp } from './common.ts'

const country = z
  .string()
  .regex(/^[A-Z]{2}$/, 'Use a two-letter ISO country code such as TR or US.')

/** Body of `POST /api/phone-numbers`: a caller number (stored as E.164) and a label. */
export const createPhoneNumberBody = z.strictObject({
  phone_number: z.string().min(1, 'Enter the phone number.').max(64),
  /** For a national number; omit when it starts with + (or 00) and the country code. */
  country: country.optional(),
  label: z.string().trim().max(100).default(''),
})
export type CreatePhoneNumberBody = z.infer<typeof createPhoneNumberBody>

/** Body of `PATCH /api/phone-numbers/{id}`. */
export const updatePhoneNumberBody = z.strictObject({
  label: z.string().trim().max(100),
})
export type UpdatePhoneNumberBody = z.infer<typeof updatePhoneNumberBody>

/** A caller phone number as the API returns it. */
export const phoneNumberSchema = z.object({
  id,
  phone_e164: z.string().meta({ example: '+902121234567' }),
  label: z.string(),
  created_at: timestamp,
})
export type PhoneNumber = z.infer<typeof phoneNumberSchema>
