import type { TextEncoding } from './types.ts'

// Bytes 0x80-0xFF of the WHATWG Encoding Standard indexes (what browsers decode). Node's own
// windows-1252 decoder maps 0x80-0x9F to C1 controls (nodejs/node#60888), so we never use it.
// 0x81, 0x8D, 0x8F, 0x90, 0x9D (and 0x8E, 0x9E in 1254) map to the C1 code point itself.
const HIGH_1252 = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039,
  0x0152, 0x008d, 0x017d, 0x008f, 0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
  0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
]

// windows-1254 is windows-1252 with Turkish letters in six Icelandic slots and no Ž/ž.
const TURKISH_1254: ReadonlyArray<readonly [number, number]> = [
  [0x8e, 0x008e],
  [0x9e, 0x009e],
  [0xd0, 0x011e],
  [0xdd, 0x0130],
  [0xde, 0x015e],
  [0xf0, 0x011f],
  [0xfd, 0x0131],
  [0xfe, 0x015f],
]

function buildTable(turkish: boolean): Uint16Array {
  const table = new Uint16Array(256)
  for (let b = 0; b < 256; b++) table[b] = b
  for (let i = 0; i < HIGH_1252.length; i++) table[0x80 + i] = HIGH_1252[i] ?? 0xfffd
  if (turkish) for (const [byte, code] of TURKISH_1254) table[byte] = code
  return table
}

/** Full 256-entry byte → UTF-16 code unit tables of the legacy single-byte encodings. */
export const LEGACY_TABLES: Readonly<Record<'windows-1252' | 'windows-1254', Uint16Array>> = {
  'windows-1252': buildTable(false),
  'windows-1254': buildTable(true),
}

/** True for the encodings decoded with our own tables rather than `TextDecoder`. */
export function isLegacyEncoding(
  encoding: TextEncoding,
): encoding is 'windows-1252' | 'windows-1254' {
  return encoding === 'windows-1252' || encoding === 'windows-1254'
}
