import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { CLI, createKeyHeaders, startServerProcess } from '../test/cli-server.ts'

let child: ChildProcess | undefined
let dir: string
afterEach(() => {
  child?.kill('SIGKILL')
  rmSync(dir, { recursive: true, force: true })
})

function startCli(args: string[]) {
  return startServerProcess(args).then((s) => {
    child = s.proc
    return s
  })
}

describe('leads serve', () => {
  it('finishes an in-flight request on SIGTERM, then closes the database and exits 0', async () => {
    dir = mkdtempSync(join(tmpdir(), 'leadport-cli-'))
    const { url, proc, out } = await startCli(['serve', '--port', '0', '--data', dir])
    expect(out()).toMatch(
      /Leadport \d+\.\d+\.\d+ listening on http:\/\/127\.0\.0\.1:\d+ {2}\(data: /,
    )
    expect(out()).toContain(join(dir, 'leadport.db'))
    const auth = await createKeyHeaders(url)

    const body = JSON.stringify({ name: 'sent during shutdown' })
    const half = Math.floor(body.length / 2)
    const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(
        `${url}/api/campaigns`,
        {
          method: 'POST',
          headers: {
            ...auth,
            'content-type': 'application/json',
            'content-length': body.length,
          },
        },
        (res) => {
          let text = ''
          res.on('data', (d: Buffer) => {
            text += d
          })
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }))
        },
      )
      req.on('error', reject)
      req.write(body.slice(0, half))
      // The request is in flight (half its body sent) when the signal arrives.
      setTimeout(() => {
        proc.kill('SIGTERM')
        setTimeout(() => req.end(body.slice(half)), 300)
      }, 300)
    })
    const exited = new Promise<number | null>((resolve) => proc.once('exit', resolve))

    const res = await response
    expect(res.status).toBe(201)
    expect(JSON.parse(res.body).name).toBe('sent during shutdown')
    expect(await exited).toBe(0)
    expect(out()).toContain('SIGTERM')
    // A clean close checkpoints the WAL and removes it; the row is in the main file.
    expect(existsSync(join(dir, 'leadport.db-wal'))).toBe(false)
    const db = new Database(join(dir, 'leadport.db'), { readonly: true })
    expect(db.prepare('SELECT name FROM campaigns').all()).toEqual([
      { name: 'sent during shutdown' },
    ])
    db.close()
  })

  it('refuses a bad port with a message and exit code 2', async () => {
    dir = mkdtempSync(join(tmpdir(), 'leadport-cli-'))
    const proc = spawn(process.execPath, ['--import', 'tsx', CLI, 'serve', '--port', 'eighty'], {
      stdio: 'pipe',
    })
    let err = ''
    proc.stderr.on('data', (d: Buffer) => {
      err += d
    })
    const code = await new Promise<number | null>((resolve) => proc.once('exit', resolve))
    expect(code).toBe(2)
    expect(err).toContain('--port must be a whole number')
  })
})
