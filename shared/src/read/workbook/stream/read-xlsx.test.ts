import { readFileSync } from 'node:fs'
import { strFromU8, strToU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { checkLeadFile } from '../../../import/check-lead-file.ts'
import { buildTargets } from '../../../mapping/fields.ts'
import type { Cell } from '../../types.ts'
import { readWorkbook } from '../read-workbook.ts'
import { book, declareSize, replacePart, whitespaceBomb, xlsx } from '../test-fixtures.ts'
import { DEFAULT_ZIP_LIMITS } from '../zip-gate.ts'
import { InflateBudget } from './inflate.ts'
import { readXlsx } from './read-xlsx.ts'
import { SheetScanner } from './sheet-scanner.ts'

const SHEET = 'xl/worksheets/sheet1.xml'
const FIXTURES = new URL('../../../../test-fixtures/xlsx/', import.meta.url)
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(name, FIXTURES)))
const bigBook = (n: number) =>
  xlsx([['phone', 'name'], ...Array.from({ length: n }, (_, i) => [`+9055${1e7 + i}`, `n${i}`])])

describe('readXlsx: files left to SheetJS', () => {
  // The streaming reader refuses, and readWorkbook hands to SheetJS: XLSB (binary parts),
  // ZIP64 archives, encrypted zip entries, and packages missing the workbook part, its
  // relationships or a sheet part (SheetJS then reports the damage as it always has).
  it('an XLSB workbook: refused, then read by SheetJS', async () => {
    const wb = XLSX_BOOK('xlsb')
    expect(await readXlsx(wb)).toEqual({ refused: 'binary workbook xl/workbook.bin' })
    const r = await readWorkbook(wb)
    expect(r.ok && r.data.rows.map((row) => row.cells)).toEqual([['phone'], ['+905551234567']])
  })

  it('a package without its workbook part or a sheet part: refused, SheetJS says damaged', async () => {
    const noBook = replacePart(xlsx([['phone'], [1]]), 'xl/workbook.xml', null)
    expect(await readXlsx(noBook)).toEqual({ refused: 'no workbook part xl/workbook.xml' })
    expect(await readWorkbook(noBook)).toMatchObject({ ok: false, error: { code: 'FILE_DAMAGED' } })
    const noSheet = replacePart(xlsx([['phone'], [1]]), SHEET, null)
    expect(await readXlsx(noSheet)).toEqual({ refused: 'sheet "Leads" has no part' })
  })

  it('an encrypted zip entry (general-purpose flag bit 0): refused', async () => {
    const bytes = xlsx([['phone'], [1]])
    const view = new DataView(bytes.buffer)
    for (let i = 0; i + 4 < bytes.length; i++) {
      if (view.getUint32(i, true) === 0x02014b50) view.setUint16(i + 8, 1, true)
    }
    expect(await readXlsx(bytes)).toMatchObject({ refused: expect.stringContaining('encrypted') })
  })
})

// A SheetJS workbook of another book type (here XLSB).
function XLSX_BOOK(bookType: 'xlsb'): Uint8Array {
  return book([{ name: 'Leads', rows: [['phone'], ['+905551234567']] }], bookType)
}

describe('readXlsx: the inflate budget', () => {
  for (const native of [true, false]) {
    const how = native ? 'DecompressionStream' : 'fflate'
    it(`stops a sheet that inflates past its declared size (${how})`, async () => {
      // 8 MB of whitespace that claims to be 1 KB: the gate believes it, the budget does not.
      const liar = declareSize(whitespaceBomb(8 * 1024 * 1024), SHEET, 1024)
      const r = await readXlsx(liar, { native })
      expect(r).toMatchObject({ ok: false, error: { code: 'FILE_TOO_LARGE' } })
      if ('error' in r) expect(r.error.message).toContain('inflates past the 1 KB it declares')
    })

    it(`says FILE_DAMAGED for data that does not inflate (${how})`, async () => {
      const bytes = xlsx([['phone'], [1]])
      const size = unzipSync(bytes)[SHEET]?.length ?? 0
      const r = await readXlsx(declareSize(bytes, SHEET, size, true), { native })
      expect(r).toMatchObject({ ok: false, error: { code: 'FILE_DAMAGED' } })
    })
  }
})

describe('InflateBudget', () => {
  it('counts every part against the running total and the ratio, not only declared sizes', () => {
    const part = { name: 'p', method: 8, dataStart: 0, compressedSize: 1000, declaredSize: 1e9 }
    const total = new InflateBudget({ ...DEFAULT_ZIP_LIMITS, maxTotalBytes: 5000 })
    total.spend(part, 4000, 4000)
    expect(() => total.spend(part, 6000, 2000)).toThrow(/past 5 KB when opened/)
    const ratio = new InflateBudget({ ...DEFAULT_ZIP_LIMITS, ratioMinBytes: 10_000 })
    ratio.spend(part, 90_000, 90_000)
    expect(() => ratio.spend(part, 101_000, 11_000)).toThrow(/expands more than 100 times/)
  })
})

