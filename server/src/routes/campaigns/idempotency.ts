import { createHash } from 'node:crypto'
import type { Context } from 'hono'
import { AppError } from '../../app-error.ts'
import { findStoredAnswer, purgeAnswers, storeAnswer } from '../../db/idempotency-keys.ts'
import type { Db } from '../../db/open.ts'

/*
 * The Idempotency-Key contract of `POST /api/campaigns/{id}/leads` (each sentence is a test in
 * add-leads.test.ts):
 * 1. Without the header, every request is carried out.
 * 2. A key is 1 to 255 visible ASCII characters; any other value is refused with 400.
 * 3. The first request with a key is carried out, and its status and body are stored under the
 *    key in the same transaction as the leads, so either both are stored or neither.
 * 4. The same key with the same body (the same JSON after validation: whitespace and key order
 *    do not matter) replays the stored status and body with `Idempotent-Replayed: true`, and
 *    stores nothing again.
 * 5. The same key with a different body is refused with 409 CONFLICT; nothing is stored.
 * 6. Keys are scoped to the campaign: the same key on another campaign is a new request.
 * 7. A refused request (bad body, unknown campaign) stores nothing, so it can be fixed and sent
 *    again with the same key.
 * 8. Answers are kept for 24 hours; after that the key is new again.
 */

/** How long a stored answer is replayed. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000

const KEY_RE = /^[\x21-\x7e]{1,255}$/

/** The request's Idempotency-Key, if any; a malformed one is refused. */
export function readIdempotencyKey(c: Context): string | undefined {
  const key = c.req.header('idempotency-key')
  if (key === undefined) return undefined
  if (!KEY_RE.test(key)) {
    throw new AppError(
      'BAD_REQUEST',
      'The Idempotency-Key header must be 1 to 255 visible ASCII characters (a UUID is a good choice).',
    )
  }
  return key
}

/** SHA-256 of the validated body as JSON. */
export function hashBody(body: unknown): string {
  return createHash('sha256').update(JSON.stringify(body)).digest('hex')
}

/** An answer to send: a status and a JSON body. */
export interface Answer {
  status: 200 | 201
  body: unknown
  replayed: boolean
}

/**
 * Runs `work` at most once per key and scope (see the contract above), inside one immediate
 * transaction with the storing of its answer. Without a key, just runs it in a transaction.
 */
export function runIdempotent(
  db: Db,
  scope: string,
  key: string | undefined,
  body: unknown,
  work: () => { status: 200 | 201; body: unknown },
): Answer {
  const hash = key === undefined ? '' : hashBody(body)
  return db
    .transaction((): Answer => {
      if (key === undefined) return { ...work(), replayed: false }
      purgeAnswers(db, new Date(Date.now() - IDEMPOTENCY_TTL_MS).toISOString())
      const stored = findStoredAnswer(db, scope, key)
      if (stored) {
        if (stored.body_hash !== hash) {
          throw new AppError(
            'CONFLICT',
            'This Idempotency-Key was already used with a different body. Use a new key for a new request.',
          )
        }
        return {
          status: stored.status as 200 | 201,
          body: JSON.parse(stored.response),
          replayed: true,
        }
      }
      const answer = work()
      storeAnswer(db, scope, key, {
        body_hash: hash,
        status: answer.status,
        response: JSON.stringify(answer.body),
      })
      return { ...answer, replayed: false }
    })
    .immediate()
}
