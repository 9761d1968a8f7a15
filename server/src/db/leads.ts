import type { Lead, LeadStatus, Page } from '@leadport/shared'
import type { Db } from './open.ts'

/** A validated lead ready to store. */
export interface NewLead {
  phone_e164: string
  phone_ext: string | null
  /** `null`: keep the stored ones when updating (none for a new lead). */
  secondary_phones: string[] | null
  variables: Record<string, string>
}

/** How {@link insertLeads} stores a batch. */
export interface InsertLeadsOptions {
  status: LeadStatus
  /** When the dialer may first call (set for `scheduled` leads). */
  nextAttemptAt: string | null
  originKind: 'api' | 'import'
  originRef: string | null
  onDuplicate: 'skip' | 'update'
  now: string
}

/** What happened to one lead: stored, already there (left alone), or already there and updated. */
export interface InsertOutcome {
  outcome: 'created' | 'duplicate' | 'updated'
  id: number
}

/**
 * Inserts leads into a campaign; a number already in the campaign (`UNIQUE(campaign_id,
 * phone_e164)`, extension not part of the key) is left alone or updated per `onDuplicate`.
 * Call it inside a transaction that also decided `status`, so the two agree.
 */
export function insertLeads(
  db: Db,
  campaignId: number,
  leads: readonly NewLead[],
  o: InsertLeadsOptions,
): InsertOutcome[] {
  const insert = db
    .prepare(
      `INSERT INTO leads (campaign_id, phone_e164, phone_ext, secondary_phones, status, variables,
         next_attempt_at, origin_kind, origin_ref, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (campaign_id, phone_e164) DO NOTHING
       RETURNING id`,
    )
    .pluck()
  const find = db.prepare('SELECT id FROM leads WHERE campaign_id = ? AND phone_e164 = ?').pluck()
  const update = db
    .prepare(
      `UPDATE leads SET phone_ext = ?, secondary_phones = coalesce(?, secondary_phones),
         variables = json_patch(variables, ?), updated_at = ?
       WHERE campaign_id = ? AND phone_e164 = ? RETURNING id`,
    )
    .pluck()
  const out: InsertOutcome[] = new Array(leads.length)
  for (let i = 0; i < leads.length; i++) {
    const l = leads[i] as NewLead
    const secondary = l.secondary_phones && JSON.stringify(l.secondary_phones)
    const variables = JSON.stringify(l.variables)
    const id = insert.get(
      campaignId,
      l.phone_e164,
      l.phone_ext,
      secondary ?? '[]',
      o.status,
      variables,
      o.nextAttemptAt,
      o.originKind,
      o.originRef,
      o.now,
      o.now,
    ) as number | undefined
    if (id !== undefined) out[i] = { outcome: 'created', id }
    else if (o.onDuplicate === 'update') {
      const args = [l.phone_ext, secondary, variables, o.now, campaignId, l.phone_e164]
      out[i] = { outcome: 'updated', id: update.get(...args) as number }
    } else out[i] = { outcome: 'duplicate', id: find.get(campaignId, l.phone_e164) as number }
  }
  return out
}

/** Whether a campaign has at least one lead. */
export function campaignHasLeads(db: Db, campaignId: number): boolean {
  return (
    db.prepare('SELECT 1 FROM leads WHERE campaign_id = ? LIMIT 1').get(campaignId) !== undefined
  )
}

/** Makes a campaign's `created` leads `scheduled`, due now; returns how many. */
export function scheduleCreatedLeads(db: Db, campaignId: number, now: string): number {
  return db
    .prepare(
      `UPDATE leads SET status = 'scheduled', next_attempt_at = ?, updated_at = ?
       WHERE campaign_id = ? AND status = 'created'`,
    )
    .run(now, now, campaignId).changes
}

/** A campaign's lead counts by status (a scan of the covering (campaign_id, status) index). */
export function countLeadsByStatus(
  db: Db,
  campaignId: number,
): Partial<Record<LeadStatus, number>> {
  const rows = db
    .prepare('SELECT status, count(*) AS n FROM leads WHERE campaign_id = ? GROUP BY status')
    .all(campaignId) as { status: LeadStatus; n: number }[]
  const out: Partial<Record<LeadStatus, number>> = {}
  for (const r of rows) out[r.status] = r.n
  return out
}

