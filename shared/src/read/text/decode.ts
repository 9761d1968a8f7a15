import { isLegacyEncoding, LEGACY_TABLES } from './legacy-tables.ts'
import type { TextEncoding } from './types.ts'

/** Decodes a byte stream chunk by chunk; characters split across chunks come out whole. */
export interface StreamDecoder {
  /** Decodes the next chunk. Pass `last: true` (bytes may be empty) to flush held bytes. */
  decode(bytes: Uint8Array, last?: boolean): string
}

const STREAM = { stream: true }
const FLUSH = { stream: false }

// TextDecoder turns invalid bytes into U+FFFD, which the reader counts so the caller never
// imports them silently. It strips a BOM of its own encoding at the start of the stream.
class NativeDecoder implements StreamDecoder {
  private readonly inner: TextDecoder
  constructor(encoding: 'utf-16le' | 'utf-16be') {
    this.inner = new TextDecoder(encoding)
  }
  decode(bytes: Uint8Array, last = false): string {
    return this.inner.decode(bytes, last ? FLUSH : STREAM)
  }
}

// UTF-8 without `{ stream: true }`: Node only takes its fast (SIMD) path for whole decodes and
// falls back to ICU, 5x slower, when streaming. So each chunk is cut after its last complete
// character and the 1-3 bytes of a character split by the chunk end go in front of the next
// chunk; decoding the same bytes in the same order gives what a streaming decode gives.
class Utf8Decoder implements StreamDecoder {
  private first = new TextDecoder('utf-8')
  private readonly rest = new TextDecoder('utf-8', { ignoreBOM: true })
  private held: Uint8Array | null = null

  decode(bytes: Uint8Array, last = false): string {
    let input = bytes
    if (this.held) {
      input = new Uint8Array(this.held.length + bytes.length)
      input.set(this.held)
      input.set(bytes, this.held.length)
      this.held = null
    }
    const cut = last ? input.length : completeLength(input)
    if (cut < input.length) this.held = input.slice(cut)
    if (cut === 0 && !last) return ''
    // Only the very first decode may strip a BOM; later U+FEFF are real characters.
    const decoder = this.first
    this.first = this.rest
    return decoder.decode(cut < input.length ? input.subarray(0, cut) : input)
  }
}

// Length of the prefix that ends on a character boundary: drops a trailing lead byte and the
// continuation bytes after it when they are fewer than the lead byte announces.
function completeLength(bytes: Uint8Array): number {
  const n = bytes.length
  for (let back = 1; back <= 3 && back <= n; back++) {
    const b = bytes[n - back] as number
    if (b < 0x80) return n
    if (b >= 0xc0) {
      const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2
      return need > back ? n - back : n
    }
  }
  return n
}

// Single-byte tables: every byte is one code unit, so chunks never split a character.
class TableDecoder implements StreamDecoder {
  private readonly table: Uint16Array
  private readonly utf16 = new TextDecoder('utf-16le')
  private scratch = new Uint8Array(0)
  constructor(table: Uint16Array) {
    this.table = table
  }
  decode(bytes: Uint8Array, _last = false): string {
    const n = bytes.length
    if (n === 0) return ''
    if (this.scratch.length < n * 2) this.scratch = new Uint8Array(n * 2)
    const out = this.scratch
    const table = this.table
    // Little-endian bytes written one by one: correct whatever the platform's endianness.
    for (let i = 0, j = 0; i < n; i++, j += 2) {
      const code = table[bytes[i] as number] as number
      out[j] = code & 0xff
      out[j + 1] = code >>> 8
    }
    return this.utf16.decode(out.subarray(0, n * 2))
  }
}

/**
 * Creates a streaming decoder: `TextDecoder` for UTF-8/16, WHATWG tables for windows-125x.
 * @example const d = createStreamDecoder('windows-1254'); d.decode(bytes) + d.decode(new Uint8Array(0), true)
 */
export function createStreamDecoder(encoding: TextEncoding): StreamDecoder {
  if (isLegacyEncoding(encoding)) return new TableDecoder(LEGACY_TABLES[encoding])
  if (encoding === 'utf-8') return new Utf8Decoder()
  return new NativeDecoder(encoding)
}

/** Counts U+FFFD (what decoders put in place of bytes they cannot read) in a decoded text. */
export function countReplacementChars(text: string): number {
  let count = 0
  let at = text.indexOf('\ufffd')
  while (at !== -1) {
    count++
    at = text.indexOf('\ufffd', at + 1)
  }
  return count
}
