// The digits of the input last scanned, kept where the scanner found them: a run of the input
// itself (or of a string the slow paths built), or else ASCII codes in a reused buffer. The parser
// reads single digits from there and builds only the strings it needs (the national number
// after a calling code, say) in one allocation each, never the whole digit string first.

/** ASCII codes of the digits the fast loop collected (its inputs are at most 250 long). */
export const codes = new Uint8Array(256)

/**
 * The last scan's `count` digits: the first 256 always in `codes`; all of them also `src` from
 * `first` on unless `inCodes` (punctuation or other scripts in between: only in `codes`).
 */
export const held = { count: 0, inCodes: false, src: '', first: 0 }

/** The digits are `src` from `first` on (`count` of them, all ASCII digits), also in `codes`. */
export function holdRun(src: string, first: number, count: number): void {
  held.count = count
  held.inCodes = false
  held.src = src
  held.first = first
}

/** The digits are the first `count` of `codes`. */
export function holdCodes(count: number): void {
  held.count = count
  held.inCodes = true
  held.src = ''
  held.first = 0
}

/** The digits are the string `digits` (slow paths): a run, copied to `codes` as far as it fits. */
export function holdString(digits: string): void {
  const n = Math.min(digits.length, codes.length)
  for (let i = 0; i < n; i++) codes[i] = digits.charCodeAt(i)
  holdRun(digits, 0, digits.length)
}

/** ASCII code of digit `k` (k < held.count): `codes` holds the first 256 in every case. */
export function digitAt(k: number): number {
  return k < 256 ? (codes[k] as number) : held.src.charCodeAt(held.first + k)
}

/** The digits from index `from` to the end, as a string. */
export function digitsFrom(from: number): string {
  if (!held.inCodes) return held.src.slice(held.first + from, held.first + held.count)
  return codesToString(from, held.count)
}

/** Whether the digits start with `prefix`. */
export function digitsStartWith(prefix: string): boolean {
  if (prefix.length > held.count) return false
  for (let i = 0; i < prefix.length; i++) {
    if (digitAt(i) !== prefix.charCodeAt(i)) return false
  }
  return true
}

/** Length of the first of `literals` the digits start with, or -1 (see matchLiteralPrefix()). */
export function heldLiteralPrefix(literals: readonly string[]): number {
  for (let i = 0; i < literals.length; i++) {
    const lit = literals[i] as string
    if (digitsStartWith(lit)) return lit.length
  }
  return -1
}

// Per length, an array that String.fromCharCode.apply() turns into a string in one allocation.
const byLength: number[][] = []
for (let k = 0; k <= 256; k++) byLength.push(new Array<number>(k).fill(48))

// codes[from, to) as a string; the common lengths without an argument array.
function codesToString(from: number, to: number): string {
  const c = codes
  const o = from
  switch (to - from) {
    case 10:
      return String.fromCharCode(
        c[o] as number,
        c[o + 1] as number,
        c[o + 2] as number,
        c[o + 3] as number,
        c[o + 4] as number,
        c[o + 5] as number,
        c[o + 6] as number,
        c[o + 7] as number,
        c[o + 8] as number,
        c[o + 9] as number,
      )
    case 11:
      return String.fromCharCode(
        c[o] as number,
        c[o + 1] as number,
        c[o + 2] as number,
        c[o + 3] as number,
        c[o + 4] as number,
        c[o + 5] as number,
        c[o + 6] as number,
        c[o + 7] as number,
        c[o + 8] as number,
        c[o + 9] as number,
        c[o + 10] as number,
      )
    default: {
      const a = byLength[to - from] as number[]
      for (let i = from; i < to; i++) a[i - from] = c[i] as number
      return String.fromCharCode.apply(null, a)
    }
  }
}
