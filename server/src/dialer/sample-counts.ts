import { getCall } from '../db/calls.ts'
import { insertCampaignSample } from '../db/campaign-activity.ts'
import { countLeadsByStatus } from '../db/leads.ts'
import type { Db } from '../db/open.ts'

/**
 * Writes each campaign's lead counts by status to `campaign_samples` at most every `everyMs`
 * of the dialer's clock, and once more when it completes, for the campaign page's chart.
 * A count scans the campaign's `(campaign_id, status)` index, so it is not done on every tick.
 * @example const s = createSampler(db, 60_000); s.sample(campaignId, clock.now(), false)
 */
export function createSampler(db: Db, everyMs: number) {
  const last = new Map<number, number>()
  const write = (campaignId: number, now: number) => {
    insertCampaignSample(
      db,
      campaignId,
      new Date(now).toISOString(),
      countLeadsByStatus(db, campaignId),
    )
    last.set(campaignId, now)
  }
  return {
    /** On a tick of an `in_progress` campaign (`completed`: the claim just completed it). */
    sample(campaignId: number, now: number, completed: boolean) {
      if (completed || now - (last.get(campaignId) ?? Number.NEGATIVE_INFINITY) >= everyMs) {
        write(campaignId, now)
      }
    },
    /** After the outcome of `callId` completed its campaign. */
    completed(callId: number, now: number) {
      const call = getCall(db, callId)
      if (call) write(call.campaign_id, now)
    },
  }
}