/** Every campaign's lead counts by status. */
export function countAllLeadsByStatus(db: Db): Map<number, Partial<Record<LeadStatus, number>>> {
  const rows = db
    .prepare('SELECT campaign_id, status, count(*) AS n FROM leads GROUP BY campaign_id, status')
    .all() as { campaign_id: number; status: LeadStatus; n: number }[]
  const out = new Map<number, Partial<Record<LeadStatus, number>>>()
  for (const r of rows) {
    const m = out.get(r.campaign_id) ?? {}
    m[r.status] = r.n
    out.set(r.campaign_id, m)
  }
  return out
}

/** Options of {@link listLeads}: one of the three orders, each served by an index. */
export type ListLeadsQuery =
  /** Insertion order, optionally one status: after the lead id `afterId`. */
  | { kind: 'id'; status?: LeadStatus; afterId: number; limit: number }
  /** Numbers starting with `prefix` (`+90532`), in number order, after the number `afterPhone`. */
  | { kind: 'phone'; prefix: string; status?: LeadStatus; afterPhone: string; limit: number }

const LEAD_COLUMNS = `id, campaign_id, phone_e164, phone_ext, secondary_phones, status, variables,
  attempts, next_attempt_at, origin_kind, origin_ref, created_at, updated_at`

/** The SQL of each listing, exported so a test can check its plan. */
export const LIST_SQL = {
  // Forced: with a late cursor the planner may prefer the rowid range, which walks every
  // campaign's newer leads.
  id: `SELECT ${LEAD_COLUMNS} FROM leads INDEXED BY leads_campaign_id
    WHERE campaign_id = @campaignId AND id > @afterId ORDER BY id LIMIT @limit`,
  idStatus: `SELECT ${LEAD_COLUMNS} FROM leads INDEXED BY leads_campaign_status
    WHERE campaign_id = @campaignId AND status = @status AND id > @afterId ORDER BY id LIMIT @limit`,
  // E.164 holds only + and digits, and ':' sorts right after '9': [prefix, prefix:) is the prefix.
  phone: `SELECT ${LEAD_COLUMNS} FROM leads
    WHERE campaign_id = @campaignId AND phone_e164 > @afterPhone AND phone_e164 >= @prefix
      AND phone_e164 < @prefix || ':' ORDER BY phone_e164 LIMIT @limit`,
  phoneStatus: `SELECT ${LEAD_COLUMNS} FROM leads
    WHERE campaign_id = @campaignId AND phone_e164 > @afterPhone AND phone_e164 >= @prefix
      AND phone_e164 < @prefix || ':' AND status = @status ORDER BY phone_e164 LIMIT @limit`,
} as const

interface LeadRow extends Omit<Lead, 'variables' | 'secondary_phones' | 'origin'> {
  variables: string
  secondary_phones: string
  origin_kind: 'api' | 'import'
  origin_ref: string | null
}

function toLead(r: LeadRow): Lead {
  const { origin_kind, origin_ref, ...rest } = r
  return {
    ...rest,
    secondary_phones: JSON.parse(r.secondary_phones) as string[],
    variables: JSON.parse(r.variables) as Record<string, string>,
    origin: { kind: origin_kind, ref: origin_ref },
  }
}

/** A page of a campaign's leads with a cursor for the next page; never an OFFSET scan. */
export function listLeads(db: Db, campaignId: number, q: ListLeadsQuery): Page<Lead> {
  const sql =
    q.kind === 'id'
      ? q.status
        ? LIST_SQL.idStatus
        : LIST_SQL.id
      : q.status
        ? LIST_SQL.phoneStatus
        : LIST_SQL.phone
  const args: Record<string, unknown> = { campaignId, limit: q.limit + 1 }
  if (q.status) args.status = q.status
  if (q.kind === 'id') args.afterId = q.afterId
  else Object.assign(args, { prefix: q.prefix, afterPhone: q.afterPhone })
  const rows = db.prepare(sql).all(args) as LeadRow[]
  const more = rows.length > q.limit
  const page = more ? rows.slice(0, q.limit) : rows
  const last = page[page.length - 1]
  return {
    items: page.map(toLead),
    next_cursor: more && last ? (q.kind === 'id' ? String(last.id) : last.phone_e164) : null,
  }
}
