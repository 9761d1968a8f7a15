// Number cells under number formats in the parse worker: the review grid shows them as Excel
// does, and chunk bodies carry a phone column's exact digits and every other column's shown text.
import { describe, expect, it } from 'vitest'
import * as XLSX from 'xlsx'
import { checkFile } from './check-file.ts'
import { chunkBody } from './chunks.ts'
import { applyCountry, editCell } from './edits.ts'
import { gridRows } from './review.ts'
import { checkedRows, setSession } from './session.ts'
import type { CheckSettings } from './types.ts'

const VARIABLES = [
  { key: 'discount', label: 'Discount', required: false },
  { key: 'zip', label: 'Zip', required: false },
]
const SETTINGS: CheckSettings = {
  read: {},
  mapping: {
    phone_number: 0,
    email: null,
    secondary_phones: [1],
    variables: { discount: 2, zip: 3 },
  },
  format: { kind: 'national', country: 'TR' },
}

function workbook(phone = 5321000001): Uint8Array {
  const sheet = XLSX.utils.aoa_to_sheet([
    ['Phone', 'Work phone', 'Discount', 'Zip'],
    [
      { t: 'n', v: phone, z: '0##########' },
      { t: 'n', v: 5551000001, z: '(###) ###-####' },
      { t: 'n', v: 0.15, z: '0%' },
      { t: 'n', v: 2134, z: '00000' },
    ],
  ])
  const book = XLSX.utils.book_new()
  XLSX.utils.book_append_sheet(book, sheet, 'Leads')
  return new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer)
}

describe('formatted number cells in the parse worker', () => {
  it('show as Excel shows them and go to the server as digits (phones) or text', async () => {
    setSession({
      bytes: workbook(),
      name: 'leads.xlsx',
      sha256: () => Promise.resolve('f'),
      checked: null,
    })
    const res = await checkFile(SETTINGS, VARIABLES)
    if (!res.ok) throw new Error(res.error.message)
    const c = checkedRows()
    expect(gridRows(c, [0])[0]).toMatchObject({
      row: 2,
      cells: ['05321000001', '(555) 100-0001', '15%', '02134'],
      invalid: false,
    })
    expect(JSON.parse(chunkBody(c, 0))).toEqual({
      rows: [{ row: 2, cells: [5321000001, 5551000001, '15%', '02134'] }],
    })
    // An edited cell is text the user typed, sent as typed.
    editCell(c, 0, 2, '20%')
    expect(JSON.parse(chunkBody(c, 0)).rows[0].cells).toEqual([
      5321000001,
      5551000001,
      '20%',
      '02134',
    ])
  })

  it('take a country by their digits (the review grid phone fix)', async () => {
    setSession({
      bytes: workbook(3121000001),
      name: 'leads.xlsx',
      sha256: () => Promise.resolve('f'),
      checked: null,
    })
    // International: 3121000001 (shown 03121000001) has no country code, so it needs one.
    const res = await checkFile({ ...SETTINGS, format: { kind: 'international' } }, VARIABLES)
    if (!res.ok) throw new Error(res.error.message)
    const c = checkedRows()
    expect(gridRows(c, [0])[0]?.invalid).toBe(true)
    expect(applyCountry(c, [0], 'TR')).toBe(1)
    expect(gridRows(c, [0])[0]?.invalid).toBe(false)
    expect(gridRows(c, [0])[0]?.cells[0]).toBe('+903121000001')
  })
})
