import type { ChunkRow } from '@leadport/shared'
import { describe, expect, it } from 'vitest'
import { canonicalRows } from './canonical-body.ts'
import { hashRows, parseChunkBody } from './prepare-chunk.ts'

const enc = new TextEncoder()

function keys(rows: readonly ChunkRow[]): number {
  return 1 + rows.reduce((k, r) => k + ('hidden' in r ? 3 : 2), 0)
}

/** The rows segment when accepted, as text; `null` when refused. */
function accepted(text: string): string | null {
  const rows = (JSON.parse(text) as { rows: ChunkRow[] }).rows
  const bytes = canonicalRows(enc.encode(text), keys(rows))
  return bytes ? new TextDecoder().decode(bytes) : null
}

// A small deterministic generator (the same cases on every run).
function random(seed: number) {
  let s = seed >>> 0
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

const PIECES = [
  'a',
  'Z',
  ' ',
  '"',
  '\\',
  '/',
  '\n',
  '\t',
  '\b',
  '\u0001',
  '\u001f',
  '\u007f',
  'ş',
  'é',
  '€',
  '😀',
  '\u2028',
  '0',
  '+90 532',
  ':',
  ',',
  '{',
  '}',
  '[',
  ']',
]

function randomRows(next: () => number): ChunkRow[] {
  const rows: ChunkRow[] = []
  let row = 2 + Math.floor(next() * 10)
  for (let r = 0; r < 1 + Math.floor(next() * 5); r++) {
    const cells: ChunkRow['cells'] = []
    for (let c = 0; c < Math.floor(next() * 5); c++) {
      const kind = next()
      if (kind < 0.6) {
        let text = ''
        for (let k = 0; k < Math.floor(next() * 6); k++)
          text += PIECES[Math.floor(next() * PIECES.length)]
        cells.push(text)
      } else if (kind < 0.75)
        cells.push(
          [0, 7, -3, 905321234567, 0.1, 1.5, -2.25, 1e21, 1e-7][Math.floor(next() * 9)] as number,
        )
      else if (kind < 0.85) cells.push(next() < 0.5)
      else cells.push(null)
    }
    rows.push(next() < 0.2 ? { row, cells, hidden: next() < 0.5 } : { row, cells })
    row += 1 + Math.floor(next() * 3)
  }
  return rows
}

/** Rewrites of a body that parse to the same rows but are not JSON.stringify's bytes. */
const REWRITES: [string, (text: string) => string][] = [
  ['a space after a comma', (t) => t.replace(',', ', ')],
  ['a newline at the end', (t) => `${t.slice(0, -1)}\n}`],
  ['a letter escaped', (t) => t.replace('"row"', '"r\\u006fw"')],
  ['an escaped solidus', (t) => t.replace('/', '\\/')],
  [
    'uppercase hex',
    (t) => t.replace(/\\u00([0-9a-f])([a-f])/, (_, a, b) => `\\u00${a}${b.toUpperCase()}`),
  ],
  ['a long escape where a short one exists', (t) => t.replace('\\n', '\\u000a')],
  ['a row number as 2.0', (t) => t.replace(/"row":(\d+)/, '"row":$1.0')],
  ['an exponent', (t) => t.replace(/"row":(\d+)/, '"row":$1e0')],
  ['a repeated key', (t) => t.replace('{"row":', '{"row":1,"row":')],
]

describe('canonicalRows', () => {
  it('accepts what JSON.stringify writes, and then the bytes are the rows as JSON.stringify writes them', () => {
    const next = random(7)
    let checked = 0
    for (let i = 0; i < 2000; i++) {
      const rows = randomRows(next)
      const text = JSON.stringify({ rows })
      expect(accepted(text)).toBe(JSON.stringify(rows))
      checked++
    }
    expect(checked).toBe(2000)
  })

  it('refuses every rewrite that parses to the same rows, or answers the same bytes', () => {
    const next = random(11)
    const refused = new Map<string, number>()
    for (let i = 0; i < 2000; i++) {
      const rows = randomRows(next)
      const text = JSON.stringify({ rows })
      for (const [name, rewrite] of REWRITES) {
        const other = rewrite(text)
        if (other === text) continue
        // Still the same rows (a rewrite must not change what they say).
        expect((JSON.parse(other) as { rows: ChunkRow[] }).rows.length).toBe(rows.length)
        const got = accepted(other)
        if (got === null) refused.set(name, (refused.get(name) ?? 0) + 1)
        else expect(got).toBe(JSON.stringify((JSON.parse(other) as { rows: ChunkRow[] }).rows))
      }
    }
    for (const [name] of REWRITES) expect(refused.get(name) ?? 0, name).toBeGreaterThan(0)
  })

  it('refuses numbers JSON.stringify spells otherwise, and lone surrogates', () => {
    for (const n of ['-0', '01', '1.50', '1E3', '1e21', '0.10', '+1']) {
      const text = `{"rows":[{"row":2,"cells":[${n}]}]}`
      let parses = true
      try {
        JSON.parse(text)
      } catch {
        parses = false
      }
      if (parses) expect(accepted(text), n).toBeNull()
    }
    expect(accepted('{"rows":[{"row":2,"cells":[1e+21,-2.25,0.1]}]}')).toBe(
      '[{"row":2,"cells":[1e+21,-2.25,0.1]}]',
    )
    // JSON.stringify writes a lone surrogate as an escape: refused, hashed the slow way.
    expect(accepted(JSON.stringify({ rows: [{ row: 2, cells: ['\ud800'] }] }))).toBeNull()
  })

  it('gives parseChunkBody the same hash as re-serialising, however the body is spelled', () => {
    const rows = [
      { row: 2, cells: ['Ayşe "A" \\ /', '+905321234567', null, 1.5, true] },
      { row: 3, cells: ['😀\n\t\u0001'], hidden: true },
    ]
    const want = hashRows(rows as ChunkRow[])
    for (const text of [
      JSON.stringify({ rows }),
      JSON.stringify({ rows }, null, 2),
      JSON.stringify({ rows }).replace('\\n', '\\u000a'),
    ]) {
      const out = parseChunkBody(enc.encode(text))
      expect('hash' in out && out.hash).toBe(want)
    }
    // Invalid UTF-8 is read as the replacement character and hashed the slow way.
    const bad = enc.encode(JSON.stringify({ rows: [{ row: 2, cells: ['ab'] }] }))
    bad[bad.indexOf(0x61)] = 0xff
    const out = parseChunkBody(bad)
    expect('hash' in out && out.hash).toBe(hashRows([{ row: 2, cells: ['\ufffdb'] }]))
  })
})
