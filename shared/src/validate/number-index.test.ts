import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { NumberIndex } from './number-index.ts'

describe('NumberIndex', () => {
  it('gives -1 the first time and the first row after, like a Map, across growth', () => {
    fc.assert(
      fc.property(
        fc.array(fc.bigInt({ min: 1n, max: 999_999_999_999_999n }), { maxLength: 3000 }),
        fc.integer({ min: 1, max: 64 }),
        (nums, capacity) => {
          const ix = new NumberIndex(capacity)
          const ref = new Map<string, number>()
          nums.forEach((n, row) => {
            const e164 = `+${n}`
            expect(ix.firstRow(e164, row)).toBe(ref.get(e164) ?? -1)
            if (!ref.has(e164)) ref.set(e164, row)
          })
          expect(ix.size).toBe(ref.size)
        },
      ),
      { seed: 42, numRuns: 60 },
    )
  })

  it('keeps 15-digit numbers that differ only in the last digit apart', () => {
    const ix = new NumberIndex()
    expect(ix.firstRow('+999999999999998', 2)).toBe(-1)
    expect(ix.firstRow('+999999999999999', 3)).toBe(-1)
    expect(ix.firstRow('+999999999999998', 4)).toBe(2)
    ix.clear()
    expect(ix.firstRow('+999999999999998', 5)).toBe(-1)
  })
})
