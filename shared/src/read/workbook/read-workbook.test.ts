import { strFromU8, strToU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import type { Cell } from '../types.ts'
import { cellToText } from './cells.ts'
import { listSheets, openWorkbook } from './open-workbook.ts'
import { readSheet, readWorkbook } from './read-workbook.ts'
import { HEADER_SCAN_ROWS, MAX_COLUMNS } from './scan-sheet.ts'
import {
  book,
  cellsOf,
  numbersOf,
  readOk,
  replacePart,
  rewritePart,
  xlsx,
} from './test-fixtures.ts'

const SHEET = 'xl/worksheets/sheet1.xml'

describe('readWorkbook: cells', () => {
  it('reads a numeric phone cell as the exact number, not 9.05551E+11', async () => {
    const r = await readOk(xlsx([['phone'], [905551234567]]))
    expect(cellsOf(r)).toEqual([['phone'], [905551234567]])
    expect(cellToText(r.rows[1]?.cells[0] ?? null)).toBe('905551234567')
  })

  it('uses a formula cached value, and reads a formula without one as null with a note', async () => {
    const bytes = rewritePart(
      xlsx([
        ['a', 'b', 'c'],
        [1, 2, 3],
      ]),
      (xml) =>
        xml
          .replace('<c r="B2"><v>2</v></c>', '<c r="B2"><f>1+1</f><v>2</v></c>')
          .replace('<c r="C2"><v>3</v></c>', '<c r="C2"><f>A2*3</f></c>'),
    )
    const r = await readOk(bytes)
    expect(cellsOf(r)).toEqual([
      ['a', 'b', 'c'],
      [1, 2],
    ])
    expect(r.formulasWithoutValue).toBe(1)
    expect(r.formulaRows).toEqual([2])
    expect(r.notes.join(' ')).toContain('1 formula cells (first in row 2) have no saved value')
  })

  it('reads error cells as their text', async () => {
    const bytes = rewritePart(xlsx([['phone'], [1]]), (xml) =>
      xml.replace('<c r="A2"><v>1</v></c>', '<c r="A2" t="e"><v>#N/A</v></c>'),
    )
    expect(cellsOf(await readOk(bytes))).toEqual([['phone'], ['#N/A']])
  })

  it('reads dates as UTC Date objects', async () => {
    const when = new Date(Date.UTC(2024, 0, 31))
    const r = await readOk(xlsx([['last contacted'], [when]]))
    const cell = r.rows[1]?.cells[0]
    expect(cell).toBeInstanceOf(Date)
    expect((cell as Date).toISOString()).toBe('2024-01-31T00:00:00.000Z')
    expect(cellToText(cell ?? null)).toBe('2024-01-31')
  })

  it('keeps __proto__, constructor and toString headers as plain values', async () => {
    const headers = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'phone']
    const values = ['{"polluted":1}', 'x', 'y', 'z', '+905551234567']
    const r = await readOk(xlsx([headers, values]))
    expect(cellsOf(r)).toEqual([headers, values])
    expect(r.rows.every((row) => Array.isArray(row.cells))).toBe(true)
    expect(Object.getPrototypeOf({})).toBe(Object.prototype)
    expect(Object.hasOwn(Object.prototype, 'polluted')).toBe(false)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('keeps a 1 MB cell of ordinary text whole', async () => {
    // Text that compresses like real notes do (a run of one letter would trip the ratio gate).
    let seed = 7
    const word = () => {
      seed = (seed * 48_271) % 2_147_483_647
      return (seed % 1e6).toString(36)
    }
    let big = ''
    while (big.length < 1024 * 1024) big += `${word()} `
    big = big.slice(0, 1024 * 1024)
    const bytes = rewritePart(xlsx([['name'], ['x']]), (xml) =>
      xml.replace(
        '<c r="A2" t="str"><v>x</v></c>',
        `<c r="A2" t="inlineStr"><is><t>${big}</t></is></c>`,
      ),
    )
    expect((await readOk(bytes)).rows[1]?.cells[0]).toHaveLength(1024 * 1024)
  })
})

describe('readWorkbook: rows and ranges', () => {
  it('skips blank rows but keeps Excel row numbers under title rows', async () => {
    const r = await readOk(
      xlsx([['Leads export'], ['March 2024'], [], ['name', 'phone'], ['Ali', '+905551234567']]),
    )
    expect(numbersOf(r)).toEqual([1, 2, 4, 5])
    expect(r.rowCount).toBe(4)
    expect(r.lastRowNumber).toBe(5)
  })

  it('reads a header-only sheet as one row (the caller reports NO_DATA_ROWS)', async () => {
    const r = await readOk(xlsx([['name', 'phone']]))
    expect(r.rowCount).toBe(1)
    expect(cellsOf(r)).toEqual([['name', 'phone']])
  })

  it('flags hidden rows', async () => {
    const bytes = book([{ name: 'Leads', rows: [['phone'], ['1'], ['2'], ['3']], hiddenRows: [2] }])
    const seen: [number, boolean][] = []
    const r = await readOk(bytes, {
      onRow: (_c: Cell[], n: number, hidden: boolean) => seen.push([n, hidden]),
    })
    expect(seen).toEqual([
      [1, false],
      [2, false],
      [3, true],
      [4, false],
    ])
    expect(r.rows).toEqual([])
    expect(r.hiddenRowCount).toBe(1)
  })

  it('reports the merged header and counts merges further down', async () => {
    const rows = [
      ['Contact', null, 'Phones', null],
      ['name', 'surname', 'mobile', 'work'],
      ['Ali', 'Veli', '1', '2'],
    ]
    const far = Array.from({ length: HEADER_SCAN_ROWS + 5 }, (_, i) => [`r${i}`])
    const bytes = book([
      { name: 'Leads', rows: [...rows, ...far], merges: ['A1:B1', 'C1:D1', 'A40:B41'] },
    ])
    const r = await readOk(bytes)
    expect(r.merges).toEqual([
      { firstRow: 1, lastRow: 1, firstColumn: 0, lastColumn: 1 },
      { firstRow: 1, lastRow: 1, firstColumn: 2, lastColumn: 3 },
    ])
    expect(r.otherMerges).toBe(1)
  })

  it('ignores a declared A1:XFD1048576 dimension: fast, real size', async () => {
    const bytes = rewritePart(xlsx([['phone'], ['+905551234567']]), (xml) =>
      xml.replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>'),
    )
    expect(strFromU8(unzipSync(bytes)[SHEET] as Uint8Array)).toContain('A1:XFD1048576')
    const started = performance.now()
    const r = await readOk(bytes)
    expect(performance.now() - started).toBeLessThan(2000)
    expect([r.rowCount, r.lastRowNumber, r.columnCount]).toEqual([2, 2, 1])
    expect(r.sheets[0]?.rows).toBe(2)
  })

  it('reads cells a too-small dimension leaves out', async () => {
    const bytes = rewritePart(
      xlsx([
        ['a', 'b'],
        [1, 2],
        [3, 4],
      ]),
      (xml) => xml.replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:A1"/>'),
    )
    expect(cellsOf(await readOk(bytes))).toEqual([
      ['a', 'b'],
      [1, 2],
      [3, 4],
    ])
  })

  it('ignores a LibreOffice-style empty row 1048576', async () => {
    const row = '<row r="1048576" customFormat="false" ht="12.8" hidden="false"></row>'
    const bytes = rewritePart(xlsx([['phone'], ['+905551234567']]), (xml) =>
      xml
        .replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:W1048576"/>')
        .replace('</sheetData>', `${row}</sheetData>`),
    )
    const started = performance.now()
    const r = await readOk(bytes)
    expect(performance.now() - started).toBeLessThan(2000)
    expect([r.rowCount, r.lastRowNumber, r.columnCount]).toEqual([2, 2, 1])
  })

  it('caps 16,384 columns at MAX_COLUMNS and says so', async () => {
    const header = Array.from({ length: 16_384 }, (_, i) => `h${i}`)
    const data = header.map((_, i) => i)
    const r = await readOk(xlsx([header, data]))
    expect(r.columnCount).toBe(16_384)
    expect(r.columnsKept).toBe(MAX_COLUMNS)
    expect(r.rows.map((row) => row.cells.length)).toEqual([MAX_COLUMNS, MAX_COLUMNS])
    expect(r.rows[1]?.cells[MAX_COLUMNS - 1]).toBe(MAX_COLUMNS - 1)
    expect(r.notes.join(' ')).toContain(
      'The sheet has 16,384 columns; only the first 1,000 were read.',
    )
  })

  it('stays fast when every row has an empty styled cell out at column XFD', async () => {
    // Such rows are sparse arrays of 16,384 slots; indexing each slot took ~20 s for 20k rows.
    const rows: string[] = []
    for (let r = 1; r <= 20_000; r++) {
      rows.push(`<row r="${r}"><c r="A${r}" t="str"><v>x${r}</v></c><c r="XFD${r}" s="0"/></row>`)
    }
    const xml = `<worksheet><sheetData>${rows.join('')}</sheetData></worksheet>`
    const bytes = replacePart(xlsx([['a']]), SHEET, strToU8(xml))
    const started = performance.now()
    const r = await readOk(bytes, { onRow: () => {} })
    expect(performance.now() - started).toBeLessThan(4000)
    expect([r.rowCount, r.columnCount, r.notes]).toEqual([20_000, 1, []])
  })

  it('stops at maxRows and says whether data went further', async () => {
    const rows = [['phone'], ...Array.from({ length: 20 }, (_, i) => [`+9055512345${10 + i}`])]
    const capped = await readOk(xlsx(rows), { maxRows: 5 })
    expect(numbersOf(capped)).toEqual([1, 2, 3, 4, 5])
    expect(capped.truncated).toBe(true)
    expect(capped.notes).toContain('Only rows up to row 5 were read.')
    const whole = await readOk(xlsx(rows), { maxRows: 21 })
    expect([whole.rowCount, whole.truncated]).toEqual([21, false])
    const lie = rewritePart(xlsx(rows.slice(0, 3)), (xml) =>
      xml.replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>'),
    )
    expect((await readOk(lie, { maxRows: 100 })).truncated).toBe(false)
  })
})

describe('readWorkbook: sheets', () => {
  const sheets = book([
    { name: 'Secret', rows: [['phone'], ['+15550000000']], hidden: 1 },
    { name: 'Macro', rows: [['x']], hidden: 2 },
    { name: 'Empty', rows: [] },
    { name: 'Leads', rows: [['phone'], ['+905551234567']] },
  ])

  it('skips hidden and very hidden sheets and picks the first visible one with data', async () => {
    const r = await readOk(sheets)
    expect(r.sheet).toBe('Leads')
    expect(r.sheets).toEqual([
      { name: 'Secret', hidden: true, veryHidden: false, rows: 2 },
      { name: 'Macro', hidden: true, veryHidden: true, rows: 1 },
      { name: 'Empty', hidden: false, veryHidden: false, rows: 0 },
      { name: 'Leads', hidden: false, veryHidden: false, rows: 2 },
    ])
    expect(r.notes).toContain('Hidden sheets were not read: "Secret", "Macro".')
    const listed = await listSheets(sheets)
    expect(listed.ok && listed.data.sheet).toBe('Leads')
  })

  it('reads a hidden sheet when asked for it by name, and refuses an unknown name', async () => {
    const r = await readOk(sheets, { sheet: 'Secret' })
    expect(cellsOf(r)).toEqual([['phone'], ['+15550000000']])
    expect(r.notes).toEqual([])
    const missing = await readWorkbook(sheets, { sheet: 'Nope' })
    expect(missing).toMatchObject({ ok: false, error: { code: 'FILE_FORMAT' } })
    if (!missing.ok) expect(missing.error.message).toContain('"Secret", "Macro", "Empty", "Leads"')
  })

  it('refuses a sheet that SheetJS could not hold (part missing from the zip)', async () => {
    const bytes = replacePart(sheets, 'xl/worksheets/sheet4.xml', null)
    const r = await readWorkbook(bytes)
    expect(r).toMatchObject({ ok: false, error: { code: 'FILE_DAMAGED' } })
    if (!r.ok) expect(r.error.message).toContain('Sheet "Leads" could not be read')
  })

  it('parses once and reads any parsed sheet again', async () => {
    const opened = await openWorkbook(sheets)
    if (!opened.ok) throw new Error(opened.error.message)
    const leads = readSheet(opened.data)
    const secret = readSheet(opened.data, { sheet: 'Secret' })
    expect(leads.ok && leads.data.sheet).toBe('Leads')
    expect(secret.ok && cellsOf(secret.data)).toEqual([['phone'], ['+15550000000']])
    const one = await openWorkbook(sheets, { sheet: 'Leads' })
    if (!one.ok) throw new Error(one.error.message)
    expect(one.data.sheets.map((s) => s.rows)).toEqual([undefined, undefined, undefined, 2])
    const unparsed = readSheet(one.data, { sheet: 'Secret' })
    expect(unparsed).toMatchObject({ ok: false, error: { code: 'FILE_FORMAT' } })
  })

  it('reads a sheet named __proto__ without touching any prototype', async () => {
    const bytes = book([{ name: '__proto__', rows: [['phone'], ['+905551234567']] }])
    const r = await readOk(bytes)
    expect([r.sheet, r.rowCount]).toEqual(['__proto__', 2])
    expect(Object.hasOwn(Object.prototype, '!data')).toBe(false)
  })
})
