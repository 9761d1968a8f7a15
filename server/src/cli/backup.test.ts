import { type ChildProcess, spawn } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { CLI, type CliServer, createKeyHeaders, startServerProcess } from '../test/cli-server.ts'

const procs: ChildProcess[] = []
let dir: string
afterEach(() => {
  for (const p of procs) p.kill('SIGKILL')
  rmSync(dir, { recursive: true, force: true })
})

async function start(data: string): Promise<CliServer> {
  const s = await startServerProcess(['serve', '--port', '0', '--data', data])
  procs.push(s.proc)
  return s
}

function runBackup(file: string, data: string): Promise<{ code: number | null; out: string }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', CLI, 'backup', file, '--data', data])
  let out = ''
  proc.stdout.on('data', (d: Buffer) => {
    out += d
  })
  proc.stderr.on('data', (d: Buffer) => {
    out += d
  })
  return new Promise((resolve) => proc.once('exit', (code) => resolve({ code, out })))
}

describe('leads backup', () => {
  it('copies the database during an import; the restored copy has every acknowledged lead', async () => {
    dir = mkdtempSync(join(tmpdir(), 'leadport-backup-'))
    const data = join(dir, 'data')
    const server = await start(data)
    const auth = { ...(await createKeyHeaders(server.url)), 'content-type': 'application/json' }
    const campaign = await fetch(`${server.url}/api/campaigns`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ name: 'Backed up' }),
    })
    const { id } = (await campaign.json()) as { id: number }

    const acknowledged: string[] = []
    let batch = 0
    const postBatch = async () => {
      // 200 leads per request: valid London numbers, +44 20 7946 xxxx and on.
      const phones = Array.from(
        { length: 200 },
        (_, i) => `+4420${String(79460000 + batch * 200 + i)}`,
      )
      batch++
      const res = await fetch(`${server.url}/api/campaigns/${id}/leads`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ leads: phones.map((phone_number) => ({ phone_number })) }),
      })
      const { results } = (await res.json()) as {
        results: { status: string; phone_e164?: string }[]
      }
      for (const r of results)
        if (r.status === 'created' && r.phone_e164) acknowledged.push(r.phone_e164)
    }
    for (let i = 0; i < 5; i++) await postBatch()

    // The backup starts while the import goes on; the writes continue until it is done.
    const before = acknowledged.slice()
    let done = false
    const backupFile = join(dir, 'backup.db')
    const backup = runBackup(backupFile, data).finally(() => {
      done = true
    })
    let during = 0
    while (!done || during < 3) {
      await postBatch()
      during++
    }
    const result = await backup
    expect(result.code, result.out).toBe(0)
    expect(result.out).toContain('integrity ok')
    expect(before.length).toBe(1000)

    const copy = new Database(backupFile, { readonly: true })
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok')
    const stored = new Set(
      (copy.prepare('SELECT phone_e164 FROM leads').all() as { phone_e164: string }[]).map(
        (r) => r.phone_e164,
      ),
    )
    copy.close()
    expect(before.filter((p) => !stored.has(p))).toEqual([])
    // Whole requests only: each is one transaction of 200.
    expect(stored.size % 200).toBe(0)

    // Restore as the README says: into a stopped app's folder, then start it.
    const restored = join(dir, 'restored')
    mkdirSync(restored)
    copyFileSync(backupFile, join(restored, 'leadport.db'))
    const again = await start(restored)
    const authAgain = await createKeyHeaders(again.url)
    const res = await fetch(`${again.url}/api/campaigns/${id}`, { headers: authAgain })
    const counts = ((await res.json()) as { lead_counts: Record<string, number> }).lead_counts
    expect(counts.created).toBe(stored.size)
  })
})
