// Open addressing over typed arrays: a million E.164 numbers cost 24 MB and no garbage, where a
// Map<number, number> boxes every key above 2^31 (E.164 numbers are) and was the single largest
// cost of validating a row. Keys are the number's digits as one integer (at most 15 digits, exact
// in a double); 0 marks an empty slot (no E.164 number is 0).

/**
 * Remembers the first row of each E.164 number in a file.
 * @example const ix = new NumberIndex(); ix.firstRow('+905321234567', 2) // -1 (new); again → 2
 */
export class NumberIndex {
  private keys: Float64Array
  private rows: Int32Array
  private mask: number
  private count = 0

  constructor(capacity = 1 << 16) {
    let size = 16
    while (size < capacity * 2) size *= 2
    this.keys = new Float64Array(size)
    this.rows = new Int32Array(size)
    this.mask = size - 1
  }

  /** Numbers remembered. */
  get size(): number {
    return this.count
  }

  /** The row that first had `e164`, or -1 after remembering `row` as its first. */
  firstRow(e164: string, row: number): number {
    let key = 0
    for (let i = 1; i < e164.length; i++) key = key * 10 + (e164.charCodeAt(i) - 48)
    let at = slotOf(key) & this.mask
    const keys = this.keys
    for (;;) {
      const k = keys[at] as number
      if (k === 0) break
      if (k === key) return this.rows[at] as number
      at = (at + 1) & this.mask
    }
    keys[at] = key
    this.rows[at] = row
    if (++this.count * 2 > this.mask) this.grow()
    return -1
  }

  /** Forgets every number. */
  clear(): void {
    this.keys.fill(0)
    this.count = 0
  }

  private grow(): void {
    const oldKeys = this.keys
    const oldRows = this.rows
    const size = oldKeys.length * 2
    this.keys = new Float64Array(size)
    this.rows = new Int32Array(size)
    this.mask = size - 1
    for (let i = 0; i < oldKeys.length; i++) {
      const k = oldKeys[i] as number
      if (k === 0) continue
      let at = slotOf(k) & this.mask
      while (this.keys[at] !== 0) at = (at + 1) & this.mask
      this.keys[at] = k
      this.rows[at] = oldRows[i] as number
    }
  }
}

// Mixes both 32-bit halves of the integer (murmur3's finaliser constants).
function slotOf(key: number): number {
  const lo = key >>> 0
  const hi = (key / 4294967296) >>> 0
  let h = Math.imul(lo ^ Math.imul(hi, 0x85ebca6b), 0xcc9e2d51)
  h ^= h >>> 15
  h = Math.imul(h, 0x1b873593)
  return (h ^ (h >>> 13)) >>> 0
}
