import { type ChildProcess, spawn } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const ENTRY = join(dirname(fileURLToPath(import.meta.url)), 'test-server.ts')
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../../..')

/** A server process started by {@link spawnServer}. */
export interface ServerProcess {
  url: string
  /** An API key of this process (new on every start): send it as `Authorization: Bearer`. */
  key: string
  child: ChildProcess
  /** Resolves with the exit code or signal once the process has ended. */
  exited: Promise<string>
  /** Stops the process with SIGTERM (or another signal) and waits for it. */
  stop(signal?: NodeJS.Signals): Promise<string>
}

/**
 * Starts the app with the import routes in a second Node process on loopback (127.0.0.1, a free
 * port) on the SQLite file `dbFile`, with extra pragmas, and waits until it listens.
 * @example const s = await spawnServer('/tmp/x/leadport.db'); await s.stop('SIGKILL')
 */
export function spawnServer(
  dbFile: string,
  pragmas: readonly string[] = [],
  env: Record<string, string> = {},
): Promise<ServerProcess> {
  // LEADPORT_SERVER_NODE_ARGS: extra Node flags for the server process (e.g. --cpu-prof).
  const extra = process.env.LEADPORT_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? []
  const child = spawn(process.execPath, [...extra, '--import', 'tsx', ENTRY, dbFile, ...pragmas], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const exited = new Promise<string>((done) => {
    child.once('exit', (code, signal) => done(signal ?? String(code)))
  })
  return new Promise((ok, fail) => {
    let out = ''
    const onData = (b: Buffer) => {
      out += b.toString()
      const m = /READY (\S+) (\S+)\n/.exec(out)
      if (!m) return
      child.stdout?.off('data', onData)
      child.stdout?.resume()
      ok({
        url: m[1] as string,
        key: m[2] as string,
        child,
        exited,
        stop(signal = 'SIGTERM') {
          if (child.exitCode === null && child.signalCode === null) child.kill(signal)
          return exited
        },
      })
    }
    child.stdout?.on('data', onData)
    void exited.then((how) => fail(new Error(`server exited (${how}) before listening: ${out}`)))
  })
}
