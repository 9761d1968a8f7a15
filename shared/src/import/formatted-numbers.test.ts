// Number cells shown through number formats, end to end: the producers' "Formats" sheets
// (shared/test-fixtures/xlsx/make-fixtures.py) read by both XLSX readers, mapped, validated and
// turned into chunk rows. Phone columns keep the exact digits of the value; every other column
// gets the text Excel shows; the server, validating the chunk rows again, agrees.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { putChunkBody } from '../api/imports.ts'
import type { Mapping } from '../mapping/auto-map.ts'
import { buildTargets, PHONE_FIELD } from '../mapping/fields.ts'
import type { Cell } from '../read/types.ts'
import { createRowValidator, type ValidatedRow } from '../validate/validate-row.ts'
import { checkLeadFile } from './check-lead-file.ts'
import { toChunkCells } from './chunk-cells.ts'

const FIXTURES = new URL('../../test-fixtures/xlsx/', import.meta.url)
const PRODUCERS = [
  'openpyxl-leads.xlsx',
  'xlsxwriter-leads.xlsx',
  'xlsxwriter-constant-memory.xlsx',
  'libreoffice-leads.xlsx',
]
const variables = ['Discount', 'Price', 'Population', 'Zip', 'Rating', 'Balance', 'Plain'].map(
  (label) => ({ key: label.toLowerCase(), label, required: false }),
)
const targets = buildTargets(variables)
const format = { kind: 'national', country: 'TR' } as const

async function check(file: string, xlsxReader: 'stream' | 'sheetjs', only = targets) {
  const bytes = new Uint8Array(readFileSync(new URL(file, FIXTURES)))
  const rows: { v: ValidatedRow; cells: readonly Cell[] }[] = []
  const res = await checkLeadFile(
    bytes,
    { targets: only, format, sheet: 'Formats', xlsxReader },
    (v, cells) => {
      rows.push({ v, cells })
      return undefined
    },
  )
  if (!res.ok) throw new Error(res.error.message)
  return { mapping: res.data.mapping, header: res.data.file.header, rows }
}

const WANT = [
  {
    row: 2,
    phone_e164: '+905321234567', // 0########## shows 05321234567
    secondary_phones_e164: ['+905551234567'], // (###) ###-#### shows (555) 123-4567
    values: {
      discount: '15%',
      price: '$1,234.50',
      population: '1,234,567',
      zip: '02134',
      rating: '3.14',
      balance: '(1,234.50)',
      plain: '42',
    },
  },
  {
    row: 3,
    phone_e164: '+905321234568', // Excel's Special > Phone Number format
    secondary_phones_e164: ['+905551234568'],
    values: {
      discount: '12.50%',
      price: '99.00 TL',
      population: '0',
      zip: '00501',
      rating: '2.00',
      balance: '1,234.50',
      plain: '3.5',
    },
  },
  {
    row: 4,
    phone_e164: '+905321234569',
    secondary_phones_e164: ['+905551234569'],
    values: {
      discount: '100%',
      price: '1,234.50 ₺',
      population: '1,000,000',
      zip: '90210',
      rating: '10.00',
      balance: '0.00',
      plain: '7',
    },
  },
]

describe('formatted number cells through checkLeadFile', () => {
  for (const file of PRODUCERS) {
    for (const reader of ['stream', 'sheetjs'] as const) {
      it(`${file} (${reader}): phones keep their digits, variables get the shown text`, async () => {
        const { mapping, rows } = await check(file, reader)
        expect(mapping).toMatchObject({ phone_number: 0, secondary_phones: [1] })
        expect(rows.map(({ v }) => v)).toMatchObject(WANT)
        for (const { v } of rows) {
          expect(v.invalid).toBe(false)
          expect(v.issues.map((i) => i.code)).toEqual(['PHONE_FROM_NUMBER_CELL'])
        }
      })
    }
  }

  it('sends chunk rows the server validates to the same leads (exact digits, shown text)', async () => {
    const { mapping, header, rows } = await check('xlsxwriter-leads.xlsx', 'stream')
    const body = JSON.parse(
      JSON.stringify({
        rows: rows.map(({ v, cells }) => ({ row: v.row, cells: toChunkCells(cells, mapping) })),
      }),
    )
    // The wire format is unchanged: text, exact numbers, booleans and empties only.
    const parsed = putChunkBody.parse(body)
    expect(parsed.rows[0]?.cells).toEqual([
      5321234567,
      5551234567,
      '15%',
      '$1,234.50',
      '1,234,567',
      '02134',
      '3.14',
      '(1,234.50)',
      42,
    ])
    const server = createRowValidator({ mapping, targets, format, headerLength: header.length })
    const again = parsed.rows.map((r) => server.validate(r.cells, r.row, false))
    expect(again).toEqual(rows.map(({ v }) => v))
  })

  it('gives a phone column mapped as a variable its shown text, and a variable mapped as a phone its digits', async () => {
    const { rows } = await check('openpyxl-leads.xlsx', 'stream')
    const swapped: Mapping = {
      phone_number: 5, // Zip: 2134 shown as 02134 is no phone, its digits are read as one
      email: null,
      secondary_phones: [],
      variables: { discount: 0 }, // the phone column, as the user sees it
    }
    const v = createRowValidator({ mapping: swapped, targets, format, headerLength: 9 })
    const first = v.validate(rows[0]?.cells ?? [], 2, false)
    expect(first.values.discount).toBe('05321234567')
    expect(first.issues.map((i) => i.code)).toEqual(['PHONE_INVALID', 'PHONE_FROM_NUMBER_CELL'])
    expect(first.issues[0]?.message).toContain('2134')
    expect(first.issues[0]?.message).not.toContain('02134')
    const cells = toChunkCells(rows[0]?.cells ?? [], swapped)
    expect([cells[0], cells[5]]).toEqual(['05321234567', 2134])
  })

  it('reads a do-not-call file with formatted phone cells by their digits', async () => {
    const { rows } = await check('libreoffice-leads.xlsx', 'stream', [PHONE_FIELD])
    // The do-not-call reader (server/src/routes/do-not-call/read-file.ts) has one target.
    expect(rows.map(({ v }) => v.phone_e164)).toEqual([
      '+905321234567',
      '+905321234568',
      '+905321234569',
    ])
  })
})
