import { unzipSync } from 'fflate'
import type { Result } from '../types.ts'
import { DAMAGED_MESSAGE } from './messages.ts'

/** Refuse a zip whose entries declare more than this many uncompressed bytes in total. */
export const ZIP_MAX_TOTAL_BYTES = 200 * 1024 * 1024

/** Refuse an entry that declares it inflates more than this many times its compressed size... */
export const ZIP_MAX_RATIO = 100

/** ...when it declares more than this many uncompressed bytes (small parts compress freely). */
export const ZIP_RATIO_MIN_BYTES = 1024 * 1024

/** Refuse a zip with more entries than this (a lead workbook has a few dozen). */
export const ZIP_MAX_ENTRIES = 10_000

/** Largest entry that the sniffer may inflate to look inside (`mimetype`, content types). */
export const ZIP_PEEK_MAX_BYTES = 256 * 1024

/** Thresholds of the zip gate; tests lower them to exercise the gate with small files. */
export interface ZipLimits {
  maxTotalBytes: number
  maxRatio: number
  ratioMinBytes: number
  maxEntries: number
}

/** The default thresholds of the zip gate. */
export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxTotalBytes: ZIP_MAX_TOTAL_BYTES,
  maxRatio: ZIP_MAX_RATIO,
  ratioMinBytes: ZIP_RATIO_MIN_BYTES,
  maxEntries: ZIP_MAX_ENTRIES,
}

/** One central-directory entry, as declared (nothing is inflated to learn it). */
export interface ZipEntry {
  name: string
  /** Compressed size in bytes. */
  size: number
  /** Declared uncompressed size in bytes. */
  originalSize: number
  /** 0 = stored, 8 = deflate; anything else cannot be read. */
  compression: number
}

/** What the central directory declares, plus the small entries asked for by name. */
export interface ZipDirectory {
  entries: ZipEntry[]
  /** Inflated content of the requested small entries that exist (`peek` argument). */
  peeked: Map<string, Uint8Array>
}

const EOCD_SIG = 0x06054b50
const CDH_SIG = 0x02014b50
const EOCD_MIN = 22
const MAX_COMMENT = 0xffff

const u32 = (b: Uint8Array, i: number): number =>
  ((b[i] ?? 0) | ((b[i + 1] ?? 0) << 8) | ((b[i + 2] ?? 0) << 16) | ((b[i + 3] ?? 0) << 24)) >>> 0

/** Finds the end-of-central-directory record, or -1 (a truncated zip has none). */
function findEocd(b: Uint8Array): number {
  const stop = Math.max(0, b.length - EOCD_MIN - MAX_COMMENT)
  for (let i = b.length - EOCD_MIN; i >= stop; i--) if (u32(b, i) === EOCD_SIG) return i
  return -1
}

/** True when the directory that the EOCD points at lies inside the file and starts right. */
function directoryInBounds(b: Uint8Array, eocd: number): boolean {
  const count = (b[eocd + 10] ?? 0) | ((b[eocd + 11] ?? 0) << 8)
  const size = u32(b, eocd + 12)
  const offset = u32(b, eocd + 16)
  if (offset === 0xffffffff || size === 0xffffffff) return true // ZIP64: fflate reads it
  if (offset + size > eocd) return false
  return count === 0 || u32(b, offset) === CDH_SIG
}

/**
 * Lists a zip's central directory without inflating anything, except the entries named in
 * `peek` whose declared size is at most {@link ZIP_PEEK_MAX_BYTES} (inflation is bounded by it).
 * @example listZip(bytes, ['mimetype']) // { ok: true, data: { entries: [...], peeked } }
 */
export function listZip(bytes: Uint8Array, peek: readonly string[] = []): Result<ZipDirectory> {
  const eocd = bytes.length >= EOCD_MIN ? findEocd(bytes) : -1
  if (eocd < 0 || !directoryInBounds(bytes, eocd)) {
    return { ok: false, error: { code: 'FILE_DAMAGED', message: DAMAGED_MESSAGE } }
  }
  const entries: ZipEntry[] = []
  try {
    const files = unzipSync(bytes, {
      filter(f) {
        entries.push({
          name: f.name,
          size: f.size,
          originalSize: f.originalSize,
          compression: f.compression,
        })
        return f.originalSize <= ZIP_PEEK_MAX_BYTES && peek.includes(f.name)
      },
    })
    return { ok: true, data: { entries, peeked: new Map(Object.entries(files)) } }
  } catch {
    return { ok: false, error: { code: 'FILE_DAMAGED', message: DAMAGED_MESSAGE } }
  }
}

/** Formats a byte count for a message: `734 MB`, `300 KB`, `12 bytes`. */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${Math.round(n / (1024 * 1024)).toLocaleString('en-US')} MB`
  if (n >= 1024) return `${Math.round(n / 1024).toLocaleString('en-US')} KB`
  return `${n} bytes`
}

/**
 * The zip gate: refuses, from the declared sizes alone, a zip that would inflate too far
 * (`FILE_TOO_LARGE`), a broken one (`FILE_DAMAGED`) or one we cannot inflate.
 * Declared sizes can lie; the killable worker's watchdog stays the backstop.
 * @example checkZip(bytes) // { ok: false, error: { code: 'FILE_TOO_LARGE', ... } }
 */
export function checkZip(
  bytes: Uint8Array,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): Result<ZipEntry[]> {
  const listed = listZip(bytes)
  if (!listed.ok) return listed
  const { entries } = listed.data
  if (entries.length > limits.maxEntries) {
    const message =
      `The workbook holds ${entries.length.toLocaleString('en-US')} parts ` +
      `(limit ${limits.maxEntries.toLocaleString('en-US')}); a spreadsheet of leads has a few ` +
      'dozen. Re-save it in Excel or export the sheet as CSV.'
    return { ok: false, error: { code: 'FILE_TOO_LARGE', message } }
  }
  let total = 0
  for (const e of entries) {
    if (e.compression === 99) {
      const message =
        'The zip inside this file is password-protected; remove the password and upload again.'
      return { ok: false, error: { code: 'FILE_ENCRYPTED', message } }
    }
    if (e.compression !== 0 && e.compression !== 8) {
      const message = `The workbook uses an unsupported zip compression (method ${e.compression}); re-save it in Excel and upload again.`
      return { ok: false, error: { code: 'FILE_FORMAT', message } }
    }
    total += e.originalSize
    const ratio = e.originalSize / Math.max(1, e.size)
    if (e.originalSize > limits.ratioMinBytes && ratio > limits.maxRatio) {
      const message =
        `Part "${e.name}" of the workbook would expand ${Math.round(ratio).toLocaleString('en-US')} ` +
        `times (${formatBytes(e.size)} to ${formatBytes(e.originalSize)}; limit ` +
        `${limits.maxRatio}:1), which is how zip bombs look, not spreadsheets. ` +
        'Re-save it in Excel or export the sheet as CSV.'
      return { ok: false, error: { code: 'FILE_TOO_LARGE', message } }
    }
  }
  if (total > limits.maxTotalBytes) {
    const message =
      `The workbook would expand to ${formatBytes(total)} when opened (limit ` +
      `${formatBytes(limits.maxTotalBytes)}). Split it into smaller files or export the sheet as CSV.`
    return { ok: false, error: { code: 'FILE_TOO_LARGE', message } }
  }
  return { ok: true, data: entries }
}
