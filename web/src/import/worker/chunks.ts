import { type Cell, type FoundNumber, toChunkCells } from '@leadport/shared'
import { CHUNK_SIZE } from '../chunk-size.ts'
import { editLog, revalidate } from './edits.ts'
import { phoneKey, phoneOfKey } from './phone-keys.ts'
import { cellsOf } from './row-source.ts'
import type { CheckedRows, Session } from './session.ts'
import type { UploadPlan } from './types.ts'

/** Numbers per campaign lookup (the server's limit). */
const LOOKUP_SIZE = 5_000

const kept = new WeakMap<CheckedRows, { deletions: number; list: Int32Array }>()

/** Indexes of the rows that are sent, in file order (recomputed after deletions). */
function keptRows(c: CheckedRows): Int32Array {
  const hit = kept.get(c)
  if (hit && hit.deletions === c.deletions) return hit.list
  let deleted = 0
  for (let i = 0; i < c.deleted.length; i++) deleted += c.deleted[i] as number
  const list = new Int32Array(c.cells.length - deleted)
  let k = 0
  for (let i = 0; i < c.cells.length; i++) if (c.deleted[i] === 0) list[k++] = i
  kept.set(c, { deletions: c.deletions, list })
  return list
}

/**
 * The JSON body of chunk `n`: the kept rows `[n * CHUNK_SIZE, (n + 1) * CHUNK_SIZE)` with their
 * file row numbers and cells as read or edited. The same rows give the same bytes every time.
 * @example chunkBody(c, 0) // '{"rows":[{"row":2,"cells":["+90…","Ayşe"]}, …]}'
 */
export function chunkBody(c: CheckedRows, n: number): string {
  const list = keptRows(c)
  const end = Math.min(list.length, (n + 1) * CHUNK_SIZE)
  const rows: { row: number; cells: (string | number | boolean | null)[]; hidden?: true }[] = []
  const from = list[n * CHUNK_SIZE] ?? 0
  const read = n * CHUNK_SIZE < end ? cellsOf(c, from, list[end - 1] as number) : []
  for (let k = n * CHUNK_SIZE; k < end; k++) {
    const i = list[k] as number
    // Formatted numbers: exact digits in phone columns, displayed text elsewhere.
    const cells = toChunkCells(read[i - from] as Cell[], c.settings.mapping)
    rows.push(
      c.hidden[i] === 1
        ? { row: c.rowNumbers[i] as number, cells, hidden: true }
        : { row: c.rowNumbers[i] as number, cells },
    )
  }
  return JSON.stringify({ rows })
}

async function sha256(text: string | Uint8Array): Promise<string> {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>)
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('')
}

/** SHA-256 of the file's bytes, hex. */
export function hashBytes(bytes: Uint8Array): Promise<string> {
  return sha256(bytes)
}

/**
 * What the uploader needs: the header, the number of rows sent, and a fingerprint of the file,
 * the reading options, the mapping, the format and the edits (same inputs, same fingerprint).
 * @example await uploadPlan(session, c)
 */
export async function uploadPlan(s: Session, c: CheckedRows): Promise<UploadPlan> {
  const log = editLog(c)
  const fingerprint = await sha256(
    JSON.stringify([await s.sha256(), c.settings.read, c.settings.mapping, c.settings.format, log]),
  )
  return { header: c.header, expectedRows: keptRows(c).length, fingerprint }
}

/** Bodies of `POST /api/campaigns/:id/numbers/lookup` for every valid number still kept. */
export function lookupBodies(c: CheckedRows): string[] {
  const phones = new Set<number>()
  for (let i = 0; i < c.phones.length; i++) {
    const p = c.phones[i] as number
    if (p !== 0 && c.deleted[i] === 0) phones.add(p)
  }
  const all = Array.from(phones, (p) => phoneOfKey(p) as string)
  const bodies: string[] = []
  for (let k = 0; k < all.length; k += LOOKUP_SIZE) {
    bodies.push(JSON.stringify({ phones: all.slice(k, k + LOOKUP_SIZE) }))
  }
  return bodies
}

/** Marks the rows whose number the campaign already has, and re-validates them. */
export function markInCampaign(c: CheckedRows, found: readonly FoundNumber[]): number {
  if (found.length === 0) return 0
  const keys = new Set<number>()
  for (const f of found) {
    c.inCampaign.set(f.phone_e164, f)
    keys.add(phoneKey(f.phone_e164))
  }
  let marked = 0
  for (let i = 0; i < c.phones.length; i++) {
    if (keys.has(c.phones[i] as number)) {
      revalidate(c, i)
      marked++
    }
  }
  return marked
}
