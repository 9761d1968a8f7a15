import type { Campaign, CampaignStatus, LeadStatus } from '@leadport/shared'
import type { Db } from './open.ts'

interface CampaignRow {
  id: number
  name: string
  status: CampaignStatus
  created_at: string
}

/** Inserts a draft campaign and returns it. */
export function insertCampaign(db: Db, name: string): Campaign {
  const row = db
    .prepare('INSERT INTO campaigns (name) VALUES (?) RETURNING id, name, status, created_at')
    .get(name) as CampaignRow
  return { ...row, lead_counts: {} }
}

/** One campaign with its lead counts by status, or `undefined`. */
export function getCampaign(db: Db, id: number): Campaign | undefined {
  const row = db
    .prepare('SELECT id, name, status, created_at FROM campaigns WHERE id = ?')
    .get(id) as CampaignRow | undefined
  if (!row) return undefined
  return { ...row, lead_counts: countLeadsByStatus(db, id) }
}

/** Every campaign, newest first, with lead counts by status. */
export function listCampaigns(db: Db): Campaign[] {
  const rows = db
    .prepare('SELECT id, name, status, created_at FROM campaigns ORDER BY id DESC')
    .all() as CampaignRow[]
  const counts = db
    .prepare('SELECT campaign_id, status, count(*) AS n FROM leads GROUP BY campaign_id, status')
    .all() as { campaign_id: number; status: LeadStatus; n: number }[]
  const byCampaign = new Map<number, Partial<Record<LeadStatus, number>>>()
  for (const c of counts) {
    const m = byCampaign.get(c.campaign_id) ?? {}
    m[c.status] = c.n
    byCampaign.set(c.campaign_id, m)
  }
  return rows.map((r) => ({ ...r, lead_counts: byCampaign.get(r.id) ?? {} }))
}

function countLeadsByStatus(db: Db, campaignId: number): Partial<Record<LeadStatus, number>> {
  const rows = db
    .prepare('SELECT status, count(*) AS n FROM leads WHERE campaign_id = ? GROUP BY status')
    .all(campaignId) as { status: LeadStatus; n: number }[]
  const out: Partial<Record<LeadStatus, number>> = {}
  for (const r of rows) out[r.status] = r.n
  return out
}
