// The two halves of chunk ingestion measured apart, in one process, by CPU time (meaningful
// on a busy machine): preparing bodies (parse, check, hash, validate: the worker threads' part)
// and writing them in group commits (the event loop's part).
// Run: npx tsx server/bench/ingest-parts.ts [rows=1000000] [chunk=5000] [chunks per group=4]
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { createImportBody } from '@leadport/shared'
import { getImport, insertImport } from '../src/db/imports.ts'
import { openDatabase } from '../src/db/open.ts'
import { type PreparedChunk, prepareChunk, ValidatorCache } from '../src/ingest/prepare-chunk.ts'
import { writeChunkGroup } from '../src/ingest/write-group.ts'
import { seedImportCampaign } from '../src/routes/imports/temp-import-app.ts'
import { benchChunkBodies, benchCreateBody } from './ingest.ts'

function writtenMb(): number {
  const io = readFileSync('/proc/self/io', 'utf8')
  return Number(/write_bytes: (\d+)/.exec(io)?.[1] ?? 0) / 1024 / 1024
}

function cpuMs(): number {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1000
}

/** Measures preparing and writing `rows` rows; returns µs of CPU per row for each part. */
export function runIngestParts(rows: number, chunkSize: number, perGroup: number) {
  const dir = mkdtempSync(join(tmpdir(), 'leadport-parts-'))
  try {
    const db = openDatabase(join(dir, 'leadport.db'))
    const campaignId = seedImportCampaign(db, 'Parts')
    const body = createImportBody.parse(benchCreateBody(campaignId, rows, chunkSize))
    const id = insertImport(db, {
      campaign_id: campaignId,
      created_by: null,
      file_name: body.file_name,
      file_kind: body.file_kind,
      options: { header: body.header, format: body.format, mapping: body.mapping, variables: [] },
      expected_rows: rows,
      chunk_size: chunkSize,
    })
    const session = getImport(db, id)
    if (!session) throw new Error('no import')
    const bodies = benchChunkBodies(rows, chunkSize).map((b) => Buffer.from(b))
    const cache = new ValidatorCache()
    let t = cpuMs()
    let wall = performance.now()
    const prepared: PreparedChunk[] = bodies.map((b, n) => {
      const p = prepareChunk(
        {
          key: `${id}@x`,
          options: session.options,
          expectedRows: rows,
          chunkSize,
          n,
          body: new Uint8Array(b),
        },
        cache,
      )
      if (!p.ok) throw new Error(p.message)
      return p
    })
    const prepare = {
      cpuUsPerRow: ((cpuMs() - t) * 1000) / rows,
      wallS: (performance.now() - wall) / 1000,
    }
    t = cpuMs()
    wall = performance.now()
    const mb = writtenMb()
    for (let g = 0; g < prepared.length; g += perGroup) {
      const group = prepared
        .slice(g, g + perGroup)
        .map((p, k) => ({ session, n: g + k, prepared: p }))
      for (const o of writeChunkGroup(db, group)) if (!o.ok) throw o.error
    }
    const write = {
      cpuUsPerRow: ((cpuMs() - t) * 1000) / rows,
      wallS: (performance.now() - wall) / 1000,
      diskMb: Math.round(writtenMb() - mb),
    }
    const leads = db.prepare('SELECT count(*) FROM leads').pluck().get() as number
    db.close()
    return { rows, chunkSize, perGroup, prepare, write, leads }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [rows = '1000000', chunk = '5000', group = '4'] = process.argv.slice(2)
  console.log(JSON.stringify(runIngestParts(Number(rows), Number(chunk), Number(group))))
}
