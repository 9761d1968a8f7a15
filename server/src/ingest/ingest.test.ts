import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { getImport, type ImportSession, insertImport } from '../db/imports.ts'
import type { Db } from '../db/open.ts'
import { importBody, phoneFor, seedImportCampaign } from '../routes/imports/temp-import-app.ts'
import { tempApp } from '../test/temp-db.ts'
import { ChunkWriter } from './chunk-writer.ts'
import { leadCells, type PreparedChunk, prepareChunk, ValidatorCache } from './prepare-chunk.ts'
import { PreparePool } from './prepare-pool.ts'
import { type GroupOutcome, writeChunkGroup } from './write-group.ts'

let t: ReturnType<typeof tempApp>
let db: Db
let campaign: number
beforeEach(() => {
  t = tempApp()
  db = t.db
  campaign = seedImportCampaign(db)
})
afterEach(() => t.cleanup())

function newImport(expectedRows: number, chunkSize: number): ImportSession {
  const b = importBody(campaign, expectedRows, chunkSize)
  const id = insertImport(db, {
    campaign_id: campaign,
    created_by: null,
    file_name: b.file_name,
    file_kind: 'csv',
    options: {
      header: b.header,
      format: { kind: 'international' },
      mapping: b.mapping,
      variables: [{ key: 'customer_name', label: 'Customer name', required: true }],
    },
    expected_rows: expectedRows,
    chunk_size: chunkSize,
  })
  return getImport(db, id) as ImportSession
}

const cache = new ValidatorCache()

function body(rows: unknown[], space?: number): Uint8Array {
  return new TextEncoder().encode(JSON.stringify({ rows }, null, space))
}

function prepare(s: ImportSession, n: number, rows: unknown[], space?: number) {
  return prepareChunk(
    {
      key: `${s.id}@${s.created_at}`,
      options: s.options,
      expectedRows: s.expected_rows,
      chunkSize: s.chunk_size,
      n,
      body: body(rows, space),
    },
    cache,
  )
}

function ready(s: ImportSession, n: number, rows: unknown[]): PreparedChunk {
  const p = prepare(s, n, rows)
  if (!p.ok) throw new Error(p.message)
  return p
}

const row = (r: number, phone: string, name = `C${r}`) => ({ row: r, cells: [name, phone, null] })

describe('prepareChunk', () => {
  it('refuses what is not a chunk, saying what is wrong', () => {
    const s = newImport(2, 2)
    const input = {
      key: 'k',
      options: s.options,
      expectedRows: 2,
      chunkSize: 2,
      n: 0,
    }
    const text = (v: string) => new TextEncoder().encode(v)
    expect(prepareChunk({ ...input, body: text('{"rows": [') }, cache)).toMatchObject({
      ok: false,
      code: 'BAD_REQUEST',
      message: 'The chunk is not valid JSON.',
    })
    const many = Array.from({ length: 5001 }, (_, i) => row(i + 2, phoneFor(i)))
    expect(prepareChunk({ ...input, body: body(many) }, cache)).toMatchObject({
      ok: false,
      code: 'PAYLOAD_TOO_LARGE',
    })
    const bad = prepareChunk({ ...input, body: body([{ row: 0, cells: [] }]) }, cache)
    expect(bad).toMatchObject({ ok: false, code: 'BAD_REQUEST' })
    expect(bad.ok ? '' : bad.message).toContain('rows.0.row')
  })

  it('hashes the rows, not their spelling, and sorts the valid rows by number', () => {
    const s = newImport(3, 3)
    const rows = [row(2, '+905320000009'), row(3, 'not a phone'), row(4, '+905320000001')]
    const a = ready(s, 0, rows)
    const spaced = prepare(s, 0, rows, 2)
    expect(spaced.ok && spaced.hash).toBe(a.hash)
    expect(a.leads.phone).toEqual(['+905320000001', '+905320000009'])
    expect(a.leads.row).toEqual([4, 2])
    expect(JSON.parse(leadCells(a, 0))).toEqual(['C4', '+905320000001', null])
    expect(JSON.parse(leadCells(a, 1))).toEqual(['C2', '+905320000009', null])
    expect(a.invalid.map((e) => e.row_number)).toEqual([3])
    expect(a.placeError).toBeNull()
  })

  it('hashes and reads a body the same through its fast path and through the schema', () => {
    const s = newImport(2, 2)
    const text = (v: string) => new TextEncoder().encode(v)
    const input = { key: 'k2', options: s.options, expectedRows: 2, chunkSize: 2, n: 0 }
    const canonical = prepareChunk(
      {
        ...input,
        body: text(
          '{"rows":[{"row":2,"cells":["A","+905320000001",null]},{"row":3,"cells":["B","+905320000002",null],"hidden":true}]}',
        ),
      },
      cache,
    )
    // Other key order and spacing: the schema's path, the same rows, the same hash.
    const reordered = prepareChunk(
      {
        ...input,
        body: text(
          '{ "rows": [ {"cells": ["A", "+905320000001", null], "row": 2}, {"hidden": true, "row": 3, "cells": ["B", "+905320000002", null]} ] }',
        ),
      },
      cache,
    )
    expect(canonical.ok).toBe(true)
    // The same chunk but for the body it was read from.
    const { source: a, ...same } = canonical as PreparedChunk
    const { source: b, ...again } = reordered as PreparedChunk
    expect(again).toEqual(same)
    expect(leadCells(reordered as PreparedChunk, 1)).toBe(leadCells(canonical as PreparedChunk, 1))
    expect('body' in a && 'body' in b).toBe(true)
    for (const [bad, where] of [
      ['{"rows":[{"row":2,"cells":[],"extra":1}]}', ''],
      ['{"rows":[{"row":2,"cells":[],"hidden":"yes"}]}', 'rows.0.hidden'],
      ['{"rows":[{"row":2.5,"cells":[]}]}', 'rows.0.row'],
      ['{"rows":[{"row":2,"cells":[{}]}]}', 'rows.0.cells.0'],
      ['{"rows":[]}', 'rows'],
      ['{"rows":[{"row":2,"cells":[]}],"more":true}', ''],
    ] as const) {
      const out = prepareChunk({ ...input, body: text(bad) }, cache)
      expect(out, bad).toMatchObject({ ok: false, code: 'BAD_REQUEST' })
      expect(out.ok ? '' : out.message, bad).toContain(where)
    }
  })

  it('tells a chunk that does not fit the plan, without validating it', () => {
    const s = newImport(5, 2)
    const p = ready(s, 2, [row(2, phoneFor(1)), row(3, phoneFor(2))])
    expect(p.placeError).toBe('Chunk 2 must hold 1 rows (chunk size 2, 5 rows in all); it has 2.')
    expect(p.leads.phone).toEqual([])
  })
})

