// End-to-end ingest benchmark: a real server process on loopback, and this (second) process
// sending an import's rows as chunks over HTTP with a few requests in flight.
// Run: npx tsx server/bench/ingest.ts [rows=1000000] [chunk size=5000] [in flight=8] [pragma=value ...]
// (the server runs with the pragmas of open.ts; extra ones are for experiments)
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import Database from 'better-sqlite3'
import { openDatabase } from '../src/db/open.ts'
import { spawnServer } from '../src/routes/imports/spawn-server.ts'
import { seedImportCampaign } from '../src/routes/imports/temp-import-app.ts'

/** Options of {@link runIngestBench}. */
export interface IngestBenchOptions {
  chunkSize?: number
  inFlight?: number
  /** Extra pragmas for the server's connection. */
  pragmas?: readonly string[]
  /** Every n-th row repeats an earlier number (in-file duplicates); 0 for none. */
  duplicateEvery?: number
}

/** What {@link runIngestBench} measured. */
export interface IngestBenchResult {
  rows: number
  seconds: number
  rowsPerSecond: number
  inserted: number
  duplicates: number
  leads: number
  integrity: string
}

// A permutation of 0..10^7-1 (7919 is prime to 10^7): distinct numbers in no particular order,
// so the unique index takes random inserts as it would from a real file.
function phoneAt(i: number): string {
  return `+90532${String((i * 7919 + 12345) % 10_000_000).padStart(7, '0')}`
}

/** The `POST /api/imports` body of the ingest benchmarks: `[name, number, company]` rows. */
export function benchCreateBody(campaignId: number, rows: number, chunkSize: number) {
  return {
    campaign_id: campaignId,
    file_name: 'bench.csv',
    file_kind: 'csv',
    header: ['Name', 'Phone', 'Company'],
    format: { kind: 'international' },
    mapping: {
      phone_number: 1,
      email: null,
      secondary_phones: [],
      variables: { customer_name: 0 },
    },
    expected_rows: rows,
    chunk_size: chunkSize,
  }
}

/**
 * The chunk bodies of the benchmark import: `[name, number, company]` rows, numbers in a
 * pseudo-random order, every `dupEvery`-th row repeating an earlier number.
 */
export function benchChunkBodies(rows: number, chunkSize: number, dupEvery = 100): string[] {
  const bodies: string[] = []
  for (let n = 0; n * chunkSize < rows; n++) {
    const list = []
    for (let i = n * chunkSize; i < Math.min(rows, (n + 1) * chunkSize); i++) {
      const phone = dupEvery > 0 && i % dupEvery === dupEvery - 1 ? phoneAt(i - 50) : phoneAt(i)
      list.push({ row: i + 2, cells: [`Customer ${i}`, phone, 'Acme Ltd'] })
    }
    bodies.push(JSON.stringify({ rows: list }))
  }
  return bodies
}

// The API key of the server process under test (set when it starts).
let apiKey = ''

async function call(url: string, method: string, body?: unknown) {
  const res = await fetch(url, {
    method,
    headers: {
      authorization: `Bearer ${apiKey}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: typeof body === 'string' || body === undefined ? body : JSON.stringify(body),
  })
  const json = (await res.json()) as Record<string, unknown>
  if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(json)}`)
  return json
}

/**
 * Imports `rows` generated rows into a fresh campaign through a server in a second process and
 * reports rows/s from the first chunk sent to the last chunk acknowledged.
 * @example await runIngestBench(1_000_000)
 */
export async function runIngestBench(
  rows: number,
  o: IngestBenchOptions = {},
): Promise<IngestBenchResult> {
  const chunkSize = o.chunkSize ?? 5_000
  const inFlight = o.inFlight ?? 8
  const dupEvery = o.duplicateEvery ?? 100
  const dir = mkdtempSync(join(tmpdir(), 'leadport-bench-'))
  const file = join(dir, 'leadport.db')
  // The campaign is seeded straight into the file: the rest of the API needs a signed-in user.
  const seed = openDatabase(file)
  const campaignId = seedImportCampaign(seed, 'Bench')
  seed.close()
  const server = await spawnServer(file, o.pragmas ?? [])
  apiKey = server.key
  try {
    const api = `${server.url}/api`
    const created = await call(
      `${api}/imports`,
      'POST',
      benchCreateBody(campaignId, rows, chunkSize),
    )
    const id = created.id as number
    const total = Math.ceil(rows / chunkSize)
    // Bodies are built before the clock starts: the client's work is not the server's.
    const bodies = benchChunkBodies(rows, chunkSize, dupEvery)
    let next = 0
    let inserted = 0
    let duplicates = 0
    const start = performance.now()
    const worker = async () => {
      while (next < total) {
        const n = next++
        const r = await call(`${api}/imports/${id}/chunks/${n}`, 'PUT', bodies[n])
        inserted += r.inserted as number
        duplicates += (r.duplicate_in_file as number) + (r.duplicate_in_campaign as number)
      }
    }
    await Promise.all(Array.from({ length: inFlight }, worker))
    const seconds = (performance.now() - start) / 1000
    await call(`${api}/imports/${id}/complete`, 'POST')
    await server.stop()
    const db = new Database(file, { readonly: true })
    const leads = db.prepare('SELECT count(*) FROM leads').pluck().get() as number
    const integrity = db.pragma('integrity_check', { simple: true }) as string
    db.close()
    return {
      rows,
      seconds,
      rowsPerSecond: Math.round(rows / seconds),
      inserted,
      duplicates,
      leads,
      integrity,
    }
  } finally {
    await server.stop('SIGKILL')
    rmSync(dir, { recursive: true, force: true })
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [rows = '1000000', chunk = '5000', flight = '8', ...pragmas] = process.argv.slice(2)
  const result = await runIngestBench(Number(rows), {
    chunkSize: Number(chunk),
    inFlight: Number(flight),
    pragmas,
  })
  console.log(JSON.stringify(result))
}
