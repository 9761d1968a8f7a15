// Agreement: the streaming XLSX reader gives what the SheetJS path gives (cells, row numbers,
// sheets, counts, merges, notes) for every workbook of the test suite and for files written
// by other producers (openpyxl, XlsxWriter, LibreOffice; see shared/test-fixtures/xlsx).
// The documented improvements (astral entities) have their own tests in improvements.test.ts.
import { readdirSync, readFileSync } from 'node:fs'
import { strToU8 } from 'fflate'
import { describe, expect, it } from 'vitest'
import { readWorkbook } from '../read-workbook.ts'
import { HEADER_SCAN_ROWS } from '../scan-sheet.ts'
import {
  book,
  declareSize,
  replacePart,
  rewritePart,
  whitespaceBomb,
  xlsx,
} from '../test-fixtures.ts'
import type { ReadWorkbookOptions } from '../types.ts'
import { readXlsx } from './read-xlsx.ts'

const SHEET = 'xl/worksheets/sheet1.xml'
const FIXTURES = new URL('../../../../test-fixtures/xlsx/', import.meta.url)
const dim = (ref: string) => (xml: string) =>
  xml.replace(/<dimension ref="[^"]*"\/>/, `<dimension ref="${ref}"/>`)

const sheets = () =>
  book([
    { name: 'Secret', rows: [['phone'], ['+15550000000']], hidden: 1 },
    { name: 'Macro', rows: [['x']], hidden: 2 },
    { name: 'Empty', rows: [] },
    { name: 'Leads', rows: [['phone'], ['+905551234567']] },
  ])

