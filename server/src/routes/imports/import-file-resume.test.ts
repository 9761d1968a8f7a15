import type { ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readImportFailure } from '../../db/file-imports.ts'
import { openDatabase } from '../../db/open.ts'
import { createKeyHeaders, startServerProcess } from '../../test/cli-server.ts'
import type { Json } from '../../test/temp-db.ts'
import { importBody, phoneFor, seedImportCampaign } from './temp-import-app.ts'

// `leads serve` as a real process on loopback, killed with SIGKILL in the middle of a background
// file import and started again on the same data folder.
const TOTAL = 100_000
const SIZE = 250
// Every 50th row repeats the number of the row 7 before it: in-file duplicates across chunks.
const phone = (i: number) => phoneFor(i % 50 === 49 ? i - 7 : i)
const UNIQUE = TOTAL - TOTAL / 50

let dir: string
let campaign: number
let proc: ChildProcess | undefined
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'leadport-resume-'))
  const db = openDatabase(join(dir, 'leadport.db'))
  campaign = seedImportCampaign(db)
  db.close()
})
afterEach(() => {
  proc?.kill('SIGKILL')
  proc = undefined
  rmSync(dir, { recursive: true, force: true })
})

async function start() {
  const s = await startServerProcess(['serve', '--port', '0', '--data', dir, '--dialer', 'off'])
  proc = s.proc
  const auth = await createKeyHeaders(s.url)
  const get = async (path: string) =>
    (await (await fetch(`${s.url}${path}`, { headers: auth })).json()) as Json
  return { ...s, auth, get }
}

async function kill(p: ChildProcess) {
  const exited = new Promise((done) => p.once('exit', (_code, signal) => done(signal)))
  p.kill('SIGKILL')
  expect(await exited).toBe('SIGKILL')
}

function csv(): string {
  const lines = ['Name,Phone,Email']
  for (let i = 0; i < TOTAL; i++) lines.push(`C${i},${phone(i)},`)
  return lines.join('\n')
}

/** Posts the file, waits until some of its chunks are stored, and SIGKILLs the server. */
async function importAndKill(s: Awaited<ReturnType<typeof start>>): Promise<number> {
  const form = new FormData()
  form.set('file', new File([csv()], 'big.csv'))
  form.set(
    'options',
    JSON.stringify({
      campaign_id: campaign,
      format: { kind: 'international' },
      mapping: importBody(campaign, 0).mapping,
      chunk_size: SIZE,
    }),
  )
  const res = await fetch(`${s.url}/api/imports/file`, {
    method: 'POST',
    headers: s.auth,
    body: form,
  })
  expect(res.status).toBe(202)
  const id = ((await res.json()) as Json).id as number
  // Acknowledged means kept: the file is on disk before the 202.
  expect(existsSync(join(dir, 'imports', `${id}.csv`))).toBe(true)
  for (;;) {
    const view = await s.get(`/api/imports/${id}`)
    expect(view.status).toBe('uploading')
    if (view.committed_chunks.length >= 20) break
  }
  await kill(s.proc)
  return id
}

async function waitFor(s: Awaited<ReturnType<typeof start>>, id: number, status: string) {
  // A deadline for a hung import, not a speed assertion.
  const deadline = Date.now() + 200_000
  while (Date.now() < deadline) {
    const view = await s.get(`/api/imports/${id}`)
    if (view.status === status) return view
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error(`import ${id} never became ${status}`)
}

function inspect() {
  const db = new Database(join(dir, 'leadport.db'), { readonly: true })
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

describe('background file imports across a crash', () => {
  it('resume from the kept file after SIGKILL and finish with exact counts; browser imports are left to their client', async () => {
    let s = await start()
    // A browser import with one chunk sent: its client resumes it, the server must not.
    const browser = await fetch(`${s.url}/api/imports`, {
      method: 'POST',
      headers: { ...s.auth, 'content-type': 'application/json' },
      body: JSON.stringify(importBody(campaign, 4, 2)),
    })
    const browserId = ((await browser.json()) as Json).id as number
    const put = await fetch(`${s.url}/api/imports/${browserId}/chunks/0`, {
      method: 'PUT',
      headers: { ...s.auth, 'content-type': 'application/json' },
      body: JSON.stringify({
        rows: [
          { row: 2, cells: ['B', phoneFor(9_000_000), null] },
          { row: 3, cells: ['C', phoneFor(9_000_001), null] },
        ],
      }),
    })
    expect(put.status, `${await put.text()} ${s.out()}`).toBe(200)

    const id = await importAndKill(s)
    const before = inspect()
    expect(before.leads).toBeGreaterThan(2)
    expect(before.leads).toBeLessThan(UNIQUE)

    s = await start()
    const done = await waitFor(s, id, 'completed')
    expect(done.counts).toMatchObject({
      rows: TOTAL,
      inserted: UNIQUE,
      duplicate_in_file: TOTAL / 50,
      duplicate_in_campaign: 0,
      invalid: 0,
    })
    expect(done.committed_chunks).toHaveLength(TOTAL / SIZE)
    expect(inspect()).toEqual({ leads: UNIQUE + 2, distinct: UNIQUE + 2, integrity: 'ok' })
    // The file is deleted once the import completes.
    expect(readdirSync(join(dir, 'imports'))).toEqual([])
    const left = await s.get(`/api/imports/${browserId}`)
    expect(left).toMatchObject({ status: 'uploading', committed_chunks: [0] })
  }, 300_000)

  it('fails an unfinished import whose file is missing, saying what to do', async () => {
    const s = await start()
    const id = await importAndKill(s)
    rmSync(join(dir, 'imports', `${id}.csv`))
    const again = await start()
    const view = await waitFor(again, id, 'failed')
    expect(view.counts.rows).toBeLessThan(TOTAL)
    expect(view.failure).toMatch(/file is missing.*Send the file again/)
    const db = new Database(join(dir, 'leadport.db'), { readonly: true })
    try {
      expect(readImportFailure(db, id)).toMatch(/file is missing.*Send the file again/)
    } finally {
      db.close()
    }
  }, 300_000)
})
