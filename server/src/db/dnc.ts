import type { DncSource, DoNotCallEntry, Page } from '@leadport/shared'
import type { Db } from './open.ts'

/** Who added numbers to the list: a member or an API key, and the label to show. */
export interface DncAuthor {
  userId: number | null
  apiKeyId: number | null
  label: string
}

/** What {@link addDoNotCall} did with each number, in the order given. */
export interface DncAddOutcome {
  outcome: 'added' | 'duplicate'
  id: number
}

/** Lead statuses a do-not-call match turns into `suppressed` (never a lead in or past a call). */
const NOT_YET_CALLED = "('created', 'scheduled', 'rescheduled')"

/**
 * Adds E.164 numbers to the do-not-call list (a number already on it is left as it is) and, in
 * the same transaction, suppresses every campaign's not-yet-called leads with those numbers.
 * @example addDoNotCall(db, ['+905321234567'], { reason: 'asked', source: 'manual', by, now })
 */
export function addDoNotCall(
  db: Db,
  numbers: readonly string[],
  o: { reason: string; source: DncSource; by: DncAuthor; now: string },
): { outcomes: DncAddOutcome[]; suppressed: number } {
  const insert = db
    .prepare(
      `INSERT INTO do_not_call (phone_e164, reason, source, added_by_user_id, added_by_api_key_id,
         added_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (phone_e164) DO NOTHING RETURNING id`,
    )
    .pluck()
  const find = db.prepare('SELECT id FROM do_not_call WHERE phone_e164 = ?').pluck()
  return db
    .transaction(() => {
      const outcomes: DncAddOutcome[] = []
      for (const n of numbers) {
        const id = insert.get(n, o.reason, o.source, o.by.userId, o.by.apiKeyId, o.by.label, o.now)
        outcomes.push(
          id === undefined
            ? { outcome: 'duplicate', id: find.get(n) as number }
            : { outcome: 'added', id: id as number },
        )
      }
      return { outcomes, suppressed: suppressListedNumbers(db, numbers, o.now) }
    })
    .immediate()
}

/**
 * Suppresses the not-yet-called leads of every campaign whose primary number is in `numbers`;
 * one lookup in the `UNIQUE (campaign_id, phone_e164)` index per campaign and number (leads
 * have no index on the number alone, and imports should not pay for one). Returns how many.
 */
export function suppressListedNumbers(db: Db, numbers: readonly string[], now: string): number {
  if (numbers.length === 0) return 0
  return db
    .prepare(
      `UPDATE leads SET status = 'suppressed', updated_at = ?
       WHERE status IN ${NOT_YET_CALLED} AND id IN (
         SELECT l.id FROM campaigns c CROSS JOIN json_each(?) j
           CROSS JOIN leads l ON l.campaign_id = c.id AND l.phone_e164 = j.value)`,
    )
    .run(now, JSON.stringify(numbers)).changes
}

/**
 * Inside the caller's transaction: makes the campaign's leads with `id > sinceLeadId` (the ones
 * just stored) `suppressed` when their number is on the list; returns how many. It walks the
 * smaller side: each listed number looked up in the leads' `UNIQUE (campaign_id, phone_e164)`
 * index, or each new lead (a rowid range) looked up in the list, so its cost grows with neither
 * the campaign nor, beyond the new rows, the import.
 * @example const since = maxLeadId(db); insertLeads(...); suppressDoNotCall(db, campaignId, since)
 */
export function suppressDoNotCall(db: Db, campaignId: number, sinceLeadId: number): number {
  const listed = db.prepare('SELECT max(id) FROM do_not_call').pluck().get() as number | null
  if (listed === null) return 0
  const newest = (db.prepare('SELECT max(id) FROM leads').pluck().get() as number | null) ?? 0
  // max(id) bounds both sides' sizes in O(1); deleted list rows only make the list look bigger.
  const sql = listed <= newest - sinceLeadId ? SUPPRESS_SQL.fromList : SUPPRESS_SQL.fromLeads
  return db.prepare(sql).run({ campaignId, since: sinceLeadId }).changes
}

