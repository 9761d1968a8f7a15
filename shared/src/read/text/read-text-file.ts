import type { Result } from '../types.ts'
import { CsvParser } from './csv-parser.ts'
import { countReplacementChars, createStreamDecoder, type StreamDecoder } from './decode.ts'
import { detectDelimiter } from './detect-delimiter.ts'
import { detectEncoding, type EncodingGuess } from './detect-encoding.ts'
import type { Delimiter, RecordHandler, TextEncoding } from './types.ts'

/** Bytes of a text file: whole, or streamed (e.g. `file.stream()`, a Node read stream). */
export type TextSource = Uint8Array | AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>

/** Options of `readTextFile`. */
export interface ReadTextOptions {
  /** Override the detected encoding (the user's pick). */
  encoding?: TextEncoding
  /** Override the detected delimiter (the user's pick). */
  delimiter?: Delimiter
  /** Called once per non-blank record; return `false` to stop reading. */
  onRecord: RecordHandler
  /** Called after each chunk with the bytes read so far. */
  onProgress?: (bytesRead: number) => void
  /** Aborting rejects the returned promise with the signal's reason (an `AbortError`). */
  signal?: AbortSignal
  /** Bytes used to detect the encoding and delimiter (default 64 KiB). */
  sampleBytes?: number
}

/** What `readTextFile` read. */
export interface TextReadSummary {
  encoding: TextEncoding
  delimiter: Delimiter
  /** The encoding detection (its alternatives feed the encoding picker). */
  detected: EncodingGuess
  records: number
  blankLines: number
  /** U+FFFD in the decoded text: bytes the encoding could not read. Never import these silently. */
  replacementChars: number
  bytesRead: number
  /** True when `onRecord` stopped the read before the end of the file. */
  stopped: boolean
}

const CHUNK_BYTES = 1 << 20
// Text is decoded 32 KiB at a time: V8 puts strings over 128 KB in large-object space, which
// made decoding 5x and GC 10x slower in the benchmark.
const PIECE_BYTES = 1 << 15
const EMPTY = new Uint8Array(0)

function decodePieces(decoder: StreamDecoder, bytes: Uint8Array, last: boolean): string[] {
  const out: string[] = []
  for (let at = 0; at < bytes.length; at += PIECE_BYTES) {
    const end = Math.min(at + PIECE_BYTES, bytes.length)
    out.push(decoder.decode(bytes.subarray(at, end), last && end === bytes.length))
  }
  if (last && bytes.length === 0) out.push(decoder.decode(bytes, true))
  return out
}

// Decodes bytes piece by piece into the parser, counting U+FFFD on the way.
class Feeder {
  replacementChars = 0
  readonly parser: CsvParser
  private readonly decoder: StreamDecoder
  constructor(decoder: StreamDecoder, parser: CsvParser) {
    this.decoder = decoder
    this.parser = parser
  }

  push(text: string): void {
    this.replacementChars += countReplacementChars(text)
    this.parser.push(text)
  }

  feed(bytes: Uint8Array, last: boolean): void {
    for (const text of decodePieces(this.decoder, bytes, last)) {
      if (this.parser.stopped) return
      this.push(text)
    }
  }
}

async function* chunksOf(source: TextSource): AsyncGenerator<Uint8Array> {
  if (source instanceof Uint8Array) {
    // Slices, so a whole file in memory is still decoded and parsed a megabyte at a time.
    for (let at = 0; at < source.length; at += CHUNK_BYTES) {
      yield source.subarray(at, at + CHUNK_BYTES)
    }
  } else if ('getReader' in source) {
    const reader = source.getReader()
    let done = false
    try {
      for (;;) {
        const next = await reader.read()
        done = next.done
        if (next.done) return
        yield next.value
      }
    } finally {
      // Stopped early (preview, abort): tell the stream nobody reads the rest.
      if (!done) await reader.cancel().catch(() => undefined)
      reader.releaseLock()
    }
  } else yield* source
}

function concat(parts: Uint8Array[], total: number): Uint8Array {
  if (parts.length === 1) return parts[0] as Uint8Array
  const out = new Uint8Array(total)
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}

/**
 * Reads a CSV/TSV/TXT file as a stream: detects (or takes) the encoding and delimiter, decodes,
 * parses and hands each record to `onRecord` with its 1-based start line; never holds the rows.
 * Fails with FILE_EMPTY (no bytes, or blank lines only), FILE_FORMAT (binary bytes) or
 * UNTERMINATED_QUOTE (with the line where the quoted value starts).
 * @example await readTextFile(file.stream(), { onRecord: (fields, line) => rows.push(fields) })
 */
export async function readTextFile(
  source: TextSource,
  options: ReadTextOptions,
): Promise<Result<TextReadSummary>> {
  options.signal?.throwIfAborted()
  const chunks = chunksOf(source)
  try {
    return await readChunks(chunks, options)
  } finally {
    await chunks.return(undefined)
  }
}

async function readChunks(
  chunks: AsyncGenerator<Uint8Array>,
  options: ReadTextOptions,
): Promise<Result<TextReadSummary>> {
  const { signal, onProgress } = options
  const sampleBytes = options.sampleBytes ?? 64 * 1024

  // Gather the head of the file: at least `sampleBytes`, or all of it.
  const head: Uint8Array[] = []
  let bytesRead = 0
  let ended = false
  while (bytesRead < sampleBytes) {
    const next = await chunks.next()
    if (next.done) {
      ended = true
      break
    }
    head.push(next.value)
    bytesRead += next.value.length
    signal?.throwIfAborted()
  }
  if (bytesRead === 0) {
    return {
      ok: false,
      error: {
        code: 'FILE_EMPTY',
        message:
          'The file is empty (0 bytes). Check that the export finished, then pick the file again.',
      },
    }
  }
  const headBytes = concat(head, bytesRead)
  const detected = detectEncoding(headBytes.subarray(0, sampleBytes))
  if (detected.binary && !options.encoding) {
    const message =
      'This file is not a text (CSV/TSV) file: it holds binary data. Export the leads as CSV ' +
      'or XLSX and import that file.'
    return { ok: false, error: { code: 'FILE_FORMAT', message } }
  }
  const encoding = options.encoding ?? detected.encoding
  const decoder = createStreamDecoder(encoding)

  const sampleEnd = Math.min(headBytes.length, sampleBytes)
  const sampleIsAll = ended && sampleEnd === headBytes.length
  const sample = decodePieces(decoder, headBytes.subarray(0, sampleEnd), sampleIsAll)
  const delimiter = options.delimiter ?? detectDelimiter(sample.join(''), { complete: sampleIsAll })

  const feeder = new Feeder(decoder, new CsvParser(delimiter, options.onRecord))
  for (const text of sample) feeder.push(text)
  feeder.feed(headBytes.subarray(sampleEnd), ended)
  onProgress?.(bytesRead)
  while (!ended && !feeder.parser.stopped) {
    const next = await chunks.next()
    signal?.throwIfAborted()
    if (next.done) ended = true
    else bytesRead += next.value.length
    feeder.feed(next.done ? EMPTY : next.value, ended)
    if (!ended) onProgress?.(bytesRead)
  }
  const parsed = feeder.parser.finish()
  if (!parsed.ok) return parsed
  if (parsed.data.records === 0) {
    const message = 'The file has no data: it holds only blank lines.'
    return { ok: false, error: { code: 'FILE_EMPTY', message } }
  }
  const { replacementChars } = feeder
  const stopped = feeder.parser.stopped
  const summary = { encoding, delimiter, detected, replacementChars, bytesRead, stopped }
  return { ok: true, data: { ...summary, ...parsed.data } }
}