describe('writeChunkGroup', () => {
  it('writes several chunks in one commit; the lower row of the file keeps a repeated number', () => {
    const s = newImport(6, 2)
    const chunks = [
      [row(2, phoneFor(5)), row(3, phoneFor(1))],
      [row(4, phoneFor(2)), row(5, phoneFor(5))],
      [row(6, phoneFor(3)), row(7, 'x')],
    ].map((rows, n) => ({ session: s, n, prepared: ready(s, n, rows) }))
    // Written newest first: the merge still inserts by number, lower row first.
    const out = writeChunkGroup(db, chunks.reverse())
    const results = out.map((o) => (o.ok ? o.result : o.error.message))
    expect(results).toEqual([
      expect.objectContaining({ n: 2, inserted: 1, invalid: 1 }),
      expect.objectContaining({ n: 1, inserted: 1, duplicate_in_file: 1 }),
      expect.objectContaining({ n: 0, inserted: 2 }),
    ])
    const kept = db
      .prepare('SELECT origin_row FROM leads WHERE phone_e164 = ?')
      .pluck()
      .get(phoneFor(5))
    expect(kept).toBe(2)
    const report = db
      .prepare('SELECT row_number, cells, codes, messages FROM import_errors ORDER BY row_number')
      .all()
    expect(report).toEqual([
      {
        row_number: 5,
        cells: JSON.stringify(['C5', phoneFor(5), null]),
        codes: '["DUPLICATE_IN_FILE"]',
        messages: expect.stringContaining('row 2'),
      },
      expect.objectContaining({ row_number: 7 }),
    ])
    expect(getImport(db, s.id)?.counts).toMatchObject({ rows: 6, inserted: 4 })
  })

  it('answers each chunk on its own: a replay, a conflict, a completed import, a new chunk', () => {
    const s = newImport(4, 2)
    const first = ready(s, 0, [row(2, phoneFor(1)), row(3, phoneFor(2))])
    expect(writeChunkGroup(db, [{ session: s, n: 0, prepared: first }])[0]?.ok).toBe(true)
    const done = newImport(2, 2)
    db.prepare("UPDATE imports SET status = 'completed' WHERE id = ?").run(done.id)
    const other = ready(s, 0, [row(2, phoneFor(1)), row(3, phoneFor(9))])
    const out = writeChunkGroup(db, [
      { session: s, n: 0, prepared: first },
      { session: done, n: 0, prepared: ready(done, 0, [row(2, phoneFor(7)), row(3, phoneFor(8))]) },
      { session: s, n: 1, prepared: ready(s, 1, [row(4, phoneFor(3)), row(5, phoneFor(4))]) },
    ])
    expect(out.map((o) => (o.ok ? `ok replay=${o.result.replay}` : o.error.message))).toEqual([
      'ok replay=true',
      `Import ${done.id} is complete and takes no more chunks.`,
      'ok replay=false',
    ])
    const conflict = writeChunkGroup(db, [{ session: s, n: 0, prepared: other }])[0] as GroupOutcome
    expect(conflict.ok ? '' : conflict.error.message).toContain(
      'already stored with different rows',
    )
    expect(t.db.prepare('SELECT count(*) FROM leads').pluck().get()).toBe(4)
  })

  it('stores numbers on the do-not-call list as suppressed leads, in the same commit', () => {
    db.prepare(
      "INSERT INTO do_not_call (phone_e164, source, created_at) VALUES (?, 'manual', 'now')",
    ).run(phoneFor(2))
    db.prepare("UPDATE campaigns SET status = 'in_progress' WHERE id = ?").run(campaign)
    const s = newImport(2, 2)
    const out = writeChunkGroup(db, [
      { session: s, n: 0, prepared: ready(s, 0, [row(2, phoneFor(1)), row(3, phoneFor(2))]) },
    ])
    expect(out[0]?.ok && out[0].result.inserted).toBe(2)
    expect(db.prepare('SELECT phone_e164, status FROM leads ORDER BY phone_e164').all()).toEqual([
      { phone_e164: phoneFor(1), status: 'scheduled' },
      { phone_e164: phoneFor(2), status: 'suppressed' },
    ])
  })

  it('tells duplicates of another import from duplicates in the file', () => {
    const a = newImport(2, 2)
    const b = newImport(2, 2)
    const out = writeChunkGroup(db, [
      { session: a, n: 0, prepared: ready(a, 0, [row(2, phoneFor(1)), row(3, phoneFor(2))]) },
      { session: b, n: 0, prepared: ready(b, 0, [row(2, phoneFor(2)), row(3, phoneFor(3))]) },
    ])
    expect(out.map((o) => o.ok && o.result)).toEqual([
      expect.objectContaining({ inserted: 2 }),
      expect.objectContaining({ inserted: 1, duplicate_in_campaign: 1, duplicate_in_file: 0 }),
    ])
  })
})

