import { buildTargets, campaignMappingBody, validateMapping } from '@leadport/shared'
import type { Context } from 'hono'
import type { AppEnv } from '../../app.ts'
import { AppError } from '../../app-error.ts'
import { getCampaignMapping, saveCampaignMapping } from '../../db/campaign-mappings.ts'
import { readCampaignStatus } from '../../db/campaigns.ts'
import { readCampaignVariables } from '../../db/imports.ts'
import { readId, readJson } from '../validate.ts'

/**
 * `GET /api/campaigns/{id}/mapping`: the column mapping remembered for the campaign (saved by the
 * wizard or by the last import session), or 404 when there is none yet.
 * @example GET /api/campaigns/1000/mapping // {"header":[…],"mapping":{…},"format":{…},"saved_at":"…"}
 */
export function getMapping(c: Context<AppEnv>) {
  const db = c.get('db')
  const id = readId(c, 'id', 'Campaign')
  if (!readCampaignStatus(db, id)) throw new AppError('NOT_FOUND', `Campaign ${id} does not exist.`)
  const saved = getCampaignMapping(db, id)
  if (!saved) {
    throw new AppError(
      'NOT_FOUND',
      `Campaign ${id} has no saved column mapping yet; one is saved with its first import.`,
    )
  }
  return c.json(saved)
}

/**
 * `PUT /api/campaigns/{id}/mapping`: remembers a mapping for the campaign's next import. It must
 * fit its header and the campaign assistant's variables, as an import's would.
 * @example PUT /api/campaigns/1000/mapping {"header":["Telefon"],"mapping":{…},"format":{"kind":"international"}}
 */
export async function putMapping(c: Context<AppEnv>) {
  const db = c.get('db')
  const id = readId(c, 'id', 'Campaign')
  const body = await readJson(c, campaignMappingBody)
  const saved = db
    .transaction(() => {
      if (!readCampaignStatus(db, id)) {
        throw new AppError('NOT_FOUND', `Campaign ${id} does not exist.`)
      }
      // A null-prototype copy: a `__proto__` key stays a key (and is refused as unknown).
      const variables: Record<string, number | null> = Object.create(null)
      for (const [k, v] of Object.entries(body.mapping.variables)) variables[k] = v
      const mapping = { ...body.mapping, variables }
      const targets = buildTargets(readCampaignVariables(db, id))
      const problem = validateMapping(mapping, body.header.length, targets).find(
        (p) => p.severity === 'error',
      )
      if (problem) throw new AppError('BAD_REQUEST', problem.message)
      return saveCampaignMapping(db, id, { ...body, mapping })
    })
    .immediate()
  return c.json(saved)
}
