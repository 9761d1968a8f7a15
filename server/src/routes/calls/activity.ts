import type { ActivityPoint, CallOutcome, CampaignActivity } from '@leadport/shared'
import {
  countEndedCallsByBucket,
  firstActivityAt,
  lastCampaignSampleBefore,
  listCampaignSamples,
  type StatusCounts,
} from '../../db/campaign-activity.ts'
import type { Db } from '../../db/open.ts'

/** Bucket sizes to pick from (seconds), smallest first. */
const SIZES = [5, 15, 60, 300, 900, 3600, 3 * 3600, 6 * 3600, 86_400]
/** Most buckets a series holds; older activity falls off the front. */
export const MAX_POINTS = 60

/** The smallest bucket that fits `spanMs` in {@link MAX_POINTS} (a day at most). */
export function pickBucketSeconds(spanMs: number): number {
  for (const s of SIZES) if (spanMs / (s * 1000) < MAX_POINTS) return s
  return 86_400
}

/**
 * A campaign's activity over time: per bucket, its lead counts by status (from the dialer's
 * samples, carried forward; the last bucket shows `current`) and its ended calls by outcome.
 * @example buildActivity(db, 1000, Date.now(), countLeadsByStatus(db, 1000))
 */
export function buildActivity(
  db: Db,
  campaignId: number,
  now: number,
  current: StatusCounts,
): CampaignActivity {
  const first = firstActivityAt(db, campaignId)
  const firstMs = first ? Math.min(Date.parse(first), now) : now
  const size = pickBucketSeconds(now - firstMs)
  const sizeMs = size * 1000
  const start = Math.max(
    Math.floor(firstMs / sizeMs) * sizeMs,
    Math.floor(now / sizeMs) * sizeMs - (MAX_POINTS - 1) * sizeMs,
  )
  const startIso = new Date(start).toISOString()
  const count = Math.floor((now - start) / sizeMs) + 1
  const points: ActivityPoint[] = []
  for (let k = 0; k < count; k++) {
    points.push({ at: new Date(start + k * sizeMs).toISOString(), leads: {}, calls: {} })
  }
  let carried: StatusCounts = lastCampaignSampleBefore(db, campaignId, startIso) ?? {}
  const samples = listCampaignSamples(db, campaignId, startIso)
  let s = 0
  for (let k = 0; k < count; k++) {
    const end = start + (k + 1) * sizeMs
    while (s < samples.length && Date.parse((samples[s] as (typeof samples)[number]).at) < end) {
      carried = (samples[s] as (typeof samples)[number]).counts
      s++
    }
    ;(points[k] as ActivityPoint).leads = carried
  }
  ;(points[count - 1] as ActivityPoint).leads = current
  for (const r of countEndedCallsByBucket(db, campaignId, startIso, size)) {
    const p = points[r.bucket]
    if (p) p.calls[r.outcome as CallOutcome] = r.n
  }
  return { bucket_seconds: size, points }
}
