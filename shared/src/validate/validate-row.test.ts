import { describe, expect, it } from 'vitest'
import { autoMap } from '../mapping/auto-map.ts'
import { buildTargets } from '../mapping/fields.ts'
import type { Cell } from '../read/types.ts'
import { cleanText, isPlain } from './clean-text.ts'
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
const codes = (r: { issues: readonly { code: string }[] }) => r.issues.map((i) => i.code)

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

  it('never lets a __proto__ variable key or value touch a prototype', () => {
    const t = buildTargets([
      { key: '__proto__', label: 'Proto', required: false },
      { key: 'constructor', label: 'Ctor', required: false },
    ])
    const v = createRowValidator({
      mapping: {
        phone_number: 0,
        email: null,
        secondary_phones: [],
        variables: Object.assign(Object.create(null), { __proto__: 1, constructor: 2 }),
      },
      targets: t,
      format: { kind: 'international' },
      headerLength: 3,
    })
    const r = v.validate(['+12133734253', 'polluted', 'ctor'], 2, false)
    expect(Object.getPrototypeOf(r.values)).toBe(Object.prototype)
    expect(Object.keys(r.values)).toEqual(['constructor'])
    expect(r.values.constructor).toBe('ctor')
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})

describe('cleanText', () => {
  it('removes bidi overrides, zero-width and control characters, NFC-normalises', () => {
    expect(cleanText('Ali\u202e Veli')).toEqual({ text: 'Ali Veli', cleaned: true })
    expect(cleanText('a\u0000b\u200bc')).toEqual({ text: 'abc', cleaned: true })
    expect(cleanText('S\u0327u\u0308kru\u0308')).toEqual({ text: 'Şükrü', cleaned: false })
    expect(cleanText(' two\nlines\t ')).toEqual({ text: 'two lines', cleaned: false })
  })

  it('lets plain ASCII and precomposed Latin through untouched, and nothing that needs work', () => {
    for (const v of ['Acme Ltd', 'Şükrü Çağlayan', 'Zoë Øster', 'İğdır'])
      expect(isPlain(v), v).toBe(true)
    for (const v of [
      ' padded',
      'trail ',
      'a\tb',
      'soft\u00adhyphen',
      'e\u0301',
      'x\u200b',
      'Иван',
    ]) {
      expect(isPlain(v), v).toBe(false)
    }
    // Whatever isPlain lets through, cleanText leaves exactly as it is.
    for (const v of ['Şükrü Çağlayan', 'Zoë Øster'])
      expect(cleanText(v)).toEqual({ text: v, cleaned: false })
  })
})

describe('email shape', () => {
  const targets = buildTargets([])
  const v = createRowValidator({
    mapping: { phone_number: 0, email: 1, secondary_phones: [], variables: {} },
    targets,
    format: { kind: 'international' },
    headerLength: 2,
  })
  it.each([
    ['ayse@acme.com.tr', true],
    ['a.b+tag@sub.example.org', true],
    ['no-at.example.com', false],
    ['two@@example.com', false],
    ['@example.com', false],
    ['a@example', false],
    ['a@.com', false],
    ['a@example.', false],
    ['a b@example.com', false],
  ])('%s is accepted: %s', (email, ok) => {
    const r = v.validate(['+12133734253', email], 2, false)
    expect(r.email === email).toBe(ok)
    expect(r.issues.some((i) => i.code === 'EMAIL_INVALID')).toBe(!ok)
  })
})
