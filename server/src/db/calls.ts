import type { CallOutcome, CallStatus, Weekday } from '@leadport/shared'
import { skipListedNumbers } from './dnc-dial.ts'
import type { Db } from './open.ts'

/** A campaign's dialling settings, as the claim transaction reads them. */
export interface DialerCampaign {
  id: number
  status: string
  /** The campaign's zone, else its assistant's, else `null`. */
  time_zone: string | null
  calling_hours_start: string
  calling_hours_end: string
  allowed_days: Weekday[]
  parallel_calls: number
  max_retries: number
  retry_interval_minutes: number
  retry_on_voicemail: boolean
}

/** A call just claimed: everything a provider needs to place it. */
export interface ClaimedCall {
  id: number
  campaignId: number
  leadId: number
  attempt: number
  to: string
  from: string
  assistant: { id: number; name: string; script: string } | null
  variables: Record<string, string>
}

/** A stored call. */
export interface CallRow {
  id: number
  campaign_id: number
  lead_id: number
  attempt: number
  phone_index: number
  to_e164: string
  from_e164: string
  status: CallStatus
  lease_until: string | null
  outcome: CallOutcome | null
  duration_seconds: number | null
  created_at: string
  ended_at: string | null
}

/** What {@link claimCalls} needs besides the campaign id. */
export interface ClaimOptions {
  now: number
  leaseMs: number
  /** The stored lead zones (`''` = the campaign's) whose calling window is open now. */
  openZones(c: DialerCampaign): string[]
}

const CALL_COLUMNS = `id, campaign_id, lead_id, attempt, phone_index, to_e164, from_e164, status,
  lease_until, outcome, duration_seconds, created_at, ended_at`

/** Reads a campaign's dialling settings, or `undefined`. */
export function readDialerCampaign(db: Db, id: number): DialerCampaign | undefined {
  const r = db
    .prepare(
      `SELECT c.id, c.status, coalesce(c.time_zone, a.time_zone) AS time_zone,
         c.calling_hours_start, c.calling_hours_end, c.allowed_days, c.parallel_calls,
         c.max_retries, c.retry_interval_minutes, c.retry_on_voicemail
       FROM campaigns c LEFT JOIN assistants a ON a.id = c.assistant_id WHERE c.id = ?`,
    )
    .get(id) as
    | (Omit<DialerCampaign, 'allowed_days' | 'retry_on_voicemail'> & {
        allowed_days: string
        retry_on_voicemail: number
      })
    | undefined
  if (!r) return undefined
  return {
    ...r,
    allowed_days: JSON.parse(r.allowed_days) as Weekday[],
    retry_on_voicemail: r.retry_on_voicemail === 1,
  }
}

/** Ids of the campaigns the dialer works on. */
export function listInProgressCampaignIds(db: Db): number[] {
  return db
    .prepare("SELECT id FROM campaigns WHERE status = 'in_progress' ORDER BY id")
    .pluck()
    .all() as number[]
}

/**
 * Works out `leads.time_zone` for up to `limit` waiting leads that have none yet, soonest due
 * first; returns how many it set.
 */
export function fillLeadTimeZones(
  db: Db,
  campaignId: number,
  zoneOf: (e164: string) => string,
  limit: number,
): number {
  const rows = db
    .prepare(
      `SELECT id, phone_e164 FROM leads
       WHERE campaign_id = ? AND status IN ('scheduled', 'rescheduled') AND time_zone IS NULL
       ORDER BY next_attempt_at LIMIT ?`,
    )
    .all(campaignId, limit) as { id: number; phone_e164: string }[]
  const set = db.prepare('UPDATE leads SET time_zone = ? WHERE id = ?')
  db.transaction(() => {
    for (const r of rows) set.run(zoneOf(r.phone_e164), r.id)
  })()
  return rows.length
}

/** Calls of a campaign still waiting for an outcome. */
export function countLiveCalls(db: Db, campaignId: number): number {
  return db
    .prepare("SELECT count(*) FROM calls WHERE campaign_id = ? AND status = 'dialing'")
    .pluck()
    .get(campaignId) as number
}

/**
 * Marks an `in_progress` campaign `completed` when none of its leads can be called any more
 * (none waiting or in a call); returns whether it did. Call inside a transaction.
 */
export function completeIfDone(db: Db, campaignId: number, nowIso: string): boolean {
  return (
    db
      .prepare(
        `UPDATE campaigns SET status = 'completed', updated_at = ?
         WHERE id = ? AND status = 'in_progress'
           AND NOT EXISTS (SELECT 1 FROM leads WHERE campaign_id = campaigns.id
             AND status IN ('scheduled', 'rescheduled', 'processing'))
           AND NOT EXISTS (SELECT 1 FROM calls WHERE campaign_id = campaigns.id
             AND status = 'dialing')`,
      )
      .run(nowIso, campaignId).changes > 0
  )
}

interface DueLead {
  id: number
  phone_e164: string
  secondary_phones: string
  variables: string
  attempts: number
  phone_index: number
}

/**
 * In one `BEGIN IMMEDIATE` transaction: while the campaign is `in_progress`, takes its due
 * leads in open zones (up to its free parallel slots), inserts a leased `dialing` call for each
 * (caller numbers in rotation) and makes the lead `processing`. Completes the campaign when
 * nothing is left to call. Two dialers on one file can never claim the same lead.
 */
