import type { Campaign } from '@leadport/shared'
import { AppError } from '../../app-error.ts'
import { listCampaignPhoneNumberIds } from '../../db/campaign-phone-numbers.ts'
import { getCampaign, setCampaignStatus } from '../../db/campaigns.ts'
import { campaignHasLeads, scheduleCreatedLeads } from '../../db/leads.ts'
import type { Db } from '../../db/open.ts'

const LABEL = {
  draft: 'a draft',
  in_progress: 'in progress',
  paused: 'paused',
  completed: 'completed',
}

function load(db: Db, id: number): Campaign {
  const c = getCampaign(db, id)
  if (!c) throw new AppError('NOT_FOUND', `Campaign ${id} does not exist.`)
  return c
}

/** What a campaign still lacks before it can start, as words for the user. */
export function listMissing(db: Db, c: Campaign): string[] {
  const missing: string[] = []
  if (c.assistant_id === null) missing.push('an assistant')
  if (listCampaignPhoneNumberIds(db, c.id).length === 0) missing.push('a caller number')
  if (!campaignHasLeads(db, c.id)) missing.push('at least one lead')
  return missing
}

function joinWords(words: string[]): string {
  return words.length <= 1
    ? (words[0] ?? '')
    : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`
}

/**
 * `draft | paused → in_progress`, in one transaction with making its `created` leads
 * `scheduled`. Refused with the list of what is missing (assistant, caller number, lead).
 */
export function startCampaign(db: Db, id: number): Campaign {
  return db
    .transaction(() => {
      const c = load(db, id)
      if (c.status !== 'draft' && c.status !== 'paused') {
        throw new AppError('CONFLICT', `Campaign ${id} is ${LABEL[c.status]}; it can't be started.`)
      }
      const missing = listMissing(db, c)
      if (missing.length > 0) {
        throw new AppError('CONFLICT', `Campaign ${id} can't start yet: add ${joinWords(missing)}.`)
      }
      setCampaignStatus(db, id, 'in_progress')
      scheduleCreatedLeads(db, id, new Date().toISOString())
      return load(db, id)
    })
    .immediate()
}

/** `in_progress → paused`; scheduled leads stay scheduled and wait for the next Start. */
export function pauseCampaign(db: Db, id: number): Campaign {
  return db
    .transaction(() => {
      const c = load(db, id)
      if (c.status !== 'in_progress') {
        throw new AppError(
          'CONFLICT',
          `Campaign ${id} is ${LABEL[c.status]}; only a campaign in progress can be paused.`,
        )
      }
      setCampaignStatus(db, id, 'paused')
      return load(db, id)
    })
    .immediate()
}
