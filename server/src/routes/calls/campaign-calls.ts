import { CALL_LISTINGS, type Call, type CallListing } from '@leadport/shared'
import { Hono } from 'hono'
import type { AppEnv } from '../../app.ts'
import { AppError } from '../../app-error.ts'
import { type CallRow, listLeadCalls, listLiveCalls, readLeadCampaignId } from '../../db/calls.ts'
import { listRecentCalls } from '../../db/campaign-activity.ts'
import { readCampaignStatus } from '../../db/campaigns.ts'
import { countLeadsByStatus } from '../../db/leads.ts'
import { type Clock, systemClock } from '../../dialer/provider.ts'
import { readId } from '../validate.ts'
import { buildActivity } from './activity.ts'

/** Largest `limit` of the recent calls. */
export const MAX_RECENT_CALLS = 200

/** A stored call as the API shows it (the lease is internal). */
export function toCall(r: CallRow): Call {
  const { lease_until: _, ...call } = r
  return call
}

function readListing(raw: string | undefined): CallListing {
  const s = raw ?? 'in_progress'
  if (!(CALL_LISTINGS as readonly string[]).includes(s)) {
    throw new AppError('BAD_REQUEST', `Unknown status "${s}". Use in_progress or recent.`)
  }
  return s as CallListing
}

function readLimit(raw: string | undefined): number {
  const n = raw === undefined ? 50 : Number(raw)
  if (!Number.isInteger(n) || n < 1 || n > MAX_RECENT_CALLS) {
    throw new AppError(
      'BAD_REQUEST',
      `The limit must be a whole number from 1 to ${MAX_RECENT_CALLS}.`,
    )
  }
  return n
}

/**
 * Call routes under `/api/campaigns`: `GET /{id}/calls?status=in_progress|recent` (live calls
 * oldest first, or the latest ended ones) and `GET /{id}/activity` (statuses and outcomes over
 * time, for the chart). `clock` is the dialer's, so tests see the times they set.
 * @example app.route('/campaigns', createCampaignCallRoutes(systemClock))
 */
export function createCampaignCallRoutes(clock: Clock = systemClock) {
  return new Hono<AppEnv>()
    .get('/:id/calls', (c) => {
      const db = c.get('db')
      const id = readId(c, 'id', 'Campaign')
      const listing = readListing(c.req.query('status'))
      const limit = readLimit(c.req.query('limit'))
      if (!readCampaignStatus(db, id))
        throw new AppError('NOT_FOUND', `Campaign ${id} does not exist.`)
      const rows =
        listing === 'in_progress' ? listLiveCalls(db, id) : listRecentCalls(db, id, limit)
      return c.json({ items: rows.map(toCall) })
    })
    .get('/:id/activity', (c) => {
      const db = c.get('db')
      const id = readId(c, 'id', 'Campaign')
      if (!readCampaignStatus(db, id))
        throw new AppError('NOT_FOUND', `Campaign ${id} does not exist.`)
      return c.json(buildActivity(db, id, clock.now(), countLeadsByStatus(db, id)))
    })
}

/**
 * `GET /api/leads/{id}/calls`: a lead's attempts, oldest first (one call per number dialled).
 * @example app.route('/leads', leadCallRoutes)
 */
export const leadCallRoutes = new Hono<AppEnv>().get('/:id/calls', (c) => {
  const db = c.get('db')
  const id = readId(c, 'id', 'Lead')
  if (readLeadCampaignId(db, id) === undefined) {
    throw new AppError('NOT_FOUND', `Lead ${id} does not exist.`)
  }
  return c.json({ items: listLeadCalls(db, id).map(toCall) })
})
