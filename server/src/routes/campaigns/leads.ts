import { LEAD_STATUSES, type LeadStatus, postLeadsBody } from '@leadport/shared'
import type { Context } from 'hono'
import type { AppEnv } from '../../app.ts'
import { AppError } from '../../app-error.ts'
import { readCampaignStatus } from '../../db/campaigns.ts'
import { type ListLeadsQuery, listLeads } from '../../db/leads.ts'
import { readId, readJson } from '../validate.ts'
import { checkLeads, storeLeads } from './add-leads.ts'
import { readIdempotencyKey, runIdempotent } from './idempotency.ts'

/** Largest page of leads. */
export const MAX_PAGE = 1000

/** Reads the listing's query: `status`, `phone` (an E.164 prefix), `cursor` and `limit`. */
export function readLeadsQuery(c: Context): ListLeadsQuery {
  const status = c.req.query('status') || undefined
  if (status !== undefined && !(LEAD_STATUSES as readonly string[]).includes(status)) {
    throw new AppError(
      'BAD_REQUEST',
      `Unknown status "${status}". Use one of: ${LEAD_STATUSES.join(', ')}.`,
    )
  }
  const rawLimit = c.req.query('limit')
  const limit = rawLimit === undefined ? 100 : Number(rawLimit)
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) {
    throw new AppError('BAD_REQUEST', `The limit must be a whole number from 1 to ${MAX_PAGE}.`)
  }
  const cursor = c.req.query('cursor')
  const badCursor = () => new AppError('BAD_REQUEST', 'The cursor is not one this API gave out.')
  const s = status as LeadStatus | undefined
  const phone = c.req.query('phone')?.trim()
  if (phone) {
    // Digits with an optional leading +: the start of an E.164 number.
    if (!/^\+?[\d\s().-]+$/.test(phone) || !/\d/.test(phone)) {
      throw new AppError('BAD_REQUEST', 'Search by phone with digits, e.g. +90532 or 90532.')
    }
    const prefix = `+${phone.replace(/\D/g, '')}`
    if (cursor !== undefined && !/^\+\d{1,20}$/.test(cursor)) throw badCursor()
    return { kind: 'phone', prefix, status: s, afterPhone: cursor ?? '', limit }
  }
  if (cursor !== undefined && !/^\d{1,16}$/.test(cursor)) throw badCursor()
  return { kind: 'id', status: s, afterId: cursor === undefined ? 0 : Number(cursor), limit }
}

/** `GET /api/campaigns/{id}/leads`. */
export function getLeads(c: Context<AppEnv>) {
  const db = c.get('db')
  const id = readId(c, 'id', 'Campaign')
  const query = readLeadsQuery(c)
  if (!readCampaignStatus(db, id)) throw new AppError('NOT_FOUND', `Campaign ${id} does not exist.`)
  return c.json(listLeads(db, id, query))
}

/** `POST /api/campaigns/{id}/leads`, with the Idempotency-Key contract of `idempotency.ts`. */
export async function postLeads(c: Context<AppEnv>) {
  const db = c.get('db')
  const id = readId(c, 'id', 'Campaign')
  const key = readIdempotencyKey(c)
  const body = await readJson(c, postLeadsBody)
  const { on_duplicate, ...rest } = body
  const leads = 'leads' in rest ? rest.leads : [rest]
  const checked = checkLeads(leads)
  const originRef = key ?? c.req.header('x-request-id')?.slice(0, 64) ?? null
  const answer = runIdempotent(db, `campaigns/${id}/leads`, key, body, () => ({
    status: 200,
    body: { results: storeLeads(db, id, checked, { onDuplicate: on_duplicate, originRef }) },
  }))
  if (answer.replayed) c.header('idempotent-replayed', 'true')
  return c.json(answer.body as object, answer.status)
}