/** Every workbook the suite builds, and a few more shapes SheetJS and Excel write. */
const SUITE: [string, () => Uint8Array, ReadWorkbookOptions?][] = [
  ['numeric phone', () => xlsx([['phone'], [905551234567]])],
  [
    'formulas with and without a cached value',
    () =>
      rewritePart(
        xlsx([
          ['a', 'b', 'c'],
          [1, 2, 3],
        ]),
        (x) =>
          x
            .replace('<c r="B2"><v>2</v></c>', '<c r="B2"><f>1+1</f><v>2</v></c>')
            .replace('<c r="C2"><v>3</v></c>', '<c r="C2"><f>A2*3</f></c>'),
      ),
  ],
  [
    'error cells',
    () =>
      rewritePart(
        xlsx([
          ['phone', 'x'],
          [1, 2],
        ]),
        (x) =>
          x
            .replace('<c r="A2"><v>1</v></c>', '<c r="A2" t="e"><v>#N/A</v></c>')
            .replace('<c r="B2"><v>2</v></c>', '<c r="B2" t="e"><v>#DIV/0!</v></c>'),
      ),
  ],
  ['dates', () => xlsx([['last contacted'], [new Date(Date.UTC(2024, 0, 31, 14, 30))]])],
  [
    '__proto__ headers',
    () =>
      xlsx([
        ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'phone'],
        ['{"polluted":1}', 'x', 'y', 'z', '+905551234567'],
      ]),
  ],
  [
    'title rows and blank rows',
    () => xlsx([['Leads export'], ['March 2024'], [], ['name', 'phone'], ['Ali', '+905551234567']]),
  ],
  ['header only', () => xlsx([['name', 'phone']])],
  [
    'hidden rows',
    () => book([{ name: 'Leads', rows: [['phone'], ['1'], ['2'], ['3']], hiddenRows: [2] }]),
  ],
  [
    'merged header and merges further down',
    () =>
      book([
        {
          name: 'Leads',
          rows: [
            ['Contact', null, 'Phones', null],
            ['name', 'surname', 'mobile', 'work'],
            ['Ali', 'Veli', '1', '2'],
            ...Array.from({ length: HEADER_SCAN_ROWS + 5 }, (_, i) => [`r${i}`]),
          ],
          merges: ['A1:B1', 'C1:D1', 'A40:B41'],
        },
      ]),
  ],
  ['dimension A1:XFD1048576', () => rewritePart(xlsx([['phone'], ['1']]), dim('A1:XFD1048576'))],
  [
    'dimension too small',
    () =>
      rewritePart(
        xlsx([
          ['a', 'b'],
          [1, 2],
          [3, 4],
        ]),
        dim('A1:A1'),
      ),
  ],
  [
    'LibreOffice-style empty row 1048576',
    () =>
      rewritePart(xlsx([['phone'], ['+905551234567']]), (x) =>
        dim('A1:W1048576')(x).replace(
          '</sheetData>',
          '<row r="1048576" customFormat="false" ht="12.8" hidden="false"></row></sheetData>',
        ),
      ),
  ],
  [
    '16,384 columns',
    () =>
      xlsx([
        Array.from({ length: 16_384 }, (_, i) => `h${i}`),
        Array.from({ length: 16_384 }, (_, i) => i),
      ]),
  ],
  [
    'empty styled cells at XFD',
    () => {
      const rows: string[] = []
      for (let r = 1; r <= 200; r++) {
        rows.push(`<row r="${r}"><c r="A${r}" t="str"><v>x${r}</v></c><c r="XFD${r}" s="0"/></row>`)
      }
      const xml = `<worksheet><sheetData>${rows.join('')}</sheetData></worksheet>`
      return replacePart(xlsx([['a']]), SHEET, strToU8(xml))
    },
  ],
  [
    'maxRows 5 of 21',
    () => xlsx([['phone'], ...Array.from({ length: 20 }, (_, i) => [`+9055512345${10 + i}`])]),
    { maxRows: 5 },
  ],
  ['hidden, very hidden and empty sheets', sheets],
  ['a hidden sheet by name', sheets, { sheet: 'Secret' }],
  ['a sheet named __proto__', () => book([{ name: '__proto__', rows: [['phone'], ['1']] }])],
  [
    'two sheets',
    () =>
      book([
        { name: 'A', rows: [['phone'], ['+12133734253']] },
        { name: 'B', rows: [['phone'], ['+12133734254']] },
      ]),
  ],
  [
    'booleans, whitespace, BMP entities, _x000D_ escapes, inline and rich text',
    () =>
      rewritePart(xlsx([['a', 'b', 'c', 'd', 'e', 'f']]), (x) =>
        x.replace(
          '</sheetData>',
          '<row r="2"><c r="A2" t="b"><v>1</v></c><c r="B2" t="b"><v>0</v></c>' +
            '<c r="C2" t="inlineStr"><is><t xml:space="preserve">  </t></is></c>' +
            '<c r="D2" t="inlineStr"><is><t>Ali &amp; Veli &lt;&#351;&#x15F;&gt; &quot;q&quot;</t></is></c>' +
            '<c r="E2" t="inlineStr"><is><r><t>Ay</t></r><r><rPr><b/></rPr><t>şe</t></r><rPh sb="0" eb="1"><t>x</t></rPh></is></c>' +
            '<c r="F2" t="str"><f>A1</f><v>one_x000D_\r\ntwo</v></c></row></sheetData>',
        ),
      ),
  ],
  [
    'number formats: percent, currency, thousands, zero padding, decimals, phone formats',
    () =>
      xlsx([
        ['phone', 'pct', 'price', 'count', 'zip', 'score', 'us phone', 'plain'],
        [
          { t: 'n', v: 5321234567, z: '0##########' },
          { t: 'n', v: 0.15, z: '0%' },
          { t: 'n', v: 1234.5, z: '"$"#,##0.00' },
          { t: 'n', v: 1234567, z: '#,##0' },
          { t: 'n', v: 2134, z: '00000' },
          { t: 'n', v: 4.56789, z: '0.00' },
          { t: 'n', v: 2133734253, z: '[<=9999999]###-####;(###) ###-####' },
          { t: 'n', v: 905551234567, z: '0' },
        ],
        [
          { t: 'n', v: -1234.5, z: '#,##0.00;(#,##0.00)' },
          { t: 'n', v: 0.125, z: '0.00%' },
          { t: 'n', v: 99, z: '#,##0.00 "TL"' },
          { t: 'n', v: 3.7, z: '0' },
          { t: 'n', v: 5, z: '[$-409]#,##0' },
          { t: 'n', v: 12, z: '@' },
          { t: 'n', v: 7, z: ';;;' },
          { t: 'n', v: 1.5, z: 'General' },
        ],
      ]),
  ],
  [
    'built-in number format ids without a declared code',
    () =>
      rewritePart(
        rewritePart(
          xlsx([
            ['a', 'b', 'c', 'd', 'e'],
            [0.15, 1234567, 4.56789, -1234.5, 2],
          ]),
          (x) =>
            x
              .replace('<c r="A2"><v>', '<c r="A2" s="1"><v>')
              .replace('<c r="B2"><v>', '<c r="B2" s="2"><v>')
              .replace('<c r="C2"><v>', '<c r="C2" s="3"><v>')
              .replace('<c r="D2"><v>', '<c r="D2" s="4"><v>')
              .replace('<c r="E2"><v>', '<c r="E2" s="5"><v>'),
        ),
        (x) =>
          x.replace(
            /<cellXfs count="\d+">([\s\S]*?)<\/cellXfs>/,
            (_, first: string) =>
              `<cellXfs count="6">${first}` +
              // 9 `0%`, 3 `#,##0`, 2 `0.00`, 39 `#,##0.00;(#,##0.00)`, 49 `@`. (Not 5–8: SheetJS
              // drops a sheet using one that the workbook does not declare.)
              [9, 3, 2, 39, 49]
                .map((id) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0"/>`)
                .join('') +
              '</cellXfs>',
          ),
        'xl/styles.xml',
      ),
  ],
  [
    'a 1904 workbook with date and time formats',
    () =>
      rewritePart(
        xlsx([
          ['when', 'at'],
          [new Date(Date.UTC(2024, 0, 31)), 1],
        ]),
        (x) => x.replace(/<workbookPr[^>]*?\/?>/, '<workbookPr date1904="1"/>'),
        'xl/workbook.xml',
      ),
  ],
]

