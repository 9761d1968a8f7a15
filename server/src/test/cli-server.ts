import { type ChildProcess, spawn } from 'node:child_process'
import { join } from 'node:path'

/** The CLI entry, run with tsx like `pnpm leads`. */
export const CLI = join(import.meta.dirname, '../cli/bin.ts')

/** The admin every spawned test server creates from the environment. */
export const ADMIN = { email: 'admin@example.com', password: 'correct horse battery' }

/** A spawned `leads serve`: its URL, process and everything it printed so far. */
export interface CliServer {
  url: string
  proc: ChildProcess
  out: () => string
}

/**
 * Spawns `leads serve` (or the given program) on a free port with the test admin in its
 * environment; resolves once it prints that it listens.
 */
export function startServerProcess(
  args: string[],
  program: string[] = [process.execPath, '--import', 'tsx', CLI],
  env: NodeJS.ProcessEnv = process.env,
): Promise<CliServer> {
  const [cmd, ...pre] = program as [string, ...string[]]
  const proc = spawn(cmd, [...pre, ...args], {
    stdio: 'pipe',
    env: { ...env, LEADPORT_ADMIN_EMAIL: ADMIN.email, LEADPORT_ADMIN_PASSWORD: ADMIN.password },
  })
  let out = ''
  return new Promise((resolve, reject) => {
    proc.stdout?.on('data', (d: Buffer) => {
      out += d
      const m = /listening on (http:\/\/\S+)/.exec(out)
      if (m?.[1]) resolve({ url: m[1], proc, out: () => out })
    })
    proc.stderr?.on('data', (d: Buffer) => {
      out += d
    })
    proc.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)))
  })
}

/** Signs in as {@link ADMIN} and creates an API key; resolves to `Authorization` headers. */
export async function createKeyHeaders(url: string): Promise<Record<string, string>> {
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify(ADMIN),
  })
  if (login.status !== 200) throw new Error(`login: ${login.status} ${await login.text()}`)
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string
  const res = await fetch(`${url}/api/api-keys`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url, cookie },
    body: JSON.stringify({ name: 'test' }),
  })
  const { key } = (await res.json()) as { key: string }
  return { authorization: `Bearer ${key}` }
}
