import type { CallOutcome, LeadStatus } from '@leadport/shared'
import type { CallRow } from './calls.ts'
import type { Db } from './open.ts'

/** Lead counts by status, as sampled. */
export type StatusCounts = Partial<Record<LeadStatus, number>>

/** Stores a campaign's lead counts at `atIso` (a second sample at the same instant wins). */
export function insertCampaignSample(
  db: Db,
  campaignId: number,
  atIso: string,
  counts: StatusCounts,
): void {
  db.prepare(
    `INSERT INTO campaign_samples (campaign_id, at, counts) VALUES (?, ?, ?)
     ON CONFLICT (campaign_id, at) DO UPDATE SET counts = excluded.counts`,
  ).run(campaignId, atIso, JSON.stringify(counts))
}

/** A campaign's samples from `sinceIso` on, oldest first. */
export function listCampaignSamples(
  db: Db,
  campaignId: number,
  sinceIso: string,
): { at: string; counts: StatusCounts }[] {
  const rows = db
    .prepare(
      'SELECT at, counts FROM campaign_samples WHERE campaign_id = ? AND at >= ? ORDER BY at',
    )
    .all(campaignId, sinceIso) as { at: string; counts: string }[]
  return rows.map((r) => ({ at: r.at, counts: JSON.parse(r.counts) as StatusCounts }))
}

/** The last sample before `beforeIso` (the counts a chart starts from), or `undefined`. */
export function lastCampaignSampleBefore(
  db: Db,
  campaignId: number,
  beforeIso: string,
): StatusCounts | undefined {
  const raw = db
    .prepare(
      `SELECT counts FROM campaign_samples WHERE campaign_id = ? AND at < ?
       ORDER BY at DESC LIMIT 1`,
    )
    .pluck()
    .get(campaignId, beforeIso) as string | undefined
  return raw === undefined ? undefined : (JSON.parse(raw) as StatusCounts)
}

/** When the campaign's activity began: its first sample or first call, or `undefined`. */
export function firstActivityAt(db: Db, campaignId: number): string | undefined {
  return db
    .prepare(
      `SELECT min(t) FROM (
         SELECT min(at) AS t FROM campaign_samples WHERE campaign_id = @id
         UNION ALL SELECT min(created_at) FROM calls WHERE campaign_id = @id)`,
    )
    .pluck()
    .get({ id: campaignId }) as string | undefined
}

/**
 * Calls that ended from `sinceIso` on, counted by outcome per bucket of `bucketSeconds`
 * (bucket `k` starts `k * bucketSeconds` after `sinceIso`).
 */
export function countEndedCallsByBucket(
  db: Db,
  campaignId: number,
  sinceIso: string,
  bucketSeconds: number,
): { bucket: number; outcome: CallOutcome; n: number }[] {
  return db
    .prepare(
      `SELECT CAST((unixepoch(ended_at, 'subsec') - unixepoch(@since, 'subsec')) / @size AS INTEGER)
           AS bucket, outcome, count(*) AS n
       FROM calls WHERE campaign_id = @id AND status = 'ended' AND ended_at >= @since
       GROUP BY bucket, outcome`,
    )
    .all({ id: campaignId, since: sinceIso, size: bucketSeconds }) as {
    bucket: number
    outcome: CallOutcome
    n: number
  }[]
}

const COLUMNS = `id, campaign_id, lead_id, attempt, phone_index, to_e164, from_e164, status,
  lease_until, outcome, duration_seconds, created_at, ended_at`

/** A campaign's latest ended calls, newest first. */
export function listRecentCalls(db: Db, campaignId: number, limit: number): CallRow[] {
  return db
    .prepare(
      `SELECT ${COLUMNS} FROM calls WHERE campaign_id = ? AND status = 'ended'
       ORDER BY created_at DESC, id DESC LIMIT ?`,
    )
    .all(campaignId, limit) as CallRow[]
}
