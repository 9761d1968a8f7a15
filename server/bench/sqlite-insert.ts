// The in-process SQLite experiments of INGEST-NOTES.md (session 2): 1M random numbers into a
// copy of the `leads` table, varying the key type, transaction size, page size, insert order,
// indexes and WAL checkpoint interval.
// Run: npx tsx server/bench/sqlite-insert.ts [text|int] [rows per transaction] [page size] [rows]
//        [flags: sorted | block | noidx | nouniq, comma-separated]   (env CKPT: wal_autocheckpoint)

import { mkdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'

const [variant = 'text', txnRows = '5000', pageSize = '4096', N = '1000000', extra = ''] =
  process.argv.slice(2)
const dir = join(tmpdir(), 'leadport-sqlite-insert')
rmSync(dir, { recursive: true, force: true })
mkdirSync(dir)
const db = new Database(`${dir}/x.db`)
db.pragma(`page_size = ${pageSize}`)
db.pragma('journal_mode = WAL')
db.pragma('synchronous = FULL')
db.pragma(`wal_autocheckpoint = ${process.env.CKPT ?? '20000'}`)
db.pragma('cache_size = -131072')
db.pragma('temp_store = MEMORY')
const key = variant === 'int' ? 'phone_key INTEGER NOT NULL,' : ''
db.exec(`CREATE TABLE leads (id INTEGER PRIMARY KEY, campaign_id INTEGER NOT NULL, phone_e164 TEXT NOT NULL, ${key} phone_ext TEXT,
 status TEXT NOT NULL DEFAULT 'created', variables TEXT NOT NULL DEFAULT '{}', created_at TEXT NOT NULL, secondary_phones TEXT NOT NULL DEFAULT '[]',
 attempts INTEGER NOT NULL DEFAULT 0, next_attempt_at TEXT, origin_kind TEXT NOT NULL DEFAULT 'api', origin_ref TEXT, updated_at TEXT NOT NULL DEFAULT '', origin_row INTEGER, phone_index INTEGER NOT NULL DEFAULT 0, time_zone TEXT
 ${extra.includes('nouniq') ? '' : `, UNIQUE (campaign_id, ${variant === 'int' ? 'phone_key' : 'phone_e164'})`}) STRICT;`)
if (!extra.includes('noidx')) {
  db.exec(
    `CREATE INDEX a ON leads (campaign_id, status, id); CREATE INDEX b ON leads (campaign_id, id); CREATE INDEX c ON leads (campaign_id, status, time_zone, next_attempt_at);`,
  )
}
const B = 200
const cols =
  variant === 'int'
    ? '(campaign_id, phone_e164, phone_key, phone_ext, secondary_phones, variables, status, next_attempt_at, origin_kind, origin_ref, origin_row, created_at, updated_at)'
    : '(campaign_id, phone_e164, phone_ext, secondary_phones, variables, status, next_attempt_at, origin_kind, origin_ref, origin_row, created_at, updated_at)'
const row =
  variant === 'int'
    ? "(1, ?, ?, ?, ?, ?, 'created', NULL, 'import', '7', ?, @now, @now)"
    : "(1, ?, ?, ?, ?, 'created', NULL, 'import', '7', ?, @now, @now)"
const conflict = variant === 'int' ? '(campaign_id, phone_key)' : '(campaign_id, phone_e164)'
const stmt = db
  .prepare(
    `INSERT INTO leads ${cols} VALUES ${new Array(B).fill(row).join(',')} ${extra.includes('nouniq') ? '' : `ON CONFLICT ${conflict} DO NOTHING`} RETURNING origin_row`,
  )
  .pluck()
const T = Number(txnRows),
  n = Number(N)
const now = new Date().toISOString()
const t0 = performance.now()
for (let s = 0; s < n; s += T) {
  db.transaction(() => {
    const idx: number[] = []
    for (let i = s; i < Math.min(n, s + T); i++) idx.push(i)
    const key = (i: number) => (i * 7919 + 12345) % 10_000_000
    if (extra.includes('block')) {
      const out: number[] = []
      for (let q = 0; q < idx.length; q += 5000)
        out.push(...idx.slice(q, q + 5000).sort((a, b) => key(a) - key(b)))
      idx.splice(0, idx.length, ...out)
    } else if (extra.includes('sorted'))
      idx.sort((a, b) => ((a * 7919 + 12345) % 10_000_000) - ((b * 7919 + 12345) % 10_000_000))
    for (let b = 0; b < idx.length; b += B) {
      const args: unknown[] = []
      for (let j = b; j < b + B; j++) {
        const i = idx[j] as number
        const d = (i * 7919 + 12345) % 10_000_000
        const p = `+90532${String(d).padStart(7, '0')}`
        if (variant === 'int')
          args.push(p, 905320000000 + d, null, '[]', `{"customer_name":"Customer ${i}"}`, i + 2)
        else args.push(p, null, '[]', `{"customer_name":"Customer ${i}"}`, i + 2)
      }
      args.push({ now })
      stmt.all(...args)
    }
  }).immediate()
}
const sec = (performance.now() - t0) / 1000
console.log(JSON.stringify({ variant, txnRows, pageSize, extra, rowsPerSec: Math.round(n / sec) }))
