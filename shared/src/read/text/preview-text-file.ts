import type { Result } from '../types.ts'
import { readTextFile, type TextReadSummary, type TextSource } from './read-text-file.ts'
import type { Delimiter, TextEncoding } from './types.ts'

/** One record of a preview, with the 1-based line it starts on. */
export interface PreviewRecord {
  fields: string[]
  line: number
}

/** Options of `previewTextFile`. */
export interface PreviewTextOptions {
  encoding?: TextEncoding
  delimiter?: Delimiter
  /** Records to return (default 50). */
  maxRecords?: number
  sampleBytes?: number
  signal?: AbortSignal
}

/** The first records of a file, and what was detected to read them. */
export interface TextPreview extends TextReadSummary {
  rows: PreviewRecord[]
}

/**
 * Reads the first records of a text file through the same path as `readTextFile` (detection,
 * decoding, parsing); call it again with `encoding`/`delimiter` when the user overrides them.
 * `records` counts the records read, so it is the whole file's count only when `!stopped`.
 * @example const p = await previewTextFile(bytes, { maxRecords: 50 }); p.ok && p.data.rows[0]
 */
export async function previewTextFile(
  source: TextSource,
  options: PreviewTextOptions = {},
): Promise<Result<TextPreview>> {
  const max = options.maxRecords ?? 50
  const rows: PreviewRecord[] = []
  const read = await readTextFile(source, {
    encoding: options.encoding,
    delimiter: options.delimiter,
    sampleBytes: options.sampleBytes,
    signal: options.signal,
    onRecord: (fields, line) => rows.push({ fields, line }) < max,
  })
  if (!read.ok) return read
  return { ok: true, data: { ...read.data, rows } }
}
