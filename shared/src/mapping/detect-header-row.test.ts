import { describe, expect, it } from 'vitest'
import type { Cell } from '../read/types.ts'
import { autoMap } from './auto-map.ts'
import { detectHeaderRow, fillMergedHeader } from './detect-header-row.ts'
import { buildTargets } from './fields.ts'

const targets = buildTargets([
  { key: 'customer_name', label: 'Customer name', required: true },
  { key: 'company', label: 'Company', required: false },
])

describe('detectHeaderRow', () => {
  it('skips a title row and a blank row (header on Excel row 4)', () => {
    const rows: Cell[][] = [
      ['Lead list Q3', null, null, null],
      ['Exported 2024-07-01', null, null, null],
      [],
      ['Name', 'Company', 'Phone', 'Email'],
      ['Ali Veli', 'Acme', '+90 532 123 45 67', 'ali@example.com'],
      ['Ayşe Yılmaz', 'Beta', '0555 765 43 21', 'ayse@example.com'],
    ]
    const guess = detectHeaderRow(rows, targets)
    expect(guess.index).toBe(3)
    expect(guess.confidence).toBeGreaterThan(0.7)
  })

  it("skips LinkedIn's Notes preamble", () => {
    const rows: Cell[][] = [
      ['Notes:'],
      [
        'When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed it.',
      ],
      [],
      ['First Name', 'Last Name', 'URL', 'Email Address', 'Company', 'Position', 'Connected On'],
      [
        'Ada',
        'Lovelace',
        'https://www.linkedin.com/in/ada',
        'ada@example.com',
        'Engines',
        'CEO',
        '12 Mar 2021',
      ],
    ]
    expect(detectHeaderRow(rows, targets).index).toBe(3)
  })

  it('finds Turkish headers below a title, with numeric phone cells in the data', () => {
    const rows: Cell[][] = [
      ['2024 Fuar Katılımcıları', null, null],
      ['Adı Soyadı', 'Firma', 'GSM'],
      ['Şükrü Çağlayan', 'Örnek A.Ş.', 905321234567],
      ['Ümit Işık', 'Deneme Ltd', 905559876543],
    ]
    const guess = detectHeaderRow(rows, targets)
    expect(guess.index).toBe(1)
    expect(autoMap(rows[guess.index] ?? [], targets).phone_number).toBe(2)
  })

  it('keeps row 0 for an ordinary file', () => {
    const rows: Cell[][] = [
      ['phone_number', 'customer_name'],
      ['+905321234567', 'Ali'],
    ]
    expect(detectHeaderRow(rows, targets)).toMatchObject({ index: 0 })
  })

  it('falls back to row 0 with low confidence when nothing looks like a header', () => {
    expect(detectHeaderRow([], targets)).toEqual({ index: 0, confidence: 0 })
    const rows: Cell[][] = [
      ['+905321234567', 'Ali'],
      ['+905559876543', 'Veli'],
    ]
    const guess = detectHeaderRow(rows, targets)
    expect(guess.index).toBe(0)
    expect(guess.confidence).toBeLessThan(0.3)
  })

  it('does not pick a data row even when headers are unknown', () => {
    const rows: Cell[][] = [
      ['Kolon A', 'Kolon B', 'Kolon C'],
      ['x', 'y', '+905321234567'],
      ['z', 'w', '+905559876543'],
    ]
    expect(detectHeaderRow(rows, targets).index).toBe(0)
  })
})

describe('fillMergedHeader', () => {
  it('copies a merged label across its span, clipped to the row', () => {
    const header: Cell[] = ['Name', 'Phones', null, null, 'Email']
    const merges = [
      { s: { r: 3, c: 1 }, e: { r: 3, c: 3 } },
      { s: { r: 0, c: 0 }, e: { r: 0, c: 4 } }, // a title merge on another row
      { s: { r: 3, c: 4 }, e: { r: 3, c: 16383 } }, // a huge span
    ]
    expect(fillMergedHeader(header, merges, 3)).toEqual([
      'Name',
      'Phones',
      'Phones',
      'Phones',
      'Email',
    ])
    expect(header).toEqual(['Name', 'Phones', null, null, 'Email'])
  })

  it('uses a vertical merge that covers the header row', () => {
    const merges = [{ s: { r: 2, c: 0 }, e: { r: 3, c: 1 } }]
    expect(fillMergedHeader(['Telefon', ''], merges, 3)).toEqual(['Telefon', 'Telefon'])
    expect(fillMergedHeader(['', ''], merges, 3)).toEqual(['', ''])
  })

  it('makes every merged phone column mappable', () => {
    const header = fillMergedHeader(
      ['Ad Soyad', 'Telefon', null],
      [{ s: { r: 0, c: 1 }, e: { r: 0, c: 2 } }],
    )
    const m = autoMap(header, targets)
    expect(m.phone_number).toBe(1)
    expect(m.secondary_phones).toEqual([2])
  })
})
