import { strToU8, unzipSync, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { declareSize, whitespaceBomb, xlsx } from './test-fixtures.ts'
import {
  checkZip,
  DEFAULT_ZIP_LIMITS,
  formatBytes,
  listZip,
  ZIP_MAX_ENTRIES,
  ZIP_MAX_RATIO,
  ZIP_MAX_TOTAL_BYTES,
  ZIP_PEEK_MAX_BYTES,
} from './zip-gate.ts'

const SHEET = 'xl/worksheets/sheet1.xml'
const small = () => xlsx([['phone'], ['+905551234567']])

describe('listZip', () => {
  it('lists declared sizes and peeks only at the small parts asked for', () => {
    const r = listZip(small(), ['[Content_Types].xml', SHEET])
    if (!r.ok) throw new Error(r.error.message)
    const sheet = r.data.entries.find((e) => e.name === SHEET)
    expect(sheet?.compression).toBe(8)
    expect(sheet?.originalSize).toBeGreaterThan(100)
    expect([...r.data.peeked.keys()].sort()).toEqual(['[Content_Types].xml', SHEET].sort())
  })

  it('does not inflate a part that declares more than the peek limit', () => {
    const big = zipSync({ big: new Uint8Array(ZIP_PEEK_MAX_BYTES + 1) })
    const r = listZip(big, ['big'])
    expect(r.ok && r.data.peeked.size).toBe(0)
  })

  it('says a truncated zip, a bare header or a wild directory offset is damaged', () => {
    const bytes = small()
    const eocd = bytes.length - 22
    const wild = bytes.slice()
    new DataView(wild.buffer).setUint32(eocd + 16, bytes.length * 2, true)
    for (const b of [bytes.slice(0, 3000), new Uint8Array([0x50, 0x4b, 3, 4]), wild]) {
      expect(listZip(b)).toMatchObject({ ok: false, error: { code: 'FILE_DAMAGED' } })
    }
  })
})

describe('checkZip', () => {
  it('lets an ordinary workbook through with the default limits', () => {
    expect(DEFAULT_ZIP_LIMITS).toEqual({
      maxTotalBytes: ZIP_MAX_TOTAL_BYTES,
      maxRatio: ZIP_MAX_RATIO,
      ratioMinBytes: 1024 * 1024,
      maxEntries: ZIP_MAX_ENTRIES,
    })
    expect(checkZip(small()).ok).toBe(true)
  })

  it('refuses a real whitespace bomb by its ratio, before inflating it', () => {
    const bomb = whitespaceBomb(12 * 1024 * 1024)
    expect(bomb.length).toBeLessThan(100_000)
    const started = performance.now()
    const r = checkZip(bomb)
    expect(performance.now() - started).toBeLessThan(200)
    expect(r).toMatchObject({ ok: false, error: { code: 'FILE_TOO_LARGE' } })
    if (!r.ok) expect(r.error.message).toMatch(/sheet1\.xml.*expand .* times .* to 12 MB/)
  })

  it('refuses a declared 734 MB sheet whose data would not even inflate', () => {
    const lie = declareSize(small(), SHEET, 734_003_512, true)
    expect(() => unzipSync(lie)).toThrow()
    const r = checkZip(lie)
    expect(r).toMatchObject({ ok: false, error: { code: 'FILE_TOO_LARGE' } })
    if (!r.ok) expect(r.error.message).toContain('700 MB')
  })

  it('refuses a total over the limit even when every ratio is fine', () => {
    const limits = { ...DEFAULT_ZIP_LIMITS, maxTotalBytes: 1000 }
    const r = checkZip(small(), limits)
    expect(r).toMatchObject({ ok: false, error: { code: 'FILE_TOO_LARGE' } })
    if (!r.ok) expect(r.error.message).toMatch(/expand to \d+ KB when opened \(limit 1000 bytes\)/)
  })

  it('refuses too many entries', () => {
    const files: Record<string, Uint8Array> = {}
    for (let i = 0; i < 30; i++) files[`part${i}.xml`] = strToU8('<x/>')
    const r = checkZip(zipSync(files), { ...DEFAULT_ZIP_LIMITS, maxEntries: 20 })
    expect(r).toMatchObject({ ok: false, error: { code: 'FILE_TOO_LARGE' } })
    if (!r.ok) expect(r.error.message).toContain('30 parts (limit 20)')
  })

  it('refuses zip encryption and unknown compression methods', () => {
    const withMethod = (method: number) => {
      const out = small()
      const view = new DataView(out.buffer)
      for (let i = 0; i + 4 < out.length; i++) {
        if (view.getUint32(i, true) === 0x02014b50) view.setUint16(i + 10, method, true)
      }
      return out
    }
    expect(checkZip(withMethod(99))).toMatchObject({ ok: false, error: { code: 'FILE_ENCRYPTED' } })
    expect(checkZip(withMethod(12))).toMatchObject({ ok: false, error: { code: 'FILE_FORMAT' } })
  })
})

describe('formatBytes', () => {
  it('rounds to MB, KB or bytes', () => {
    expect(formatBytes(734_003_512)).toBe('700 MB')
    expect(formatBytes(300 * 1024)).toBe('300 KB')
    expect(formatBytes(12)).toBe('12 bytes')
  })
})