export function claimCalls(
  db: Db,
  campaignId: number,
  o: ClaimOptions,
): { calls: ClaimedCall[]; completed: boolean } {
  const nowIso = new Date(o.now).toISOString()
  return db
    .transaction(() => {
      const c = readDialerCampaign(db, campaignId)
      if (c?.status !== 'in_progress') return { calls: [], completed: false }
      if (completeIfDone(db, campaignId, nowIso)) return { calls: [], completed: true }
      const free = c.parallel_calls - countLiveCalls(db, campaignId)
      const callers = db
        .prepare(
          `SELECT p.phone_e164 FROM campaign_phone_numbers cp
           JOIN phone_numbers p ON p.id = cp.phone_number_id
           WHERE cp.campaign_id = ? ORDER BY cp.position`,
        )
        .pluck()
        .all(campaignId) as string[]
      if (free <= 0 || callers.length === 0) return { calls: [], completed: false }
      const leads = db
        .prepare(
          `SELECT id, phone_e164, secondary_phones, variables, attempts, phone_index FROM leads
           WHERE campaign_id = ? AND status IN ('scheduled', 'rescheduled')
             AND time_zone IN (SELECT value FROM json_each(?))
             AND (next_attempt_at IS NULL OR next_attempt_at <= ?)
           ORDER BY next_attempt_at, id LIMIT ?`,
        )
        .all(campaignId, JSON.stringify(o.openZones(c)), nowIso, free) as DueLead[]
      if (leads.length === 0) return { calls: [], completed: false }
      const assistant = db
        .prepare(
          `SELECT a.id, a.name, a.script FROM campaigns c JOIN assistants a
           ON a.id = c.assistant_id WHERE c.id = ?`,
        )
        .get(campaignId) as ClaimedCall['assistant'] | undefined
      let cursor = db
        .prepare('SELECT caller_cursor FROM campaigns WHERE id = ?')
        .pluck()
        .get(campaignId) as number
      const insert = db
        .prepare(
          `INSERT INTO calls (campaign_id, lead_id, attempt, phone_index, to_e164, from_e164,
             lease_until, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
        )
        .pluck()
      const busy = db.prepare(
        "UPDATE leads SET status = 'processing', phone_index = ?, updated_at = ? WHERE id = ?",
      )
      const lease = new Date(o.now + o.leaseMs).toISOString()
      const calls: ClaimedCall[] = []
      for (const l of leads) {
        const secondary = JSON.parse(l.secondary_phones) as string[]
        // Secondary phones may have been edited since the round began: start over on the primary.
        const from0 = l.phone_index <= secondary.length ? l.phone_index : 0
        const index = skipListedNumbers(db, { ...l, secondary, index: from0 }, c, o.now)
        if (index < 0) continue
        const to = index === 0 ? l.phone_e164 : (secondary[index - 1] as string)
        const from = callers[cursor % callers.length] as string
        cursor++
        const attempt = l.attempts + 1
        const id = insert.get(campaignId, l.id, attempt, index, to, from, lease, nowIso) as number
        busy.run(index, nowIso, l.id)
        calls.push({
          id,
          campaignId,
          leadId: l.id,
          attempt,
          to,
          from,
          assistant: assistant ?? null,
          variables: JSON.parse(l.variables) as Record<string, string>,
        })
      }
      db.prepare('UPDATE campaigns SET caller_cursor = ? WHERE id = ?').run(
        cursor % callers.length,
        campaignId,
      )
      return { calls, completed: false }
    })
    .immediate()
}

/** One call, or `undefined`. */
export function getCall(db: Db, id: number): CallRow | undefined {
  return db.prepare(`SELECT ${CALL_COLUMNS} FROM calls WHERE id = ?`).get(id) as CallRow | undefined
}

/** A lead's calls, oldest first (its attempts). */
export function listLeadCalls(db: Db, leadId: number): CallRow[] {
  return db
    .prepare(`SELECT ${CALL_COLUMNS} FROM calls WHERE lead_id = ? ORDER BY id`)
    .all(leadId) as CallRow[]
}

/** A campaign's calls still waiting for an outcome, oldest first. */
export function listLiveCalls(db: Db, campaignId: number): CallRow[] {
  return db
    .prepare(
      `SELECT ${CALL_COLUMNS} FROM calls WHERE campaign_id = ? AND status = 'dialing' ORDER BY id`,
    )
    .all(campaignId) as CallRow[]
}

/** Ids of `dialing` calls whose lease ran out at `nowIso` (every one when `nowIso` is null). */
export function listExpiredCallIds(db: Db, nowIso: string | null): number[] {
  return db
    .prepare(
      `SELECT id FROM calls WHERE status = 'dialing' AND (? IS NULL OR lease_until <= ?)
       ORDER BY id`,
    )
    .pluck()
    .all(nowIso, nowIso) as number[]
}

/** The campaign a lead belongs to, or `undefined` when there is no such lead. */
export function readLeadCampaignId(db: Db, leadId: number): number | undefined {
  return db.prepare('SELECT campaign_id FROM leads WHERE id = ?').pluck().get(leadId) as
    | number
    | undefined
}
