import { MAX_CHUNK_BYTES } from '@leadport/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importBody, phoneFor, seedImportCampaign, tempImportApp } from './temp-import-app.ts'

// Every refused body must change nothing: no lead, no ledger entry, no error row, no counts.
let t: ReturnType<typeof tempImportApp>
let id: number
beforeAll(async () => {
  t = tempImportApp()
  id = await t.create(importBody(seedImportCampaign(t.db), 10_000, 5_000))
})
afterAll(() => t.cleanup())

function unchanged() {
  expect(t.count('SELECT count(*) FROM leads')).toBe(0)
  expect(t.count('SELECT count(*) FROM import_chunks')).toBe(0)
  expect(t.count('SELECT count(*) FROM import_errors')).toBe(0)
  expect(t.count('SELECT rows FROM imports WHERE id = ?', id)).toBe(0)
}
const rows = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ row: i + 2, cells: ['A', phoneFor(i), null] }))

describe('chunk bodies', () => {
  it('refuses more than 5,000 rows with 413', async () => {
    const r = await t.putChunk(id, 0, rows(5_001))
    expect(r.status).toBe(413)
    expect(r.body.error.code).toBe('PAYLOAD_TOO_LARGE')
    unchanged()
  })

  it('refuses a body over the byte limit with 413 before reading it', async () => {
    const big = JSON.stringify({ rows: [{ row: 2, cells: ['x'.repeat(MAX_CHUNK_BYTES), ''] }] })
    const r = await t.send('PUT', `/api/imports/${id}/chunks/0`, big)
    expect(r.status).toBe(413)
    unchanged()
  })

  it('refuses anything but JSON with 415', async () => {
    const body = JSON.stringify({ rows: rows(1) })
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', '']) {
      const r = await t.send('PUT', `/api/imports/${id}/chunks/0`, body, type)
      expect(r.status).toBe(415)
    }
    unchanged()
  })

  it('refuses malformed chunks with 400 and a message naming the problem', async () => {
    const cases: [string, RegExp][] = [
      ['{"rows": [', /not valid JSON/],
      ['{"rows": []}', /rows/],
      ['{"rows": [{"row": 0, "cells": []}]}', /rows\.0\.row/],
      ['{"rows": [{"row": 2, "cells": [{"a": 1}]}]}', /rows\.0\.cells\.0/],
      ['{"rows": [{"row": 2, "cells": []}], "extra": 1}', /extra/],
      ['[1, 2]', /./],
      ['null', /./],
    ]
    for (const [body, message] of cases) {
      const r = await t.send('PUT', `/api/imports/${id}/chunks/0`, body)
      expect(r.status, body).toBe(400)
      expect(r.body.error.message, body).toMatch(message)
    }
    unchanged()
  })

  it('refuses chunks that do not fit the plan with 400', async () => {
    const wrong = [
      [2, rows(5_000)],
      [0, rows(10)],
      [1, rows(5_000).reverse()],
    ] as const
    for (const [n, r] of wrong) expect((await t.putChunk(id, n, r)).status).toBe(400)
    expect((await t.send('PUT', `/api/imports/${id}/chunks/-1`, { rows: rows(1) })).status).toBe(
      400,
    )
    expect((await t.send('PUT', `/api/imports/999/chunks/0`, { rows: rows(1) })).status).toBe(404)
    unchanged()
  })

  it('takes a full chunk of 5,000 rows', async () => {
    const r = await t.putChunk(id, 0, rows(5_000))
    expect(r.body).toMatchObject({ inserted: 5_000, invalid: 0 })
  })
})
