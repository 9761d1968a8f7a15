import type { Campaign, CampaignStatus, CreateCampaignBody, Weekday } from '@leadport/shared'
import {
  listAllCampaignPhoneNumberIds,
  listCampaignPhoneNumberIds,
} from './campaign-phone-numbers.ts'
import { countAllLeadsByStatus, countLeadsByStatus } from './leads.ts'
import type { Db } from './open.ts'

/** A campaign's own columns (its caller numbers live in `campaign_phone_numbers`). */
export type CampaignFields = Omit<CreateCampaignBody, 'phone_number_ids'>

interface CampaignRow {
  id: number
  name: string
  status: CampaignStatus
  assistant_id: number | null
  assistant_time_zone: string | null
  time_zone: string | null
  calling_hours_start: string
  calling_hours_end: string
  allowed_days: string
  max_retries: number
  retry_interval_minutes: number
  parallel_calls: number
  retry_on_voicemail: number
  created_at: string
  updated_at: string
}

const SELECT = `SELECT c.id, c.name, c.status, c.assistant_id, a.time_zone AS assistant_time_zone,
    c.time_zone, c.calling_hours_start, c.calling_hours_end, c.allowed_days, c.max_retries,
    c.retry_interval_minutes, c.parallel_calls, c.retry_on_voicemail, c.created_at, c.updated_at
  FROM campaigns c LEFT JOIN assistants a ON a.id = c.assistant_id`

function toCampaign(
  r: CampaignRow,
  phoneNumberIds: number[],
  counts: Campaign['lead_counts'],
): Campaign {
  return {
    id: r.id,
    name: r.name,
    status: r.status,
    assistant_id: r.assistant_id,
    phone_number_ids: phoneNumberIds,
    time_zone: r.time_zone,
    effective_time_zone: r.time_zone ?? r.assistant_time_zone,
    calling_hours_start: r.calling_hours_start,
    calling_hours_end: r.calling_hours_end,
    allowed_days: JSON.parse(r.allowed_days) as Weekday[],
    max_retries: r.max_retries,
    retry_interval_minutes: r.retry_interval_minutes,
    parallel_calls: r.parallel_calls,
    retry_on_voicemail: r.retry_on_voicemail === 1,
    created_at: r.created_at,
    updated_at: r.updated_at,
    lead_counts: counts,
  }
}

function params(f: CampaignFields) {
  return {
    name: f.name,
    assistant_id: f.assistant_id,
    time_zone: f.time_zone,
    calling_hours_start: f.calling_hours_start,
    calling_hours_end: f.calling_hours_end,
    allowed_days: JSON.stringify(f.allowed_days),
    max_retries: f.max_retries,
    retry_interval_minutes: f.retry_interval_minutes,
    parallel_calls: f.parallel_calls,
    retry_on_voicemail: f.retry_on_voicemail ? 1 : 0,
  }
}

/** Inserts a draft campaign and returns its id. */
export function insertCampaign(db: Db, f: CampaignFields): number {
  return db
    .prepare(
      `INSERT INTO campaigns (name, assistant_id, time_zone, calling_hours_start,
         calling_hours_end, allowed_days, max_retries, retry_interval_minutes, parallel_calls,
         retry_on_voicemail, updated_at)
       VALUES (@name, @assistant_id, @time_zone, @calling_hours_start, @calling_hours_end,
         @allowed_days, @max_retries, @retry_interval_minutes, @parallel_calls,
         @retry_on_voicemail, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
       RETURNING id`,
    )
    .pluck()
    .get(params(f)) as number
}

/** Replaces a campaign's own columns (not its status). */
export function updateCampaign(db: Db, id: number, f: CampaignFields): void {
  db.prepare(
    `UPDATE campaigns SET name = @name, assistant_id = @assistant_id, time_zone = @time_zone,
       calling_hours_start = @calling_hours_start, calling_hours_end = @calling_hours_end,
       allowed_days = @allowed_days, max_retries = @max_retries,
       retry_interval_minutes = @retry_interval_minutes, parallel_calls = @parallel_calls,
       retry_on_voicemail = @retry_on_voicemail,
       updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
     WHERE id = @id`,
  ).run({ ...params(f), id })
}

/** Sets a campaign's status. */
export function setCampaignStatus(db: Db, id: number, status: CampaignStatus): void {
  db.prepare(
    `UPDATE campaigns SET status = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
     WHERE id = ?`,
  ).run(status, id)
}

/** A campaign's status, or `undefined` when it does not exist. */
export function readCampaignStatus(db: Db, id: number): CampaignStatus | undefined {
  return db.prepare('SELECT status FROM campaigns WHERE id = ?').pluck().get(id) as
    | CampaignStatus
    | undefined
}

/** One campaign with its caller numbers and lead counts by status, or `undefined`. */
export function getCampaign(db: Db, id: number): Campaign | undefined {
  const row = db.prepare(`${SELECT} WHERE c.id = ?`).get(id) as CampaignRow | undefined
  if (!row) return undefined
  return toCampaign(row, listCampaignPhoneNumberIds(db, id), countLeadsByStatus(db, id))
}

/** Every campaign, newest first, with caller numbers and lead counts by status. */
export function listCampaigns(db: Db): Campaign[] {
  const rows = db.prepare(`${SELECT} ORDER BY c.id DESC`).all() as CampaignRow[]
  const numbers = listAllCampaignPhoneNumberIds(db)
  const counts = countAllLeadsByStatus(db)
  return rows.map((r) => toCampaign(r, numbers.get(r.id) ?? [], counts.get(r.id) ?? {}))
}
