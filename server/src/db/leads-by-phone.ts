import type { FoundNumber } from '@leadport/shared'
import type { Db } from './open.ts'

/**
 * One query for a whole batch: each number of the JSON array is looked up in the
 * `UNIQUE (campaign_id, phone_e164)` index. `CROSS JOIN` fixes the loop order; left to itself
 * the planner scans all of the campaign's leads and probes the array for each.
 */
export const FIND_LEADS_BY_PHONE_SQL = `SELECT l.phone_e164, l.id AS lead_id, l.status
  FROM json_each(?) AS p
  CROSS JOIN leads AS l ON l.campaign_id = ? AND l.phone_e164 = p.value`

/**
 * The leads of a campaign among the given E.164 numbers ({@link FIND_LEADS_BY_PHONE_SQL}), each
 * once however often it was sent; a number the campaign does not have is absent from the answer.
 * @example findLeadsByPhone(db, 1000, ['+905321234567']) // [{ phone_e164, lead_id: 7, status: 'created' }]
 */
export function findLeadsByPhone(
  db: Db,
  campaignId: number,
  phones: readonly string[],
): FoundNumber[] {
  // A campaign being filled for the first time is asked about every row of the file: skip the
  // probes when it has no lead at all.
  const any = db.prepare('SELECT 1 FROM leads WHERE campaign_id = ? LIMIT 1').pluck()
  if (any.get(campaignId) === undefined) return []
  const rows = db
    .prepare(FIND_LEADS_BY_PHONE_SQL)
    .all(JSON.stringify(phones), campaignId) as FoundNumber[]
  // Repeats are removed from the answer (small), not from the request (up to 5,000 numbers).
  const seen = new Set<string>()
  return rows.filter((r) => !seen.has(r.phone_e164) && seen.add(r.phone_e164))
}
