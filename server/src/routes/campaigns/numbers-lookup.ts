import { lookupNumbersBody, MAX_LOOKUP_PHONES } from '@leadport/shared'
import type { Context } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../../app.ts'
import { AppError } from '../../app-error.ts'
import { readCampaignStatus } from '../../db/campaigns.ts'
import { findLeadsByPhone } from '../../db/leads-by-phone.ts'
import { readId, readJson } from '../validate.ts'

// The count is checked before the numbers, so an oversized list gets 413 and not a 400 about
// its 5,001st element.
const SHAPE = 'Send the numbers as {"phones": ["+905321234567", …]}.'
const envelope = z.looseObject({ phones: z.array(z.unknown(), SHAPE) }, SHAPE)

/**
 * `POST /api/campaigns/{id}/numbers/lookup`: which of the sent E.164 numbers the campaign already
 * has, with each lead's id and status (the wizard shows them before upload).
 * @example POST /api/campaigns/1000/numbers/lookup {"phones":["+905321234567"]}
 * // {"found":[{"phone_e164":"+905321234567","lead_id":7,"status":"created"}]}
 */
export async function lookupNumbers(c: Context<AppEnv>) {
  const db = c.get('db')
  const id = readId(c, 'id', 'Campaign')
  const sent = await readJson(c, envelope)
  if (sent.phones.length > MAX_LOOKUP_PHONES) {
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      `Look up at most ${MAX_LOOKUP_PHONES.toLocaleString('en-US')} numbers at a time; this request has ${sent.phones.length.toLocaleString('en-US')}. Send them in batches.`,
    )
  }
  const parsed = lookupNumbersBody.safeParse(sent)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue && issue.path.length > 0 ? ` (at ${issue.path.join('.')})` : ''
    throw new AppError('BAD_REQUEST', `${issue?.message ?? 'Invalid body'}${where}`)
  }
  const body = parsed.data
  if (!readCampaignStatus(db, id)) throw new AppError('NOT_FOUND', `Campaign ${id} does not exist.`)
  return c.json({ found: findLeadsByPhone(db, id, body.phones) })
}
