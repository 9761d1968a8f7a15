import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../db/open.ts'
import type { Json } from '../../test/temp-db.ts'
import { type ServerProcess, spawnServer } from './spawn-server.ts'
import { importBody, phoneFor, seedImportCampaign } from './temp-import-app.ts'

// Real server processes on loopback; this process is the client. Each start boots the server
// and its chunk worker thread, slow on a busy machine: the timeout is generous.
const SLOW = { timeout: 120_000 }
let dir: string
let file: string
let campaign: number
let server: ServerProcess | undefined
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'leadport-faults-'))
  file = join(dir, 'leadport.db')
  const db = openDatabase(file)
  campaign = seedImportCampaign(db)
  db.close()
})
afterEach(async () => {
  await server?.stop('SIGKILL')
  server = undefined
  rmSync(dir, { recursive: true, force: true })
})

async function call(method: string, path: string, body?: unknown, signal?: AbortSignal) {
  const res = await fetch(`${server?.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${server?.key}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal,
  })
  return { status: res.status, body: (await res.json()) as Json }
}

function rows(from: number, to: number, phone = phoneFor) {
  const out = []
  for (let i = from; i < to; i++) out.push({ row: i + 2, cells: [`C${i}`, phone(i), null] })
  return out
}

function inspect() {
  const db = new Database(file, { readonly: true })
  try {
    return {
      leads: db.prepare('SELECT count(*) FROM leads').pluck().get() as number,
      distinct: db.prepare('SELECT count(DISTINCT phone_e164) FROM leads').pluck().get() as number,
      integrity: db.pragma('integrity_check', { simple: true }) as string,
    }
  } finally {
    db.close()
  }
}

describe('faults, with a real server process', SLOW, () => {
  it('stores a chunk sent twice at once, and again after the client gave up waiting, once', async () => {
    server = await spawnServer(file)
    const id = (await call('POST', '/api/imports', importBody(campaign, 4_000, 2_000))).body.id
    const chunk = { rows: rows(0, 2_000) }
    const both = await Promise.all([
      call('PUT', `/api/imports/${id}/chunks/0`, chunk),
      call('PUT', `/api/imports/${id}/chunks/0`, chunk),
    ])
    expect(both.map((r) => r.status)).toEqual([200, 200])
    expect(both.map((r) => r.body.replay).sort()).toEqual([false, true])
    // A timeout: the client aborts once the body is sent, then sends the chunk again.
    const second = { rows: rows(2_000, 4_000) }
    const ac = new AbortController()
    const lost = call('PUT', `/api/imports/${id}/chunks/1`, second, ac.signal).catch(() => null)
    setTimeout(() => ac.abort(), 5)
    await lost
    const retry = await call('PUT', `/api/imports/${id}/chunks/1`, second)
    expect(retry.status).toBe(200)
    expect(retry.body.inserted).toBe(2_000)
    const done = await call('POST', `/api/imports/${id}/complete`)
    expect(done.body.counts).toMatchObject({ rows: 4_000, inserted: 4_000 })
    expect(inspect()).toEqual({ leads: 4_000, distinct: 4_000, integrity: 'ok' })
  })

  it('keeps two concurrent imports with overlapping numbers free of duplicates, counts adding up', async () => {
    server = await spawnServer(file)
    const a = (await call('POST', '/api/imports', importBody(campaign, 10_000, 1_000))).body.id
    const b = (await call('POST', '/api/imports', importBody(campaign, 10_000, 1_000))).body.id
    const sends = []
    for (let n = 0; n < 10; n++) {
      sends.push(
        call('PUT', `/api/imports/${a}/chunks/${n}`, { rows: rows(n * 1_000, (n + 1) * 1_000) }),
      )
      const from = 5_000 + n * 1_000
      sends.push(call('PUT', `/api/imports/${b}/chunks/${n}`, { rows: rows(from, from + 1_000) }))
    }
    for (const r of await Promise.all(sends)) expect(r.status).toBe(200)
    const ca = (await call('POST', `/api/imports/${a}/complete`)).body.counts
    const cb = (await call('POST', `/api/imports/${b}/complete`)).body.counts
    for (const c of [ca, cb]) {
      expect(c.rows).toBe(10_000)
      expect(c.inserted + c.duplicate_in_campaign + c.duplicate_in_file + c.invalid).toBe(10_000)
      expect(c.duplicate_in_file + c.invalid).toBe(0)
    }
    expect(ca.inserted + cb.inserted).toBe(15_000)
    expect(ca.duplicate_in_campaign + cb.duplicate_in_campaign).toBe(5_000)
    expect(inspect()).toEqual({ leads: 15_000, distinct: 15_000, integrity: 'ok' })
  })

  it('survives SIGKILL mid-import: the client resumes, nothing acknowledged is lost, nothing doubles', async () => {
    const total = 200_000
    const size = 2_000
    const chunks = total / size
    // Every 50th row repeats the number of the row 7 before it: in-file duplicates across chunks.
    const phone = (i: number) => phoneFor(i % 50 === 49 ? i - 7 : i)
    const body = (n: number) => ({ rows: rows(n * size, (n + 1) * size, phone) })
    server = await spawnServer(file)
    const id = (await call('POST', '/api/imports', importBody(campaign, total, size))).body.id
    const acked = new Set<number>()
    let next = 0
    const send = async () => {
      while (next < chunks) {
        const n = next++
        const r = await call('PUT', `/api/imports/${id}/chunks/${n}`, body(n)).catch(() => null)
        if (r?.status === 200) acked.add(n)
        if (acked.size === 30 && server) void server.stop('SIGKILL')
        if (!r) return
      }
    }
    await Promise.all([send(), send(), send(), send()])
    expect(await server.exited).toBe('SIGKILL')
    expect(acked.size).toBeGreaterThanOrEqual(30)
    expect(acked.size).toBeLessThan(chunks)

    server = await spawnServer(file)
    const view = (await call('GET', `/api/imports/${id}`)).body
    for (const n of acked) expect(view.committed_chunks).toContain(n)
    const stored = new Set<number>(view.committed_chunks)
    for (let n = 0; n < chunks; n++) {
      if (stored.has(n)) continue
      expect((await call('PUT', `/api/imports/${id}/chunks/${n}`, body(n))).status).toBe(200)
    }
    // A resend of an acknowledged chunk is a replay.
    expect((await call('PUT', `/api/imports/${id}/chunks/0`, body(0))).body.replay).toBe(true)
    const done = (await call('POST', `/api/imports/${id}/complete`)).body
    const unique = total - total / 50
    expect(done.counts).toMatchObject({
      rows: total,
      inserted: unique,
      duplicate_in_file: total / 50,
    })
    expect(inspect()).toEqual({ leads: unique, distinct: unique, integrity: 'ok' })
  })
})
