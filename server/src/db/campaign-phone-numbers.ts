import type { Db } from './open.ts'

/** Replaces a campaign's caller numbers, keeping the given order (call inside a transaction). */
export function setCampaignPhoneNumbers(db: Db, campaignId: number, ids: readonly number[]): void {
  db.prepare('DELETE FROM campaign_phone_numbers WHERE campaign_id = ?').run(campaignId)
  const insert = db.prepare(
    `INSERT INTO campaign_phone_numbers (campaign_id, phone_number_id, position) VALUES (?, ?, ?)
     ON CONFLICT DO NOTHING`,
  )
  for (let i = 0; i < ids.length; i++) insert.run(campaignId, ids[i], i)
}

/** A campaign's caller number ids, in order. */
export function listCampaignPhoneNumberIds(db: Db, campaignId: number): number[] {
  return db
    .prepare(
      'SELECT phone_number_id FROM campaign_phone_numbers WHERE campaign_id = ? ORDER BY position',
    )
    .pluck()
    .all(campaignId) as number[]
}

/** Every campaign's caller number ids, by campaign. */
export function listAllCampaignPhoneNumberIds(db: Db): Map<number, number[]> {
  const rows = db
    .prepare(
      `SELECT campaign_id, phone_number_id FROM campaign_phone_numbers
       ORDER BY campaign_id, position`,
    )
    .all() as { campaign_id: number; phone_number_id: number }[]
  const out = new Map<number, number[]>()
  for (const r of rows) {
    const list = out.get(r.campaign_id)
    if (list) list.push(r.phone_number_id)
    else out.set(r.campaign_id, [r.phone_number_id])
  }
  return out
}
