import { createCampaignBody, LEAD_STATUSES, type LeadStatus, postLeadsBody } from '@leadport/shared'
import { Hono } from 'hono'
import type { AppEnv } from '../../app.ts'
import { AppError } from '../../app-error.ts'
import { getCampaign, insertCampaign, listCampaigns } from '../../db/campaigns.ts'
import { listLeads } from '../../db/leads.ts'
import { readId, readJson } from '../validate.ts'
import { addLeads } from './add-leads.ts'

/** Campaign routes under `/api/campaigns`. */
export const campaignRoutes = new Hono<AppEnv>()
  .get('/', (c) => c.json({ items: listCampaigns(c.get('db')) }))
  .post('/', async (c) => {
    const body = await readJson(c, createCampaignBody)
    return c.json(insertCampaign(c.get('db'), body.name), 201)
  })
  .get('/:id', (c) => {
    const id = readId(c, 'id', 'Campaign')
    const campaign = getCampaign(c.get('db'), id)
    if (!campaign) throw new AppError('NOT_FOUND', `Campaign ${id} does not exist.`)
    return c.json(campaign)
  })
  .get('/:id/leads', (c) => {
    const db = c.get('db')
    const id = readId(c, 'id', 'Campaign')
    if (!getCampaign(db, id)) throw new AppError('NOT_FOUND', `Campaign ${id} does not exist.`)
    const status = c.req.query('status')
    if (status !== undefined && !(LEAD_STATUSES as readonly string[]).includes(status)) {
      throw new AppError(
        'BAD_REQUEST',
        `Unknown status "${status}". Use one of: ${LEAD_STATUSES.join(', ')}.`,
      )
    }
    const cursor = c.req.query('cursor')
    const after = cursor === undefined ? undefined : Number(cursor)
    if (after !== undefined && !Number.isSafeInteger(after)) {
      throw new AppError('BAD_REQUEST', 'The cursor is not one this API gave out.')
    }
    const limit = Math.min(Math.max(Number(c.req.query('limit') ?? 100) || 100, 1), 1000)
    return c.json(listLeads(db, id, { status: status as LeadStatus | undefined, after, limit }))
  })
  .post('/:id/leads', async (c) => {
    const db = c.get('db')
    const id = readId(c, 'id', 'Campaign')
    const campaign = getCampaign(db, id)
    if (!campaign) throw new AppError('NOT_FOUND', `Campaign ${id} does not exist.`)
    const body = await readJson(c, postLeadsBody)
    const leads = 'leads' in body ? body.leads : [body]
    const results = addLeads(db, campaign, leads)
    return c.json({ results }, 200)
  })
