import { Inflate } from 'fflate'
import { DAMAGED_MESSAGE } from '../messages.ts'
import { formatBytes, type ZipLimits } from '../zip-gate.ts'
import { FileFailure } from './refusal.ts'
import type { ZipPart } from './zip-parts.ts'

// Compressed bytes handed to the inflater at a time. Deflate expands at most ~1032:1, so one
// piece yields at most ~33 MB before the budget below sees it.
const PIECE_BYTES = 32 * 1024
// Inflated bytes read ahead of the scanner (see nativeInflate).
const AHEAD_BYTES = 1024 * 1024

/**
 * The running byte budget of one workbook read: every inflated byte is counted, so an entry
 * that lies about its size (a zip bomb) is stopped while inflating, not after.
 */
export class InflateBudget {
  used = 0
  readonly limits: ZipLimits
  constructor(limits: ZipLimits) {
    this.limits = limits
  }

  /** Counts `n` more bytes of `part` (`produced` so far); throws FILE_TOO_LARGE past a limit. */
  spend(part: ZipPart, produced: number, n: number): void {
    this.used += n
    const { maxTotalBytes, maxRatio, ratioMinBytes } = this.limits
    const ratio = produced / Math.max(1, part.compressedSize)
    let why = ''
    if (produced > part.declaredSize) {
      why = `inflates past the ${formatBytes(part.declaredSize)} it declares`
    } else if (produced > ratioMinBytes && ratio > maxRatio) {
      why = `expands more than ${maxRatio} times`
    } else if (this.used > maxTotalBytes) {
      why = `takes the workbook past ${formatBytes(maxTotalBytes)} when opened`
    }
    if (!why) return
    const message =
      `Part "${part.name}" of the workbook ${why}, which is how zip bombs look, not ` +
      'spreadsheets. Re-save it in Excel or export the sheet as CSV.'
    throw new FileFailure({ code: 'FILE_TOO_LARGE', message })
  }
}

/** Options of {@link inflatePart}. */
export interface InflateOptions {
  budget: InflateBudget
  /** Use the platform's `DecompressionStream` when it exists (default true); else fflate. */
  native?: boolean
  signal?: AbortSignal
  /** Called with the compressed bytes consumed so far. */
  onInput?: (consumed: number) => void
}

const damaged = () => new FileFailure({ code: 'FILE_DAMAGED', message: DAMAGED_MESSAGE })

async function* nativeInflate(data: Uint8Array, opts: InflateOptions) {
  const ds = new DecompressionStream('deflate-raw')
  const writer = ds.writable.getWriter()
  const reader = ds.readable.getReader()
  const pump = (async () => {
    for (let at = 0; at < data.length; at += PIECE_BYTES) {
      const end = Math.min(at + PIECE_BYTES, data.length)
      await writer.write(data.subarray(at, end) as Uint8Array<ArrayBuffer>)
      opts.onInput?.(end)
    }
    await writer.close()
  })().catch(() => undefined) // a failure shows on the reading side
  // Output is read ahead (up to AHEAD_BYTES) while the caller scans the previous chunk, so
  // the inflater (a zlib thread in Node) and the scanner work at the same time.
  const queue: Uint8Array[] = []
  let queued = 0
  let ended = false
  let failed = false
  let stop = false
  let wake: (() => void) | undefined
  let room: (() => void) | undefined
  const fill = (async () => {
    try {
      while (!stop) {
        if (queued >= AHEAD_BYTES) {
          await new Promise<void>((resolve) => {
            room = resolve
          })
          continue
        }
        const next = await reader.read()
        if (next.done) break
        queue.push(next.value)
        queued += next.value.length
        wake?.()
      }
    } catch {
      failed = true
    }
    ended = true
    wake?.()
  })()
  try {
    for (;;) {
      const chunk = queue.shift()
      if (chunk === undefined) {
        if (ended) break
        await new Promise<void>((resolve) => {
          wake = resolve
        })
        continue
      }
      queued -= chunk.length
      room?.()
      yield chunk
    }
    if (failed) throw damaged()
  } finally {
    stop = true
    room?.()
    if (!ended) await reader.cancel().catch(() => undefined)
    await fill
    await pump
  }
}

async function* fflateInflate(data: Uint8Array, opts: InflateOptions) {
  let out: Uint8Array[] = []
  let ended = false
  const inflater = new Inflate((chunk, final) => {
    out.push(chunk)
    if (final) ended = true
  })
  for (let at = 0; at < data.length && !ended; at += PIECE_BYTES) {
    const end = Math.min(at + PIECE_BYTES, data.length)
    try {
      inflater.push(data.subarray(at, end), end === data.length)
    } catch {
      throw damaged()
    }
    opts.onInput?.(end)
    const ready = out
    out = []
    for (const chunk of ready) yield chunk
  }
  if (!ended) throw damaged()
}

const hasNative = () => typeof DecompressionStream === 'function'

/**
 * Inflates one zip part chunk by chunk (native `DecompressionStream('deflate-raw')` where it
 * exists, fflate otherwise), counting every byte against the budget. Stopping early (a
 * `break` in `for await`) stops the inflater.
 * @example for await (const chunk of inflatePart(bytes, part, { budget })) decoder.decode(chunk)
 */
export async function* inflatePart(
  bytes: Uint8Array,
  part: ZipPart,
  opts: InflateOptions,
): AsyncGenerator<Uint8Array> {
  const data = bytes.subarray(part.dataStart, part.dataStart + part.compressedSize)
  let produced = 0
  const source =
    part.method === 0
      ? storedPieces(data, opts)
      : opts.native !== false && hasNative()
        ? nativeInflate(data, opts)
        : fflateInflate(data, opts)
  for await (const chunk of source) {
    if (opts.signal?.aborted) throw opts.signal.reason
    produced += chunk.length
    opts.budget.spend(part, produced, chunk.length)
    yield chunk
  }
}

async function* storedPieces(data: Uint8Array, opts: InflateOptions) {
  for (let at = 0; at < data.length; at += PIECE_BYTES * 4) {
    const end = Math.min(at + PIECE_BYTES * 4, data.length)
    yield data.subarray(at, end)
    opts.onInput?.(end)
  }
}

/**
 * Inflates a whole (small) part into text: workbook, relationships, styles.
 * @example const xml = await inflateText(bytes, part, { budget })
 */
export async function inflateText(
  bytes: Uint8Array,
  part: ZipPart,
  opts: InflateOptions,
): Promise<string> {
  const decoder = new TextDecoder()
  let text = ''
  for await (const chunk of inflatePart(bytes, part, opts)) {
    text += decoder.decode(chunk, { stream: true })
  }
  return text + decoder.decode()
}