const SUPPRESS = `UPDATE leads SET status = 'suppressed',
    updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
  WHERE status IN ${NOT_YET_CALLED} AND id IN`

/** The two plans of {@link suppressDoNotCall}, exported so a test can check them. */
export const SUPPRESS_SQL = {
  /** Each listed number looked up in the leads' `UNIQUE (campaign_id, phone_e164)`. */
  fromList: `${SUPPRESS} (SELECT l.id FROM do_not_call d CROSS JOIN leads l
    ON l.campaign_id = @campaignId AND l.phone_e164 = d.phone_e164 WHERE l.id > @since)`,
  /** Each new lead (`leads_campaign_id` from `since`) looked up in the list. */
  fromLeads: `${SUPPRESS} (SELECT l.id FROM leads l CROSS JOIN do_not_call d
    ON d.phone_e164 = l.phone_e164 WHERE l.id > @since AND l.campaign_id = @campaignId)`,
} as const

/** The largest lead id so far (0 with none): pass it to {@link suppressDoNotCall}. */
export function maxLeadId(db: Db): number {
  return (db.prepare('SELECT max(id) FROM leads').pluck().get() as number | null) ?? 0
}

/** Whether an E.164 number is on the list. */
export function isDoNotCall(db: Db, e164: string): boolean {
  return db.prepare('SELECT 1 FROM do_not_call WHERE phone_e164 = ?').get(e164) !== undefined
}

/** Removes one entry; false when there was none. Suppressed leads stay suppressed. */
export function deleteDoNotCall(db: Db, id: number): boolean {
  return db.prepare('DELETE FROM do_not_call WHERE id = ?').run(id).changes > 0
}

/** How {@link listDoNotCall} pages: newest first, or numbers starting with a prefix. */
export type ListDncQuery =
  | { kind: 'recent'; beforeId: number | null; limit: number }
  | { kind: 'phone'; prefix: string; afterPhone: string; limit: number }
  | { kind: 'reason'; text: string; beforeId: number | null; limit: number }

const COLUMNS = 'id, phone_e164, reason, source, added_by, created_at'

/** A page of the list with a cursor for the next one; never an OFFSET scan. */
export function listDoNotCall(db: Db, q: ListDncQuery): Page<DoNotCallEntry> {
  const sql =
    q.kind === 'phone'
      ? `SELECT ${COLUMNS} FROM do_not_call WHERE phone_e164 > @afterPhone
           AND phone_e164 >= @prefix AND phone_e164 < @prefix || ':' ORDER BY phone_e164 LIMIT @n`
      : `SELECT ${COLUMNS} FROM do_not_call WHERE (@before IS NULL OR id < @before)
           AND (@text IS NULL OR instr(lower(reason), lower(@text)) > 0) ORDER BY id DESC LIMIT @n`
  const args =
    q.kind === 'phone'
      ? { prefix: q.prefix, afterPhone: q.afterPhone, n: q.limit + 1 }
      : { before: q.beforeId, text: q.kind === 'reason' ? q.text : null, n: q.limit + 1 }
  const rows = db.prepare(sql).all(args) as DoNotCallEntry[]
  const more = rows.length > q.limit
  const items = more ? rows.slice(0, q.limit) : rows
  const last = items[items.length - 1]
  const next = more && last ? (q.kind === 'phone' ? last.phone_e164 : String(last.id)) : null
  return { items, next_cursor: next }
}

/** Ids of the campaign's `suppressed` leads with `id > sinceLeadId` (after {@link suppressDoNotCall}). */
export function listSuppressedSince(db: Db, campaignId: number, sinceLeadId: number): Set<number> {
  const ids = db
    .prepare(
      `SELECT id FROM leads INDEXED BY leads_campaign_status
       WHERE campaign_id = ? AND status = 'suppressed' AND id > ?`,
    )
    .pluck()
    .all(campaignId, sinceLeadId) as number[]
  return new Set(ids)
}
