import {
  CALLING_WINDOW_MESSAGE,
  type Campaign,
  type CreateCampaignBody,
  isCallingWindow,
  type UpdateCampaignBody,
} from '@leadport/shared'
import { AppError } from '../../app-error.ts'
import { getAssistant } from '../../db/assistants.ts'
import { setCampaignPhoneNumbers } from '../../db/campaign-phone-numbers.ts'
import { getCampaign, insertCampaign, updateCampaign } from '../../db/campaigns.ts'
import type { Db } from '../../db/open.ts'
import { findUnknownPhoneNumberIds } from '../../db/phone-numbers.ts'

// Referenced rows must exist: the body names them, so a missing one is the body's fault.
function checkReferences(db: Db, assistantId: number | null | undefined, numbers?: number[]) {
  if (assistantId != null && !getAssistant(db, assistantId)) {
    throw new AppError('BAD_REQUEST', `Assistant ${assistantId} does not exist.`)
  }
  const unknown = numbers ? findUnknownPhoneNumberIds(db, numbers) : []
  if (unknown.length > 0) {
    throw new AppError('BAD_REQUEST', `Caller number ${unknown.join(', ')} does not exist.`)
  }
}

/** Creates a draft campaign with its settings and caller numbers, in one transaction. */
export function createCampaign(db: Db, body: CreateCampaignBody): Campaign {
  return db
    .transaction(() => {
      checkReferences(db, body.assistant_id, body.phone_number_ids)
      const { phone_number_ids, ...fields } = body
      const id = insertCampaign(db, fields)
      setCampaignPhoneNumbers(db, id, phone_number_ids)
      return getCampaign(db, id) as Campaign
    })
    .immediate()
}

/**
 * Applies a partial update. A completed campaign is read-only; a running one keeps an assistant
 * and at least one caller number (the dialer needs both).
 */
export function changeCampaign(db: Db, id: number, patch: UpdateCampaignBody): Campaign {
  return db
    .transaction(() => {
      const current = getCampaign(db, id)
      if (!current) throw new AppError('NOT_FOUND', `Campaign ${id} does not exist.`)
      if (current.status === 'completed') {
        throw new AppError('CONFLICT', `Campaign ${id} is completed; its settings can't change.`)
      }
      checkReferences(db, patch.assistant_id, patch.phone_number_ids)
      const { phone_number_ids, ...fieldPatch } = patch
      const { lead_counts, effective_time_zone, status, created_at, updated_at, ...rest } = current
      const next = { ...rest, ...fieldPatch }
      if (current.status === 'in_progress') {
        if (next.assistant_id === null || phone_number_ids?.length === 0) {
          throw new AppError(
            'CONFLICT',
            `Campaign ${id} is in progress: it must keep an assistant and at least one caller number. Pause it first.`,
          )
        }
      }
      if (!isCallingWindow(next.calling_hours_start, next.calling_hours_end)) {
        throw new AppError('BAD_REQUEST', CALLING_WINDOW_MESSAGE)
      }
      const { id: _id, phone_number_ids: _numbers, ...fields } = next
      updateCampaign(db, id, fields)
      if (phone_number_ids) setCampaignPhoneNumbers(db, id, phone_number_ids)
      return getCampaign(db, id) as Campaign
    })
    .immediate()
}
