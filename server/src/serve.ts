import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { serve } from '@hono/node-server'
import { createApp } from './app.ts'
import { ensureAdminFromEnv } from './auth/first-admin.ts'
import { type NativeBinding, openDatabase } from './db/open.ts'
import { countUsers } from './db/users.ts'
import { systemClock } from './dialer/provider.ts'
import { createDialer } from './dialer/scheduler.ts'
import { createSimulator } from './dialer/simulator.ts'
import { createWebhookProvider } from './dialer/webhook-provider.ts'
import { createIngest } from './ingest/index.ts'
import { readMailConfig } from './mail/read-mail-config.ts'
import { startOutboxSender } from './mail/start-outbox-sender.ts'
import { createFileImports } from './routes/imports/import-file.ts'
import { type AssetSource, assetsFromDir } from './spa.ts'
import { VERSION } from './version.ts'

/** Where and how to run the server. */
export interface ServeOptions {
  port: number
  host: string
  /** Folder holding `leadport.db`; created if missing. */
  dataDir: string
  /** The built SPA; default: the workspace's `web/dist`. */
  assets?: AssetSource
  log?: (line: string) => void
  /** Believe `X-Forwarded-Proto`/`-Host` from a reverse proxy. */
  trustProxy?: boolean
  /** better-sqlite3's addon (the single binary carries its own). */
  nativeBinding?: NativeBinding
  /** Read for `LEADPORT_ADMIN_*` and `LEADPORT_SETUP_CODE`; default `process.env`. */
  env?: NodeJS.ProcessEnv
  /** Who places calls: the built-in simulator (default), a webhook provider, or nobody. */
  dialer?: DialerKind
  /** Simulated calls run this many times faster than real time (`--sim-speed`); default 1. */
  simSpeed?: number
}

/** The call providers `leads serve --dialer` knows. */
export type DialerKind = 'simulator' | 'webhook' | 'off'

/** A running server. */
export interface RunningServer {
  url: string
  dbFile: string
  /** `created` when the admin came from `LEADPORT_ADMIN_*` on this start. */
  admin: 'created' | 'exists' | 'not-configured'
  /** The code first-run setup asks for, while no user exists. */
  setupCode?: string
  /** Stops taking connections, lets in-flight requests finish, then closes the database. */
  close(): Promise<void>
}

/** The workspace's SPA build, when it exists. */
export function defaultAssets(): AssetSource | undefined {
  const dir =
    process.env.LEADPORT_WEB_DIR ?? join(dirname(fileURLToPath(import.meta.url)), '../../web/dist')
  return existsSync(join(dir, 'index.html')) ? assetsFromDir(dir) : undefined
}

/**
 * Opens the database and serves the app on `host:port`.
 * @example const s = await startServer({ port: 8787, host: '127.0.0.1', dataDir: './data' })
 */
export async function startServer(opts: ServeOptions): Promise<RunningServer> {
  const dbFile = resolve(opts.dataDir, 'leadport.db')
  const db = openDatabase(dbFile, { nativeBinding: opts.nativeBinding })
  const env = opts.env ?? process.env
  let admin: RunningServer['admin']
  try {
    admin = await ensureAdminFromEnv(db, env)
  } catch (err) {
    db.close()
    throw err
  }
  // Whoever reaches a fresh install first would become its admin: setup asks for a code that
  // only the person who can read the server's output has.
  const setupCode =
    countUsers(db) === 0
      ? env.LEADPORT_SETUP_CODE ||
        randomBytes(6)
          .toString('hex')
          .replace(/(.{4})(?=.)/g, '$1-')
      : undefined
  const kind = opts.dialer ?? 'simulator'
  const simSpeed = kind === 'simulator' ? (opts.simSpeed ?? 1) : 1
  const webhookUrl = env.LEADPORT_WEBHOOK_URL
  const webhookSecret = env.LEADPORT_WEBHOOK_SECRET
  if (kind === 'webhook' && (!webhookUrl || !webhookSecret)) {
    db.close()
    throw new Error('--dialer webhook needs LEADPORT_WEBHOOK_URL and LEADPORT_WEBHOOK_SECRET.')
  }
  const provider =
    kind === 'webhook'
      ? createWebhookProvider({
          url: webhookUrl as string,
          secret: webhookSecret as string,
          clock: systemClock,
        })
      : createSimulator(systemClock, {
          seed: Number(env.LEADPORT_SIMULATOR_SEED) || undefined,
          speed: simSpeed,
        })
  const dialer = createDialer({
    db,
    provider,
    clock: systemClock,
    sampleMs: Math.max(1000, 60_000 / simSpeed),
    onError: (e) => console.error(e),
  })
  let mail: ReturnType<typeof readMailConfig>
  try {
    mail = readMailConfig(env)
  } catch (err) {
    db.close()
    throw err
  }
  const sender = mail
    ? startOutboxSender(db, mail, { onError: (e) => console.error(e) })
    : undefined
  const fileImports = createFileImports({
    mail,
    onEnqueued: () => sender?.wake(),
    onUnexpected: (e) => console.error(e),
  })

  // Chunks are parsed and validated on worker threads while the event loop writes.
  const ingest = createIngest(db, { onError: (e) => console.error(e) })
  const app = createApp({
    ingest,
    calls: { secret: webhookSecret, clock: systemClock },
    mail,
    fileImports,
    wakeOutbox: () => sender?.wake(),
    security: { trustProxy: opts.trustProxy ?? false, setupCode },
    db,
    version: VERSION,
    assets: opts.assets ?? defaultAssets(),
    log: opts.log,
    onUnexpected: (err) => console.error(err),
  })
  const server = await new Promise<Server>((ok, fail) => {
    const s = serve({ fetch: app.fetch, port: opts.port, hostname: opts.host }, () =>
      ok(s as Server),
    )
    s.once('error', fail)
  })
  const { port } = server.address() as AddressInfo
  if (kind !== 'off') dialer.start(simSpeed > 1 ? 250 : 1000)
  // Background file imports the last run did not finish go on from their kept files.
  void fileImports.resume(db).catch((e) => console.error(e))
  let closing: Promise<void> | undefined
  return {
    url: `http://${opts.host.includes(':') ? `[${opts.host}]` : opts.host}:${port}`,
    dbFile,
    admin,
    setupCode,
    close() {
      closing ??= Promise.all([dialer.stop(), fileImports.stop(), sender?.stop()]).then(
        () =>
          new Promise<void>((done) => {
            // Keep-alive sockets become idle once their in-flight response is sent; close them as
            // they do, or close() would wait for the keep-alive timeout.
            const reap = setInterval(() => server.closeIdleConnections(), 50)
            server.close(() => {
              clearInterval(reap)
              void ingest.close()
              db.close()
              done()
            })
            server.closeIdleConnections()
          }),
      )
      return closing
    },
  }
}
