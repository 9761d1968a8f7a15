import { type ChildProcess, execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createKeyHeaders, startServerProcess } from '../test/cli-server.ts'

const root = resolve(import.meta.dirname, '../../..')
const dir = mkdtempSync(join(tmpdir(), 'leadport-binary-workers-'))
let proc: ChildProcess | undefined
afterAll(() => {
  proc?.kill('SIGKILL')
  rmSync(dir, { recursive: true, force: true })
})

describe('worker threads inside the single binary', () => {
  it('runs a background file import and import chunks (both workers) from the binary alone', async () => {
    if (!existsSync(join(root, 'web/dist/index.html'))) {
      execFileSync('npx', ['-y', 'pnpm@12.4.2', 'build'], { cwd: root, stdio: 'ignore' })
    }
    const bin = join(dir, 'leads')
    execFileSync(process.execPath, [join(root, 'scripts/build-binary.mjs'), '--out', bin], {
      cwd: root,
      stdio: 'ignore',
    })
    // No workspace next to it: the worker can only come from the binary's own assets.
    const run = join(dir, 'run')
    mkdirSync(run)
    const server = await startServerProcess(
      ['serve', '--port', '0', '--data', join(run, 'data'), '--dialer', 'off'],
      [bin],
      {},
    )
    proc = server.proc
    const auth = await createKeyHeaders(server.url)
    const campaign = await fetch(`${server.url}/api/campaigns`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Binary' }),
    })
    const campaignId = ((await campaign.json()) as { id: number }).id
    const form = new FormData()
    const csv = 'Name,Phone\nAyşe,+905320000001\nBora,+905320000002\nCem,not a phone\n'
    form.set('file', new File([csv], 'leads.csv'))
    form.set(
      'options',
      JSON.stringify({ campaign_id: campaignId, format: { kind: 'international' } }),
    )
    const res = await fetch(`${server.url}/api/imports/file`, {
      method: 'POST',
      headers: auth,
      body: form,
    })
    const created = (await res.json()) as { id: number }
    expect(res.status, JSON.stringify(created)).toBe(202)
    let view: { status: string; counts: Record<string, number> } | undefined
    for (let i = 0; i < 500 && view?.status !== 'completed'; i++) {
      if (i > 0) await new Promise((r) => setTimeout(r, 20))
      const r = await fetch(`${server.url}/api/imports/${created.id}`, { headers: auth })
      view = (await r.json()) as typeof view
    }
    expect(view).toMatchObject({
      status: 'completed',
      counts: { rows: 3, inserted: 2, invalid: 1 },
    })
    // Chunks over HTTP go through the validate worker, also an asset of the binary.
    const session = await fetch(`${server.url}/api/imports`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({
        campaign_id: campaignId,
        file_name: 'more.csv',
        file_kind: 'csv',
        header: ['Name', 'Phone'],
        format: { kind: 'international' },
        mapping: { phone_number: 1, email: null, secondary_phones: [], variables: {} },
        expected_rows: 3,
        chunk_size: 3,
      }),
    })
    const importId = ((await session.json()) as { id: number }).id
    const chunk = await fetch(`${server.url}/api/imports/${importId}/chunks/0`, {
      method: 'PUT',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({
        rows: [
          { row: 2, cells: ['Ayşe', '+905320000001'] },
          { row: 3, cells: ['Deniz', '+905320000003'] },
          { row: 4, cells: ['Ece', '12'] },
        ],
      }),
    })
    expect(await chunk.json()).toMatchObject({
      inserted: 1,
      duplicate_in_campaign: 1,
      invalid: 1,
      replay: false,
    })
  }, 180_000)
})
