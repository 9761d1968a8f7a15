import type { Lead, LeadStatus, Page } from '@leadport/shared'
import type { Db } from './open.ts'

/** A validated lead ready to store. */
export interface NewLead {
  phone_e164: string
  phone_ext: string | null
  variables: Record<string, string>
}

/** `id` when stored, `null` when the campaign already has that number. */
export type InsertOutcome = number | null

/**
 * Inserts leads into a campaign in one transaction; a number already in the campaign is left
 * as it is (`UNIQUE(campaign_id, phone_e164)`) and reported as `null`.
 */
export function insertLeads(
  db: Db,
  campaignId: number,
  leads: readonly NewLead[],
  status: LeadStatus,
): InsertOutcome[] {
  const stmt = db.prepare(
    `INSERT INTO leads (campaign_id, phone_e164, phone_ext, status, variables)
     VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (campaign_id, phone_e164) DO NOTHING
     RETURNING id`,
  )
  const run = db.transaction((): InsertOutcome[] => {
    const out: InsertOutcome[] = new Array(leads.length)
    for (let i = 0; i < leads.length; i++) {
      const l = leads[i] as NewLead
      const row = stmt.get(
        campaignId,
        l.phone_e164,
        l.phone_ext,
        status,
        JSON.stringify(l.variables),
      ) as { id: number } | undefined
      out[i] = row ? row.id : null
    }
    return out
  })
  return run.immediate()
}

interface LeadRow extends Omit<Lead, 'variables'> {
  variables: string
}

/** Options of {@link listLeads}. */
export interface ListLeadsOptions {
  status?: LeadStatus
  /** Exclusive lower bound on the lead id, from the previous page's `next_cursor`. */
  after?: number
  limit: number
}

/** A page of a campaign's leads in insertion order, with a cursor for the next page. */
export function listLeads(db: Db, campaignId: number, opts: ListLeadsOptions): Page<Lead> {
  const rows = db
    .prepare(
      `SELECT id, campaign_id, phone_e164, phone_ext, status, variables, created_at
       FROM leads
       WHERE campaign_id = @campaignId AND id > @after
         AND (@status IS NULL OR status = @status)
       ORDER BY id LIMIT @limit`,
    )
    .all({
      campaignId,
      after: opts.after ?? 0,
      status: opts.status ?? null,
      limit: opts.limit + 1,
    }) as LeadRow[]
  const more = rows.length > opts.limit
  const page = more ? rows.slice(0, opts.limit) : rows
  return {
    items: page.map((r) => ({
      ...r,
      variables: JSON.parse(r.variables) as Record<string, string>,
    })),
    next_cursor: more ? String(page[page.length - 1]?.id) : null,
  }
}
