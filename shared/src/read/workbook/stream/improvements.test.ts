// The documented differences from SheetJS: each is an improvement with its own test, so the
// agreement tests can demand equality everywhere else.
import { describe, expect, it } from 'vitest'
import * as XLSX from 'xlsx'
import { checkLeadFile } from '../../../import/check-lead-file.ts'
import { buildTargets } from '../../../mapping/fields.ts'
import { readWorkbook } from '../read-workbook.ts'
import { cellsOf, rewritePart, xlsx } from '../test-fixtures.ts'
import { readXlsx } from './read-xlsx.ts'

async function streamed(bytes: Uint8Array) {
  const r = await readXlsx(bytes)
  if ('refused' in r || !r.ok) throw new Error(JSON.stringify(r))
  return r.data
}

describe('improvements over SheetJS', () => {
  it('decodes astral character references (&#128512;) whole; SheetJS cuts them to 16 bits', async () => {
    const bytes = rewritePart(xlsx([['name'], ['x']]), (x) =>
      x.replace(
        '<c r="A2" t="str"><v>x</v></c>',
        '<c r="A2" t="inlineStr"><is><t>Ali &#128512; &#x1F600;</t></is></c>',
      ),
    )
    expect(cellsOf(await streamed(bytes))[1]).toEqual(['Ali 😀 😀'])
    const sheetjs = await readWorkbook(bytes, { xlsxReader: 'sheetjs' })
    if (!sheetjs.ok) throw new Error(sheetjs.error.message)
    expect(sheetjs.data.rows[1]?.cells[0]).toBe('Ali \uf600 \uf600')
  })

  it('keeps the exact digits of a 12-digit phone in a number cell; SheetJS formats 9.05417E+11', async () => {
    // Excel may also save the value in exponent form; the digits are still all there.
    const bytes = rewritePart(
      xlsx([
        ['Name', 'Phone'],
        ['Ali', 905417123456],
        ['Veli', 1],
      ]),
      (x) => x.replace('<c r="B3"><v>1</v></c>', '<c r="B3"><v>9.05417123457E+11</v></c>'),
    )
    const read = await streamed(bytes)
    expect(cellsOf(read).slice(1)).toEqual([
      ['Ali', 905417123456],
      ['Veli', 905417123457],
    ])
    const wb = XLSX.read(bytes, { type: 'array', dense: true })
    const bare = XLSX.utils.sheet_to_json(wb.Sheets.Leads as XLSX.WorkSheet, {
      header: 1,
      raw: false,
    })
    expect(bare[1]).toEqual(['Ali', '9.05417E+11'])
    const targets = buildTargets([{ key: 'customer_name', label: 'Name', required: false }])
    const phones: (string | null)[] = []
    const res = await checkLeadFile(
      bytes,
      { targets, format: { kind: 'international' } },
      (row) => {
        phones.push(row.phone_e164)
        return undefined
      },
    )
    expect(res.ok).toBe(true)
    expect(phones).toEqual(['+905417123456', '+905417123457'])
  })

  it('reads a cell styled with an undeclared built-in currency format; SheetJS drops the sheet', async () => {
    // Ids 5–8 (and 41–44) are locale-dependent: SheetJS's table has no code for them, its date
    // check throws, and the whole sheet is silently left out. Both readers show them as General.
    const bytes = rewritePart(
      rewritePart(
        xlsx([
          ['phone', 'price'],
          [905417123456, 1234.5],
        ]),
        (x) => x.replace('<c r="B2"><v>', '<c r="B2" s="1"><v>'),
      ),
      (x) =>
        x.replace(
          /<cellXfs count="\d+">([\s\S]*?)<\/cellXfs>/,
          '<cellXfs count="2">$1<xf numFmtId="7" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>',
        ),
      'xl/styles.xml',
    )
    expect(cellsOf(await streamed(bytes))[1]).toEqual([905417123456, 1234.5])
    const sheetjs = await readWorkbook(bytes, { xlsxReader: 'sheetjs' })
    expect(sheetjs).toMatchObject({ ok: false, error: { code: 'FILE_DAMAGED' } })
  })

  it('reads every real cell whatever <dimension> says; bare SheetJS trusts it', async () => {
    const rows = Array.from({ length: 6 }, (_, r) => Array.from({ length: 6 }, (_, c) => r * 6 + c))
    const bytes = rewritePart(xlsx(rows), (x) =>
      x.replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:C3"/>'),
    )
    expect(cellsOf(await streamed(bytes))).toEqual(rows)
    const wb = XLSX.read(bytes, { type: 'array' })
    const bare = XLSX.utils.sheet_to_json(wb.Sheets.Leads as XLSX.WorkSheet, { header: 1 })
    expect(bare.flat()).toHaveLength(9) // 27 of the 36 cells dropped
  })
})