describe('readXlsx: streaming', () => {
  it('gives the same scan whatever the chunk boundaries (down to 1 character)', () => {
    const files = unzipSync(fixture('xlsxwriter-leads.xlsx'))
    const xml = strFromU8(files['xl/worksheets/sheet2.xml'] as Uint8Array).slice(0, 60_000)
    const strings = Array.from({ length: 5000 }, (_, i) => `s${i}`)
    const run = (size: number) => {
      const rows: [Cell[], number, boolean][] = []
      const s = new SheetScanner({
        strings,
        dateStyles: new Uint8Array([0, 1, 1]),
        numberFormats: [],
        date1904: false,
        maxRows: Number.POSITIVE_INFINITY,
        maxColumns: 1000,
        onRow: (...row) => rows.push(row),
      })
      for (let at = 0; at < xml.length; at += size) s.push(xml.slice(at, at + size))
      return { scan: s.finish(), rows }
    }
    const whole = run(xml.length)
    expect(whole.rows.length).toBeGreaterThan(100)
    for (const size of [1, 2, 3, 7, 61, 1024]) expect(run(size)).toEqual(whole)
  })

  it('refuses a cell that never ends instead of holding the rest of the sheet', async () => {
    // Text that compresses like real notes (a repeated letter would trip the ratio gate first).
    let seed = 7
    const words: string[] = []
    for (let i = 0; i < 900_000; i++) {
      seed = (seed * 48_271) % 2_147_483_647
      words.push((seed % 1e6).toString(36))
    }
    const endless = `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${words.join(' ')}`
    const bytes = replacePart(xlsx([['a']]), SHEET, strToU8(endless))
    const r = await readXlsx(bytes)
    expect(r).toMatchObject({ ok: false, error: { code: 'FILE_TOO_LARGE' } })
    if ('error' in r) expect(r.error.message).toContain('runs past 4 million characters')
  })

  it('reports progress, stops inflating at maxRows, and aborts', async () => {
    const bytes = bigBook(25_000)
    const seen: number[] = []
    await readXlsx(bytes, { onRow: () => {}, onProgress: (f) => seen.push(f) })
    expect(seen.length).toBeGreaterThan(2)
    expect(seen.at(-1)).toBe(1)
    expect([...seen].sort((a, b) => a - b)).toEqual(seen)
    const early: number[] = []
    const capped = await readXlsx(bytes, { maxRows: 10, onProgress: (f) => early.push(f) })
    expect('data' in capped && capped.data.truncated).toBe(true)
    expect(Math.max(...early)).toBeLessThan(0.5)
    const controller = new AbortController()
    controller.abort()
    await expect(readXlsx(bytes, { signal: controller.signal })).rejects.toThrow(/abort/i)
  })
})

describe('readLeadFile through the streaming reader', () => {
  const targets = buildTargets([{ key: 'customer_name', label: 'Name', required: false }])
  for (const file of ['libreoffice-leads.xlsx', 'xlsxwriter-leads.xlsx', 'openpyxl-leads.xlsx']) {
    it(`${file}: header under title rows, merged header, same result as SheetJS`, async () => {
      const bytes = fixture(file)
      const run = async (xlsxReader: 'stream' | 'sheetjs') => {
        const rows: unknown[] = []
        const res = await checkLeadFile(
          bytes,
          { targets, format: { kind: 'national', country: 'TR' }, xlsxReader },
          (r) => {
            rows.push([r.row, r.phone_e164, r.issues.map((i) => i.code)])
            return undefined
          },
        )
        if (!res.ok) throw new Error(res.error.message)
        return { file: res.data.file, mapping: res.data.mapping, summary: res.data.summary, rows }
      }
      const streamed = await run('stream')
      expect(streamed.file).toMatchObject({ kind: 'xlsx', sheet: 'Leads', headerRow: 4 })
      // The merged "Contact" above Name/Phone does not hide the real header row.
      expect(streamed.mapping.phone_number).toBe(1)
      expect(streamed.summary.rows).toBe(600)
      expect(JSON.parse(JSON.stringify(streamed).replaceAll('😀', '\uf600'))).toEqual(
        JSON.parse(JSON.stringify(await run('sheetjs'))),
      )
    })
  }

  it('streams rows to the validator while the sheet inflates, unless the header waits for merges', async () => {
    const progressAtFirstRow = async (bytes: Uint8Array) => {
      let progress = 0
      let atFirst = -1
      const res = await checkLeadFile(
        bytes,
        { targets, format: { kind: 'international' }, onProgress: (f) => (progress = f) },
        () => {
          if (atFirst < 0) atFirst = progress
          return undefined
        },
      )
      expect(res.ok).toBe(true)
      return atFirst
    }
    const rows = Array.from({ length: 25_000 }, (_, i) => [`+9055${1e7 + i}`, `n${i}`])
    expect(await progressAtFirstRow(xlsx([['phone', 'name'], ...rows]))).toBeLessThan(0.5)
    // A blank header cell could be filled by a merge stored after the rows: they wait.
    expect(await progressAtFirstRow(xlsx([['phone', null, 'name'], ...rows]))).toBe(1)
  })

  it('fills a merged header cell (the rows waited for the merges)', async () => {
    const bytes = book([
      {
        name: 'Leads',
        rows: [
          ['Phone', null, 'Name'],
          ['+905551234567', '+905551234568', 'Ali'],
        ],
        merges: ['A1:B1'],
      },
    ])
    const headers: Cell[][] = []
    const res = await checkLeadFile(
      bytes,
      { targets, format: { kind: 'international' }, onHeader: (h) => headers.push(h) },
      () => undefined,
    )
    expect(res.ok).toBe(true)
    expect(headers).toEqual([['Phone', 'Phone', 'Name']])
  })
})
