// Fixtures for the text reader's tests. Legacy bytes are written out byte by byte, never
// produced by Node's windows-1252 decoder/encoder (wrong for 0x80-0x9F, nodejs/node#60888).
import { CsvParser } from './csv-parser.ts'
import type { Delimiter } from './types.ts'

/** Bytes from ASCII strings and explicit byte values: `bytes('Ca', 0xF0, 'lar')`. */
export function bytes(...parts: Array<string | number>): Uint8Array {
  const out: number[] = []
  for (const p of parts) {
    if (typeof p === 'number') out.push(p)
    else
      for (let i = 0; i < p.length; i++) {
        const c = p.charCodeAt(i)
        if (c > 0x7f) throw new Error(`non-ASCII in a byte fixture: ${p}`)
        out.push(c)
      }
  }
  return Uint8Array.from(out)
}

/** UTF-8 bytes of a string. */
export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text)
}

/** UTF-16 bytes of a string, little or big endian, without BOM. */
export function utf16(text: string, bigEndian = false): Uint8Array {
  const out = new Uint8Array(text.length * 2)
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    out[2 * i + (bigEndian ? 1 : 0)] = c & 0xff
    out[2 * i + (bigEndian ? 0 : 1)] = c >>> 8
  }
  return out
}

/** Concatenates byte arrays. */
export function join(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}

/** An async source yielding `data` cut at the given offsets. */
export async function* chunked(data: Uint8Array, cuts: number[]): AsyncGenerator<Uint8Array> {
  let from = 0
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    if (cut <= from || cut >= data.length) continue
    yield data.slice(from, cut)
    from = cut
  }
  yield data.slice(from)
}

/** Everything a parse produced, for comparing runs. */
export interface ParseOutcome {
  records: Array<{ fields: string[]; line: number }>
  blankLines: number
  error?: { code: string; line?: number }
}

/** Parses `text` pushed in pieces cut at `cuts` (character offsets). */
export function parseText(text: string, delimiter: Delimiter = ',', cuts: number[] = []) {
  const records: ParseOutcome['records'] = []
  const parser = new CsvParser(delimiter, (fields, line) => {
    records.push({ fields, line })
  })
  let from = 0
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    if (cut <= from || cut >= text.length) continue
    parser.push(text.slice(from, cut))
    from = cut
  }
  parser.push(text.slice(from))
  const done = parser.finish()
  const outcome: ParseOutcome = { records, blankLines: parser.blankLines }
  if (!done.ok) outcome.error = { code: done.error.code, line: done.error.line }
  return outcome
}

/** Just the fields of a parse. */
export function fieldsOf(text: string, delimiter: Delimiter = ','): string[][] {
  return parseText(text, delimiter).records.map((r) => r.fields)
}
