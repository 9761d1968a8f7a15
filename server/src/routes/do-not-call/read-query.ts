import type { Context } from 'hono'
import { AppError } from '../../app-error.ts'
import type { ListDncQuery } from '../../db/dnc.ts'

/** Largest page of the list. */
export const MAX_DNC_PAGE = 500

/**
 * Reads `GET /api/do-not-call`'s query: `q` (digits search numbers by prefix, other text the
 * reasons), `cursor` and `limit`.
 * @example readDncQuery(c) // { kind: 'recent', beforeId: null, limit: 50 }
 */
export function readDncQuery(c: Context): ListDncQuery {
  const rawLimit = c.req.query('limit')
  const limit = rawLimit === undefined ? 50 : Number(rawLimit)
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_DNC_PAGE) {
    throw new AppError('BAD_REQUEST', `The limit must be a whole number from 1 to ${MAX_DNC_PAGE}.`)
  }
  const cursor = c.req.query('cursor')
  const badCursor = () => new AppError('BAD_REQUEST', 'The cursor is not one this API gave out.')
  const q = c.req.query('q')?.trim() ?? ''
  if (/^\+?[\d\s().-]+$/.test(q) && /\d/.test(q)) {
    if (cursor !== undefined && !/^\+\d{1,20}$/.test(cursor)) throw badCursor()
    return { kind: 'phone', prefix: `+${q.replace(/\D/g, '')}`, afterPhone: cursor ?? '', limit }
  }
  if (cursor !== undefined && !/^\d{1,16}$/.test(cursor)) throw badCursor()
  const beforeId = cursor === undefined ? null : Number(cursor)
  if (q.length > 200) throw new AppError('BAD_REQUEST', 'Search with at most 200 characters.')
  return q ? { kind: 'reason', text: q, beforeId, limit } : { kind: 'recent', beforeId, limit }
}
