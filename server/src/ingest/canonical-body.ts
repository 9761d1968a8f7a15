/*
 * A chunk's ledger identity is the SHA-256 of its rows as `JSON.stringify` writes them, so that
 * whitespace, key order and escapes in the request do not matter. Re-serialising 5,000 rows and
 * hashing the string was a fifth of the preparation's time; nearly every client sends exactly
 * those bytes already (it serialised with `JSON.stringify`). This scanner proves it from the
 * bytes, so that the bytes themselves can be hashed: when it answers, the answer is the UTF-8 of
 * `JSON.stringify(rows)`, byte for byte. When it cannot prove it, it answers `null` and the
 * caller re-serialises (always correct, only slower).
 *
 * Why the checks suffice, given that the body parsed as JSON, decoded as strict UTF-8, and
 * that its parsed rows have their keys in the schema's order (isCanonicalChunk):
 * - no whitespace outside strings: the punctuation is then fixed by the grammar;
 * - each key appears once (the count of keys in the bytes equals the count in the parsed
 *   value): a repeated key would parse to one;
 * - string escapes are the ones `JSON.stringify` writes (`\"`, `\\`, `\b`, `\f`, `\n`, `\r`,
 *   `\t`, and `\u00xx` in lowercase for the other control characters); every other character is
 *   literal in both (a lone surrogate cannot be literal in strict UTF-8, and `\u` escapes of
 *   it are refused here);
 * - numbers are written as `String(number)` writes them (integers without a leading zero or a
 *   sign on zero; anything else is checked by converting it back).
 */

const QUOTE = 0x22
const BACKSLASH = 0x5c
const COLON = 0x3a
const PREFIX = '{"rows":'

/** Escapes `JSON.stringify` writes as a letter after the backslash: " \ b f n r t. */
const SHORT_ESCAPE = new Uint8Array(128)
for (const c of '"\\bfnrt') SHORT_ESCAPE[c.charCodeAt(0)] = 1
/** Control characters `JSON.stringify` writes as a letter escape, not as \u00xx. */
const HAS_SHORT = new Set([8, 9, 10, 12, 13])

function hexDigit(b: number): number {
  if (b >= 0x30 && b <= 0x39) return b - 0x30
  if (b >= 0x61 && b <= 0x66) return b - 0x61 + 10
  return -1
}

function isNumberByte(b: number): boolean {
  return (
    (b >= 0x30 && b <= 0x39) || b === 0x2d || b === 0x2b || b === 0x2e || b === 0x65 || b === 0x45
  )
}

/** Whether the number token `body[from, to)` is spelled as `String(Number(token))` spells it. */
function canonicalNumber(body: Uint8Array, from: number, to: number): boolean {
  let i = body[from] === 0x2d ? from + 1 : from
  const digits = to - i
  let plain = digits > 0 && digits <= 15 && (body[i] !== 0x30 || digits === 1)
  for (; plain && i < to; i++) plain = (body[i] as number) >= 0x30 && (body[i] as number) <= 0x39
  // "-0" parses to -0, which JSON.stringify writes as "0".
  if (plain) return !(body[from] === 0x2d && digits === 1 && body[to - 1] === 0x30)
  const token = String.fromCharCode(...body.subarray(from, to))
  return String(Number(token)) === token
}

/**
 * The bytes of `rows` in a chunk body `{"rows":[…]}` when they are exactly the UTF-8 of
 * `JSON.stringify(rows)`, else `null`. `keys` is the number of object keys in the parsed body
 * (1 for `rows`, plus 2 or 3 per row); `body` must already have parsed, as strict UTF-8, to rows
 * whose keys are in the schema's order.
 * @example canonicalRows(new TextEncoder().encode('{"rows":[{"row":2,"cells":["A"]}]}'), 3) // the bytes of [{"row":2,"cells":["A"]}]
 */
export function canonicalRows(body: Uint8Array, keys: number): Uint8Array | null {
  const n = body.length
  if (n < PREFIX.length + 3 || body[n - 1] !== 0x7d) return null
  for (let i = 0; i < PREFIX.length; i++) if (body[i] !== PREFIX.charCodeAt(i)) return null
  let seen = 0
  let i = 0
  while (i < n) {
    const b = body[i] as number
    if (b === QUOTE) {
      // A string: find its end, checking each escape.
      i++
      for (;;) {
        const c = body[i] as number
        if (c === QUOTE) break
        if (c === BACKSLASH) {
          const e = body[i + 1] as number
          if (e < 128 && SHORT_ESCAPE[e] === 1) {
            i += 2
            continue
          }
          if (e !== 0x75 || body[i + 2] !== 0x30 || body[i + 3] !== 0x30) return null
          const hi = hexDigit(body[i + 4] as number)
          const lo = hexDigit(body[i + 5] as number)
          if (hi < 0 || hi > 1 || lo < 0 || HAS_SHORT.has(hi * 16 + lo)) return null
          i += 6
          continue
        }
        if (i >= n) return null
        i++
      }
      i++
      if (body[i] === COLON) seen++
      continue
    }
    if (b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d) return null
    if (b === 0x2d || (b >= 0x30 && b <= 0x39)) {
      let j = i + 1
      while (j < n && isNumberByte(body[j] as number)) j++
      if (!canonicalNumber(body, i, j)) return null
      i = j
      continue
    }
    i++
  }
  return seen === keys ? body.subarray(PREFIX.length, n - 1) : null
}
