import type { TextEncoding } from './types.ts'

/** How the encoding was recognised. */
export type EncodingReason = 'bom' | 'utf16-pattern' | 'ascii' | 'utf8' | 'legacy'

/** What `detectEncoding` found in the first bytes of a file. */
export interface EncodingGuess {
  encoding: TextEncoding
  /** Length of the byte order mark at the start of the file (0 when there is none). */
  bomLength: number
  /** The other encodings a user may pick, most plausible first. */
  alternatives: TextEncoding[]
  reason: EncodingReason
  /** The bytes look like a binary file (NUL/control heavy, zip or OLE magic), not text. */
  binary: boolean
}

// 1252 reads these as Ð Ý Þ ð ý þ; in 1254 they are Ğ İ Ş ğ ı ş.
const TURKISH_ONLY = [0xd0, 0xdd, 0xde, 0xf0, 0xfd, 0xfe]
// ç Ç ö Ö ü Ü: common in Turkish, same bytes in both code pages.
const TURKISH_COMMON = [0xe7, 0xc7, 0xf6, 0xd6, 0xfc, 0xdc]
// á é í ó ú æ ñ à è ã õ Á É Í Ó Ú Æ Ñ: Western letters Turkish does not use; Ž ž (0x8E, 0x9E)
// exist in 1252 only.
const WESTERN_ONLY = [
  0xe1, 0xe9, 0xed, 0xf3, 0xfa, 0xe6, 0xf1, 0xe0, 0xe8, 0xe3, 0xf5, 0xc1, 0xc9, 0xcd, 0xd3, 0xda,
  0xc6, 0xd1, 0x8e, 0x9e,
]

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]

function countBytes(hist: Uint32Array, bytes: readonly number[]): number {
  let sum = 0
  for (const b of bytes) sum += hist[b] as number
  return sum
}

function others(first: TextEncoding[]): TextEncoding[] {
  const all: TextEncoding[] = ['utf-8', 'windows-1254', 'windows-1252', 'utf-16le', 'utf-16be']
  return all.filter((e) => !first.includes(e))
}

function guess(
  encoding: TextEncoding,
  reason: EncodingReason,
  bomLength = 0,
  binary = false,
): EncodingGuess {
  const preferred: TextEncoding[] =
    encoding === 'windows-1252'
      ? ['windows-1254']
      : encoding === 'windows-1254'
        ? ['windows-1252']
        : []
  return {
    encoding,
    bomLength,
    alternatives: [...preferred, ...others([encoding, ...preferred])],
    reason,
    binary,
  }
}

function startsWith(sample: Uint8Array, magic: readonly number[]): boolean {
  if (sample.length < magic.length) return false
  for (let i = 0; i < magic.length; i++) if (sample[i] !== magic[i]) return false
  return true
}

function isValidUtf8(sample: Uint8Array): boolean {
  try {
    // stream: a character cut by the end of the sample is held back, not an error.
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true })
    return true
  } catch {
    return false
  }
}

/**
 * Guesses the encoding of a text file from its first bytes (64 KB is plenty):
 * BOM → UTF-16 NUL pattern → strict UTF-8 → windows-1254 if it reads as Turkish, else 1252.
 * @example detectEncoding(bytes).encoding // 'windows-1254'
 */
export function detectEncoding(sample: Uint8Array): EncodingGuess {
  if (startsWith(sample, [0xef, 0xbb, 0xbf])) return guess('utf-8', 'bom', 3)
  if (startsWith(sample, [0xff, 0xfe])) return guess('utf-16le', 'bom', 2)
  if (startsWith(sample, [0xfe, 0xff])) return guess('utf-16be', 'bom', 2)

  // Zip (XLSX/ODS) and OLE (XLS, encrypted XLSX) are never text, whatever their bytes look like.
  if (startsWith(sample, [0x50, 0x4b, 0x03, 0x04]) || startsWith(sample, OLE_MAGIC)) {
    return guess('utf-8', 'ascii', 0, true)
  }
  const n = sample.length
  const hist = new Uint32Array(256)
  let evenNul = 0
  let oddNul = 0
  for (let i = 0; i < n; i++) {
    const b = sample[i] as number
    hist[b] = (hist[b] as number) + 1
    if (b === 0) {
      if (i & 1) oddNul++
      else evenNul++
    }
  }
  // UTF-16 text of mostly ASCII (delimiters, digits, e-mails) has a NUL in every other byte.
  const pairs = n >> 1
  if (pairs >= 2) {
    if (oddNul * 4 > pairs && evenNul * 10 <= oddNul) return guess('utf-16le', 'utf16-pattern')
    if (evenNul * 4 > pairs && oddNul * 10 <= evenNul) return guess('utf-16be', 'utf16-pattern')
  }

  let controls = 0
  for (let b = 0; b < 32; b++) {
    if (b !== 9 && b !== 10 && b !== 12 && b !== 13) controls += hist[b] as number
  }
  // More than 5% NUL/control bytes: compressed or binary data, not a lead list.
  const binary = controls * 20 > n

  let high = 0
  for (let b = 0x80; b < 256; b++) high += hist[b] as number
  if (high === 0) return guess('utf-8', 'ascii', 0, binary)
  if (isValidUtf8(sample)) return guess('utf-8', 'utf8', 0, binary)

  const turkish = countBytes(hist, TURKISH_ONLY)
  const turkishCommon = countBytes(hist, TURKISH_COMMON)
  const western = countBytes(hist, WESTERN_ONLY)
  const isTurkish = turkish > 0 && (turkishCommon > 0 || western === 0) && turkish >= western
  return guess(isTurkish ? 'windows-1254' : 'windows-1252', 'legacy', 0, binary)
}
