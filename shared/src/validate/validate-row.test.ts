import { describe, expect, it } from 'vitest'
import { autoMap } from '../mapping/auto-map.ts'
import { buildTargets } from '../mapping/fields.ts'
import type { Cell } from '../read/types.ts'
import { cleanText } from './clean-text.ts'
import { createRowValidator, type ValidationSetup } from './validate-row.ts'

const targets = buildTargets([
  { key: 'customer_name', label: 'Customer name', required: true },
  { key: 'company', label: 'Company', required: false },
  { key: 'city', label: 'City', required: true, default: 'Istanbul' },
])
const header = ['Ad Soyad', 'Telefon', 'Şirket', 'E-posta', 'İş Telefonu', 'Şehir']

function setup(format: ValidationSetup['format'] = { kind: 'national', country: 'TR' }) {
  const mapping = autoMap(header, targets)
  return createRowValidator({ mapping, targets, format, headerLength: header.length })
}
const codes = (r: { issues: { code: string }[] }) => r.issues.map((i) => i.code)

describe('createRowValidator', () => {
  it('maps the Turkish header and normalises a clean row', () => {
    const v = setup()
    const r = v.validate(
      [
        'Ayşe Yılmaz',
        '0532 123 45 67',
        'Acme A.Ş.',
        'ayse@acme.com.tr',
        '0555 765 43 21',
        'Ankara',
      ],
      2,
      false,
    )
    expect(r).toMatchObject({
      row: 2,
      phone_e164: '+905321234567',
      secondary_phones_e164: ['+905557654321'],
      email: 'ayse@acme.com.tr',
      invalid: false,
      issues: [],
    })
    expect({ ...r.values }).toEqual({
      customer_name: 'Ayşe Yılmaz',
      company: 'Acme A.Ş.',
      city: 'Ankara',
    })
  })

  it('reports a bad phone as an error with the value and the country in the message', () => {
    const r = setup().validate(['Ali', '12345', '', '', '', ''], 3, false)
    expect(r.invalid).toBe(true)
    expect(r.issues[0]).toMatchObject({
      code: 'PHONE_INVALID',
      field: 'phone_number',
      severity: 'error',
    })
    expect(r.issues[0]?.message).toContain('"12345"')
    expect(r.issues[0]?.message).toContain('TR')
  })

  it('points a repeated number at the first row that had it', () => {
    const v = setup()
    v.validate(['A', '+90 532 123 45 67', '', '', '', ''], 2, false)
    const dup = v.validate(['B', '0532 123 45 67', '', '', '', ''], 7, false)
    expect(codes(dup)).toEqual(['DUPLICATE_IN_FILE'])
    expect(dup.issues[0]?.message).toContain('row 2')
    expect(dup.invalid).toBe(true)
  })

  it('fills defaults, warns on a missing required variable, keeps the row', () => {
    const r = setup().validate(['', '0532 123 45 67', '', '', '', ''], 2, false)
    expect(r.values.city).toBe('Istanbul')
    expect(codes(r)).toEqual(['VARIABLE_MISSING'])
    expect(r.issues[0]?.message).toContain('Customer name')
    expect(r.invalid).toBe(false)
  })

  it('refuses a 1 MB value with its length, and a bad email', () => {
    const big = 'x'.repeat(1_048_576)
    const r = setup().validate([big, '0532 123 45 67', '', 'not-an-email', '', ''], 2, false)
    expect(codes(r)).toEqual(['EMAIL_INVALID', 'VALUE_TOO_LONG', 'VARIABLE_MISSING'])
    expect(r.issues.find((i) => i.code === 'VALUE_TOO_LONG')?.message).toContain('1,048,576')
    expect(r.invalid).toBe(true)
  })

  it('drops an unusable secondary number with a warning, not the row', () => {
    const r = setup().validate(['Ali', '0532 123 45 67', '', '', '1-800-FLOWERS', ''], 2, false)
    expect(r.invalid).toBe(false)
    expect(r.issues).toEqual([
      expect.objectContaining({
        code: 'PHONE_HAS_LETTERS',
        field: 'secondary_phones',
        severity: 'warning',
      }),
    ])
  })

  it('flags extra values, hidden rows and cleaned text as warnings', () => {
    const cells: Cell[] = ['Ali\u202eVeli\u200b', '0532 123 45 67', '', '', '', '', 'stray', '']
    const r = setup().validate(cells, 9, true)
    expect(codes(r).sort()).toEqual(['EXTRA_VALUES', 'HIDDEN_ROW', 'TEXT_CLEANED'])
    expect(r.values.customer_name).toBe('AliVeli')
    expect(r.invalid).toBe(false)
  })

  it('takes a number cell exactly and says so', () => {
    const r = setup().validate(['Ali', 905321234567, '', '', '', ''], 2, false)
    expect(r.phone_e164).toBe('+905321234567')
    expect(codes(r)).toEqual(['PHONE_FROM_NUMBER_CELL'])
  })

  it('gives variables a null prototype, so a __proto__ key is inert', () => {
    const t = buildTargets([{ key: 'notes', label: 'Notes', required: false }])
    const v = createRowValidator({
      mapping: autoMap(['phone', 'notes'], t),
      targets: t,
      format: { kind: 'international' },
      headerLength: 2,
    })
    const r = v.validate(['+12133734253', '{"__proto__":1}'], 2, false)
    expect(Object.getPrototypeOf(r.values)).toBe(null)
    expect(Object.getPrototypeOf({})).toBe(Object.prototype)
  })
})

describe('cleanText', () => {
  it('removes bidi overrides, zero-width and control characters, NFC-normalises', () => {
    expect(cleanText('Ali\u202e Veli')).toEqual({ text: 'Ali Veli', cleaned: true })
    expect(cleanText('a\u0000b\u200bc')).toEqual({ text: 'abc', cleaned: true })
    expect(cleanText('S\u0327u\u0308kru\u0308')).toEqual({ text: 'Şükrü', cleaned: false })
    expect(cleanText(' two\nlines\t ')).toEqual({ text: 'two lines', cleaned: false })
  })
})
