import { strToU8 } from 'fflate'
import { describe, expect, it } from 'vitest'
import { readWorkbook } from './read-workbook.ts'
import {
  book,
  cellsOf,
  declareSize,
  encryptedOoxml,
  readOk,
  replacePart,
  turkishBiff5,
  whitespaceBomb,
  xlsx,
} from './test-fixtures.ts'

const SHEET = 'xl/worksheets/sheet1.xml'

describe('readWorkbook: XLS and ODS', () => {
  const rows = [
    ['phone', 'since', 'name'],
    [905551234567, new Date(Date.UTC(2024, 0, 31)), 'Ali'],
  ]

  for (const bookType of ['biff8', 'biff5', 'biff2', 'ods'] as const) {
    it(`reads ${bookType}: exact number, UTC date, text`, async () => {
      const r = await readOk(book([{ name: 'Leads', rows }], bookType))
      expect(r.kind).toBe(bookType === 'ods' ? 'ods' : 'xls')
      expect(cellsOf(r)).toEqual(rows)
    })
  }

  it('decodes a legacy Windows-1254 XLS (codepage tables loaded lazily)', async () => {
    const r = await readOk(turkishBiff5())
    expect(cellsOf(r)).toEqual([['name'], ['Şükrü Çağlayan']])
  })

  it('keeps hidden-sheet flags in XLS', async () => {
    const bytes = book(
      [
        { name: 'Secret', rows: [['a']], hidden: 1 },
        { name: 'Leads', rows: [['phone']] },
      ],
      'biff8',
    )
    expect((await readOk(bytes)).sheet).toBe('Leads')
  })
})

describe('readWorkbook: bad files', () => {
  const cases: [string, () => Uint8Array, string][] = [
    ['0 bytes', () => new Uint8Array(0), 'FILE_EMPTY'],
    ['a zip cut at 3,000 bytes', () => xlsx([['phone'], [1]]).slice(0, 3000), 'FILE_DAMAGED'],
    ['a bare PK\\x03\\x04', () => new Uint8Array([0x50, 0x4b, 0x03, 0x04]), 'FILE_DAMAGED'],
    ['an encrypted OOXML package', encryptedOoxml, 'FILE_ENCRYPTED'],
    ['a whitespace zip bomb', () => whitespaceBomb(8 * 1024 * 1024), 'FILE_TOO_LARGE'],
    ['CSV bytes', () => strToU8('name,phone\nAli,+905551234567\n'), 'FILE_FORMAT'],
  ]
  for (const [what, bytes, code] of cases) {
    it(`refuses ${what} with ${code}`, async () => {
      expect(await readWorkbook(bytes())).toMatchObject({ ok: false, error: { code } })
    })
  }

  it('refuses a sheet that declares 734 MB before anything inflates', async () => {
    const lie = declareSize(xlsx([['phone'], [1]]), SHEET, 734_003_512, true)
    const started = performance.now()
    const r = await readWorkbook(lie)
    expect(performance.now() - started).toBeLessThan(1000)
    expect(r).toMatchObject({ ok: false, error: { code: 'FILE_TOO_LARGE' } })
  })

  it('applies lowered zip limits passed as an option', async () => {
    const bytes = xlsx([['phone'], [1]])
    const zipLimits = { maxTotalBytes: 100, maxRatio: 100, ratioMinBytes: 1, maxEntries: 100 }
    const r = await readWorkbook(bytes, { zipLimits })
    expect(r).toMatchObject({ ok: false, error: { code: 'FILE_TOO_LARGE' } })
  })

  it('refuses a sheet SheetJS dropped while parsing (bad shared-string index)', async () => {
    const xml =
      '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>99</v></c></row></sheetData></worksheet>'
    const r = await readWorkbook(replacePart(xlsx([['phone'], [1]]), SHEET, strToU8(xml)))
    expect(r).toMatchObject({ ok: false, error: { code: 'FILE_DAMAGED' } })
  })

  it('refuses a workbook whose workbook part is missing', async () => {
    const r = await readWorkbook(replacePart(xlsx([['phone'], [1]]), 'xl/workbook.xml', null))
    expect(r).toMatchObject({ ok: false, error: { code: 'FILE_DAMAGED' } })
  })
})