describe('ChunkWriter', () => {
  it('shares commits between chunks that arrive together, and keeps a failing chunk to itself', async () => {
    const s = newImport(8, 2)
    // A chunk the database refuses: row 7 trips a trigger, as a full disk or a bug would.
    db.exec(`CREATE TEMP TRIGGER poison BEFORE INSERT ON leads WHEN NEW.origin_row = 7
             BEGIN SELECT RAISE(ABORT, 'poisoned'); END`)
    const writer = new ChunkWriter(db)
    const chunks = [0, 1, 2, 3].map((n) =>
      ready(s, n, [row(2 + 2 * n, phoneFor(2 * n)), row(3 + 2 * n, phoneFor(2 * n + 1))]),
    )
    const out = await Promise.all(
      chunks.map((prepared, n) => writer.write({ session: s, n, prepared })),
    )
    expect(out.map((o) => (o.ok ? o.result.inserted : o.error.message))).toEqual([
      2,
      2,
      'poisoned',
      2,
    ])
    expect(db.prepare('SELECT count(*) FROM leads').pluck().get()).toBe(6)
    expect(db.prepare('SELECT n FROM import_chunks ORDER BY n').pluck().all()).toEqual([0, 1, 3])
    // The four arrived together and were tried as one group, then each alone.
    expect(writer.stats).toEqual({ commits: 3, chunks: 3, splits: 1 })
    db.exec('DROP TRIGGER poison')
    const more = newImport(8, 2)
    await Promise.all(
      [0, 1, 2, 3].map((n) =>
        writer.write({
          session: more,
          n,
          prepared: ready(more, n, [
            row(2 + 2 * n, phoneFor(20 + n)),
            row(3 + 2 * n, phoneFor(30 + n)),
          ]),
        }),
      ),
    )
    expect(writer.stats).toEqual({ commits: 4, chunks: 7, splits: 1 })
  })

  it('puts a second copy of a chunk in a later group, where it is a replay', async () => {
    const s = newImport(2, 2)
    const writer = new ChunkWriter(db)
    const rows = [row(2, phoneFor(1)), row(3, phoneFor(2))]
    const [a, b] = await Promise.all([
      writer.write({ session: s, n: 0, prepared: ready(s, 0, rows) }),
      writer.write({ session: s, n: 0, prepared: ready(s, 0, rows) }),
    ])
    expect([a?.ok && a.result.replay, b?.ok && b.result.replay]).toEqual([false, true])
    expect(db.prepare('SELECT count(*) FROM leads').pluck().get()).toBe(2)
  })
})

describe('PreparePool', () => {
  it('prepares on a worker thread exactly what it prepares inline', async () => {
    const s = newImport(3, 3)
    const rows = [row(2, '+905320000009'), row(3, 'not a phone'), row(4, '+905320000001')]
    const input = {
      key: `${s.id}@${s.created_at}`,
      options: s.options,
      expectedRows: 3,
      chunkSize: 3,
      n: 0,
    }
    const pool = new PreparePool(1)
    try {
      const sent = body(rows)
      const threaded = await pool.prepare({ ...input, body: sent })
      // The body was transferred to the worker, not copied.
      expect(sent.byteLength).toBe(0)
      const inline = await new PreparePool(0).prepare({ ...input, body: body(rows) })
      expect(threaded).toEqual(inline)
      expect(threaded.ok && threaded.leads.row).toEqual([4, 2])
    } finally {
      await pool.close()
    }
  })
})
