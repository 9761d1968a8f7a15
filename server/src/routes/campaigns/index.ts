import { createCampaignBody, updateCampaignBody } from '@leadport/shared'
import { Hono } from 'hono'
import type { AppEnv } from '../../app.ts'
import { AppError } from '../../app-error.ts'
import { getCampaign, listCampaigns } from '../../db/campaigns.ts'
import { readId, readJson } from '../validate.ts'
import { getLeads, postLeads } from './leads.ts'
import { pauseCampaign, startCampaign } from './lifecycle.ts'
import { getMapping, putMapping } from './mapping.ts'
import { lookupNumbers } from './numbers-lookup.ts'
import { changeCampaign, createCampaign } from './settings.ts'

/** Campaign routes under `/api/campaigns`. */
export const campaignRoutes = new Hono<AppEnv>()
  .get('/', (c) => c.json({ items: listCampaigns(c.get('db')) }))
  .post('/', async (c) => {
    const body = await readJson(c, createCampaignBody)
    return c.json(createCampaign(c.get('db'), body), 201)
  })
  .get('/:id', (c) => {
    const id = readId(c, 'id', 'Campaign')
    const campaign = getCampaign(c.get('db'), id)
    if (!campaign) throw new AppError('NOT_FOUND', `Campaign ${id} does not exist.`)
    return c.json(campaign)
  })
  .patch('/:id', async (c) => {
    const id = readId(c, 'id', 'Campaign')
    const body = await readJson(c, updateCampaignBody)
    return c.json(changeCampaign(c.get('db'), id, body))
  })
  .post('/:id/start', (c) => c.json(startCampaign(c.get('db'), readId(c, 'id', 'Campaign'))))
  .post('/:id/pause', (c) => c.json(pauseCampaign(c.get('db'), readId(c, 'id', 'Campaign'))))
  .get('/:id/leads', getLeads)
  .post('/:id/leads', postLeads)
  .post('/:id/numbers/lookup', lookupNumbers)
  .get('/:id/mapping', getMapping)
  .put('/:id/mapping', putMapping)
