// A million E.164 strings kept for the whole review are a million old-generation objects the
// garbage collector walks again and again; their digits as one double (at most 15 digits, exact)
// cost 8 bytes each in one typed array. 0 means "no number" (no E.164 number is 0).

/**
 * The digits of an E.164 number as one integer (`+905321234567` → 905321234567).
 * @example phoneKey('+905321234567') // 905321234567
 */
export function phoneKey(e164: string): number {
  let key = 0
  for (let i = 1; i < e164.length; i++) key = key * 10 + (e164.charCodeAt(i) - 48)
  return key
}

/**
 * The E.164 number of a key, or null for 0.
 * @example phoneOfKey(905321234567) // '+905321234567'
 */
export function phoneOfKey(key: number): string | null {
  return key === 0 ? null : `+${key}`
}

/**
 * Index of the first row holding each number, over typed arrays (open addressing, linear
 * probing). Built when the first edit needs it, not during the check.
 * @example const f = new FirstIndex(1024); f.set(905321234567, 3); f.get(905321234567) // 3
 */
export class FirstIndex {
  private keys: Float64Array
  private rows: Int32Array
  private mask: number
  private count = 0

  constructor(capacity: number) {
    let size = 16
    while (size < capacity * 2) size *= 2
    this.keys = new Float64Array(size)
    this.rows = new Int32Array(size)
    this.mask = size - 1
  }

  private slot(key: number): number {
    const lo = key >>> 0
    const hi = (key / 4294967296) >>> 0
    let h = Math.imul(lo ^ Math.imul(hi, 0x85ebca6b), 0xcc9e2d51)
    h ^= h >>> 15
    let at = (h >>> 0) & this.mask
    for (;;) {
      const k = this.keys[at] as number
      if (k === 0 || k === key) return at
      at = (at + 1) & this.mask
    }
  }

  /** The row index stored for `key`, or -1. */
  get(key: number): number {
    const at = this.slot(key)
    return this.keys[at] === 0 ? -1 : (this.rows[at] as number)
  }

  /** Stores `row` for `key`. */
  set(key: number, row: number): void {
    const at = this.slot(key)
    if (this.keys[at] === 0) {
      this.keys[at] = key
      if (++this.count * 2 > this.mask) {
        this.grow(key, row)
        return
      }
    }
    this.rows[at] = row
  }

  private grow(key: number, row: number): void {
    const { keys, rows } = this
    this.keys = new Float64Array(keys.length * 2)
    this.rows = new Int32Array(keys.length * 2)
    this.mask = keys.length * 2 - 1
    this.count = 0
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i] as number
      if (k !== 0 && k !== key) this.set(k, rows[i] as number)
    }
    this.set(key, row)
  }
}
