// The real server for the browser benchmark: `leads serve` in its own process on a free
// loopback port, serving the built SPA (web/dist), with an admin made from the environment.
import { type ChildProcess, spawn } from 'node:child_process'
import { closeSync, existsSync, openSync } from 'node:fs'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'

/** The workspace root (this file is shared/bench/browser-server.ts). */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url))
/** The admin the benchmark's server creates on its first start. */
export const BENCH_ADMIN = { email: 'bench@example.com', password: 'bench correct horse battery' }

/** A running server process. */
export interface BenchServer {
  url: string
  /** Stops the process (SIGTERM) and waits for it to exit. */
  stop(): Promise<void>
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const address = s.address()
      s.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()))
    })
  })
}

async function waitForHealth(url: string, child: ChildProcess, stderr: () => string) {
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited early:\n${stderr()}`)
    try {
      if ((await fetch(`${url}/api/health`)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`the server did not answer ${url}/api/health within 60 s:\n${stderr()}`)
}

/**
 * Starts `node --import tsx server/src/cli/bin.ts serve --port P --data DIR --dialer off`.
 * Refuses to start without the SPA build, with what to run.
 * @example const server = await startBenchServer('/tmp/leadport-bench'); await server.stop()
 */
export async function startBenchServer(dataDir: string): Promise<BenchServer> {
  if (!existsSync(`${ROOT}web/dist/index.html`)) {
    throw new Error(
      'web/dist is missing: run `pnpm build` first (the benchmark uses the built app).',
    )
  }
  const port = await freePort()
  const log = process.env.BENCH_SERVER_LOG ? openSync(process.env.BENCH_SERVER_LOG, 'w') : undefined
  const args = ['--import', 'tsx', 'server/src/cli/bin.ts', 'serve', '--port', String(port)]
  const child = spawn(process.execPath, [...args, '--data', dataDir, '--dialer', 'off'], {
    cwd: ROOT,
    env: {
      ...process.env,
      LEADPORT_ADMIN_EMAIL: BENCH_ADMIN.email,
      LEADPORT_ADMIN_PASSWORD: BENCH_ADMIN.password,
    },
    // One log line per request: dropped, or kept in BENCH_SERVER_LOG to see where time went.
    stdio: ['ignore', log === undefined ? 'ignore' : log, 'pipe'],
  })
  if (log !== undefined) closeSync(log)
  let err = ''
  child.stderr?.on('data', (b: Buffer) => {
    err = (err + b.toString()).slice(-4_000)
  })
  const url = `http://127.0.0.1:${port}`
  const exited = new Promise<void>((done) => child.once('exit', () => done()))
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM')
    await exited
  }
  try {
    await waitForHealth(url, child, () => err)
  } catch (e) {
    await stop()
    throw e
  }
  return { url, stop }
}
