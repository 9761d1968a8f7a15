// A real server process with the import routes, for the fault tests and the ingest benchmark:
// the real app on loopback in its own process. Usage: tsx test-server.ts <db file> [pragma=value ...]
// Prints `READY <url>` once listening.
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { createApp } from '../../app.ts'
import { createApiKeySecret } from '../../auth/tokens.ts'
import { insertApiKey } from '../../db/api-keys.ts'
import { openDatabase } from '../../db/open.ts'
import { insertUser } from '../../db/users.ts'
import { createIngest } from '../../ingest/index.ts'

const [file, ...pragmas] = process.argv.slice(2)
if (!file) throw new Error('usage: ingest-server.ts <db file> [pragma=value ...]')
const db = openDatabase(file)
for (const p of pragmas) db.pragma(p)
// A fresh API key on every start (a restart after SIGKILL prints a new one): the client reads it
// from the READY line. The user is made once; its hash matches no password.
const user =
  (db.prepare('SELECT id FROM users WHERE email = ?').get('ingest@example.com') as
    | { id: number }
    | undefined) ??
  insertUser(db, {
    email: 'ingest@example.com',
    name: 'Ingest',
    role: 'admin',
    passwordHash: 'scrypt$none',
  })
if (!user) throw new Error('could not create the ingest user')
const secret = createApiKeySecret()
insertApiKey(db, {
  prefix: secret.prefix,
  secretHash: secret.secretHash,
  name: 'ingest',
  createdBy: user.id,
})
// Chunks prepared on worker threads, as `leads serve` does.
const ingest = createIngest(db, { onError: (err) => console.error(err) })
const app = createApp({
  db,
  ingest,
  version: 'bench',
  onUnexpected: (err) => console.error(err),
  security: { apiKeyLimit: { burst: 1e9, perSecond: 1e9 } },
})
const server = serve(
  { fetch: app.fetch, port: Number(process.env.PORT ?? 0), hostname: '127.0.0.1' },
  () => {
    const { port } = server.address() as AddressInfo
    process.stdout.write(`READY http://127.0.0.1:${port} ${secret.key}\n`)
  },
)
process.on('SIGTERM', () => {
  if (process.env.LEADPORT_INGEST_STATS) console.error(`ingest ${JSON.stringify(ingest.stats)}`)
  server.close()
  db.close()
  process.exit(0)
})
