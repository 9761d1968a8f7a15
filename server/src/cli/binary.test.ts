import { type ChildProcess, execFileSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { MIGRATIONS } from '../db/migrations.ts'
import { startServerProcess } from '../test/cli-server.ts'

const root = resolve(import.meta.dirname, '../../..')
const dir = mkdtempSync(join(tmpdir(), 'leadport-binary-'))
let proc: ChildProcess | undefined
afterAll(() => {
  proc?.kill('SIGKILL')
  rmSync(dir, { recursive: true, force: true })
})

describe('the single binary', () => {
  it('builds, then serves the API and the SPA from a bare folder with no Node on PATH', async () => {
    if (!existsSync(join(root, 'web/dist/index.html'))) {
      execFileSync('npx', ['-y', 'pnpm@12.4.2', 'build'], { cwd: root, stdio: 'ignore' })
    }
    const built = join(dir, 'build', 'leads')
    execFileSync(process.execPath, [join(root, 'scripts/build-binary.mjs'), '--out', built], {
      cwd: root,
      stdio: 'ignore',
    })
    // Run a copy from an empty folder with an empty environment: nothing but the file itself.
    const bin = join(dir, 'run', 'leads')
    execFileSync('mkdir', ['-p', join(dir, 'run')])
    copyFileSync(built, bin)
    const server = await startServerProcess(
      ['serve', '--port', '0', '--data', join(dir, 'run', 'data')],
      [bin],
      {},
    )
    proc = server.proc
    expect(server.out()).toMatch(/Leadport \d+\.\d+\.\d+ listening on/)

    const health = await fetch(`${server.url}/api/health`)
    expect(health.status).toBe(200)
    expect(await health.json()).toMatchObject({ status: 'ok', schema: MIGRATIONS.length })
    const home = await fetch(`${server.url}/campaigns/1050`)
    expect(home.status).toBe(200)
    const html = await home.text()
    expect(html).toContain('<div id="root">')
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1]
    expect(script).toBeDefined()
    const js = await fetch(`${server.url}${script}`)
    expect(js.headers.get('content-type')).toContain('text/javascript')
    expect((await fetch(`${server.url}/api/campaigns`)).status).toBe(401)

    const backup = execFileSync(
      bin,
      ['backup', join(dir, 'copy.db'), '--data', join(dir, 'run', 'data')],
      {
        env: {},
        cwd: join(dir, 'run'),
      },
    ).toString()
    expect(backup).toContain('integrity ok')
  }, 120_000)
})