async function both(bytes: Uint8Array, opts: ReadWorkbookOptions = {}, native = true) {
  const sheetjs = await readWorkbook(bytes, { ...opts, xlsxReader: 'sheetjs' })
  const streamed = await readXlsx(bytes, { ...opts, native })
  if ('refused' in streamed) throw new Error(`refused: ${streamed.refused}`)
  return { sheetjs, streamed }
}

describe('streaming reader agrees with the SheetJS path', () => {
  for (const [what, make, opts] of SUITE) {
    it(what, async () => {
      const bytes = make()
      const { sheetjs, streamed } = await both(bytes, opts)
      expect(sheetjs.ok).toBe(true)
      expect(streamed).toEqual(sheetjs)
      const { streamed: fflate } = await both(bytes, opts, false)
      expect(fflate).toEqual(sheetjs)
    })
  }

  const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.xlsx'))
  it('has the producer fixtures (openpyxl, XlsxWriter x2, LibreOffice)', () => {
    expect(files.sort()).toEqual([
      'libreoffice-leads.xlsx',
      'openpyxl-leads.xlsx',
      'xlsxwriter-constant-memory.xlsx',
      'xlsxwriter-leads.xlsx',
    ])
  })

  for (const file of files) {
    for (const sheet of [undefined, 'Secret', 'Empty', 'Formats']) {
      it(`${file}${sheet ? `, sheet ${sheet}` : ''}`, async () => {
        const bytes = new Uint8Array(readFileSync(new URL(file, FIXTURES)))
        const { sheetjs, streamed } = await both(bytes, sheet ? { sheet } : {})
        if (!sheetjs.ok || !streamed.ok) throw new Error('both readers must read the file')
        const rowCount = { Empty: 0, Secret: 2, Formats: 4 }[sheet ?? ''] ?? 603
        expect(streamed.data.rowCount).toBe(rowCount)
        // openpyxl writes every non-ASCII character as an entity (&#351;), the emoji too, and
        // SheetJS cuts &#128512; to U+F600: the one documented difference (improvements.test.ts).
        const byEntity = file.startsWith('openpyxl') && sheet === undefined
        expect(JSON.stringify(sheetjs.data).includes('\uf600')).toBe(byEntity)
        const text = JSON.stringify(streamed.data)
        const cut = byEntity ? text.replaceAll('😀', '\uf600') : text
        expect(JSON.parse(cut)).toEqual(JSON.parse(JSON.stringify(sheetjs.data)))
      })
    }
  }
})

describe('streaming reader refuses the same bad files with the same codes', () => {
  const cases: [string, () => Uint8Array, ReadWorkbookOptions?][] = [
    ['a whitespace bomb', () => whitespaceBomb(8 * 1024 * 1024)],
    [
      'a declared 734 MB sheet',
      () => declareSize(xlsx([['phone'], [1]]), SHEET, 734_003_512, true),
    ],
    [
      'lowered zip limits',
      () => xlsx([['phone'], [1]]),
      { zipLimits: { maxTotalBytes: 100, maxRatio: 100, ratioMinBytes: 1, maxEntries: 100 } },
    ],
    [
      'a shared-string index out of range',
      () =>
        replacePart(
          xlsx([['phone'], [1]]),
          SHEET,
          strToU8(
            '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>99</v></c></row></sheetData></worksheet>',
          ),
        ),
    ],
    ['an unknown sheet name', sheets, { sheet: 'Nope' }],
  ]
  for (const [what, make, opts] of cases) {
    it(what, async () => {
      const bytes = make()
      const sheetjs = await readWorkbook(bytes, { ...opts, xlsxReader: 'sheetjs' })
      const streamed = await readXlsx(bytes, opts)
      expect(sheetjs.ok).toBe(false)
      expect(streamed).toMatchObject({
        ok: false,
        error: { code: sheetjs.ok ? '' : sheetjs.error.code },
      })
    })
  }
})
