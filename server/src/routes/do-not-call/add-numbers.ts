import {
  type AddDoNotCallResponse,
  type DncResult,
  type DncSource,
  issueMessage,
  normalizePhoneCell,
  phoneFormatFor,
} from '@leadport/shared'
import type { Context } from 'hono'
import type { AppEnv } from '../../app.ts'
import { listApiKeys } from '../../db/api-keys.ts'
import { addDoNotCall, type DncAuthor } from '../../db/dnc.ts'
import type { Db } from '../../db/open.ts'

/** Who is adding numbers: the signed-in member, or the API key's name. */
export function readAuthor(c: Context<AppEnv>): DncAuthor {
  const auth = c.get('auth')
  if (auth?.kind === 'session')
    return { userId: auth.user.id, apiKeyId: null, label: auth.user.email }
  if (auth?.kind === 'key') {
    const name = listApiKeys(c.get('db')).find((k) => k.id === auth.keyId)?.name ?? ''
    return { userId: null, apiKeyId: auth.keyId, label: `API key ${name}`.trim() }
  }
  return { userId: null, apiKeyId: null, label: '' }
}

/** Numbers read from inputs: every number found (a cell may hold several), and the bad inputs. */
export interface ReadNumbers {
  numbers: string[]
  invalid: { input: string; message: string }[]
}

/**
 * Normalises typed or uploaded numbers with the shared phone rules: International (`+`, `00`)
 * without a country, National with one. A cell with several numbers gives each of them.
 * @example readNumbers(['0532 123 45 67'], 'TR') // { numbers: ['+905321234567'], invalid: [] }
 */
export function readNumbers(inputs: readonly string[], country?: string): ReadNumbers {
  const format = phoneFormatFor(country)
  const out: ReadNumbers = { numbers: [], invalid: [] }
  for (const input of inputs) {
    const p = normalizePhoneCell(input, format)
    if (p.e164 === null) {
      const code = p.codes[0] ?? 'PHONE_INVALID'
      out.invalid.push({ input, message: issueMessage(code, { value: input, country }) })
      continue
    }
    out.numbers.push(p.e164, ...p.secondary)
  }
  return out
}

/**
 * Stores read numbers on the list and answers a result per number (invalid inputs first).
 * @example storeNumbers(db, readNumbers(body.numbers, body.country), 'manual', reason, author)
 */
export function storeNumbers(
  db: Db,
  read: ReadNumbers,
  source: DncSource,
  reason: string,
  by: DncAuthor,
): AddDoNotCallResponse {
  const unique = [...new Set(read.numbers)]
  const now = new Date().toISOString()
  const { outcomes, suppressed } = addDoNotCall(db, unique, { reason, source, by, now })
  const results: DncResult[] = read.invalid.map((r) => ({ status: 'invalid', ...r }))
  let added = 0
  for (let i = 0; i < unique.length; i++) {
    const o = outcomes[i] as (typeof outcomes)[number]
    if (o.outcome === 'added') added++
    results.push({ status: o.outcome, id: o.id, phone_e164: unique[i] as string })
  }
  return {
    results,
    added,
    duplicate: unique.length - added,
    invalid: read.invalid.length,
    suppressed_leads: suppressed,
  }
}
