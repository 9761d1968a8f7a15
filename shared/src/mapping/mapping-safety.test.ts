import { describe, expect, it } from 'vitest'
import { autoMap, emptyMapping, type Mapping } from './auto-map.ts'
import { columnLabel, columnLetter } from './column-label.ts'
import { buildTargets } from './fields.ts'
import { validateMapping } from './validate-mapping.ts'

const targets = buildTargets([
  { key: 'customer_name', label: 'Customer name', required: true },
  { key: 'company', label: 'Company', required: false },
])

describe('columns are identified by index', () => {
  it('labels columns with Excel letters', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702, 16383].map(columnLetter)).toEqual([
      'A',
      'B',
      'Z',
      'AA',
      'AB',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
      'XFD',
    ])
    expect(columnLabel(1, 'phone')).toBe('phone (B)')
    expect(columnLabel(2, 'phone')).toBe('phone (C)')
    expect(columnLabel(3, null)).toBe('(no header, column D)')
    expect(columnLabel(3, ' \uFEFF ')).toBe('(no header, column D)')
    expect(columnLabel(0, 'x'.repeat(500))).toMatch(/^x{59}… \(A\)$/)
  })

  it('keeps duplicate and blank headers distinct and mappable', () => {
    const headers = ['phone', 'phone', null, '', 'name']
    const m = autoMap(headers, targets)
    expect(m.phone_number).toBe(0)
    expect(m.secondary_phones).toEqual([1])
    expect(m.variables.customer_name).toBe(4)
    const labels = headers.map((h, i) => columnLabel(i, h))
    expect(new Set(labels).size).toBe(5)
    // The user maps the blank column by hand: it is valid.
    const edited: Mapping = { ...m, email: 2 }
    expect(validateMapping(edited, headers.length, targets)).toEqual([])
  })
})

describe('prototype-named headers are ordinary columns', () => {
  it('maps __proto__, constructor, toString, hasOwnProperty without touching prototypes', () => {
    const before = Object.getPrototypeOf({})
    const headers = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'phone']
    const proto = buildTargets([
      { key: '__proto__', label: '__proto__', required: false },
      { key: 'constructor', label: 'Constructor', required: false },
      { key: 'toString', label: 'toString', required: false },
      { key: 'hasOwnProperty', label: 'hasOwnProperty', required: false },
    ])
    const m = autoMap(headers, proto)
    expect(m.phone_number).toBe(5)
    expect(Object.getPrototypeOf(m.variables)).toBeNull()
    expect(Object.entries(m.variables)).toEqual([
      ['__proto__', 0],
      ['constructor', 1],
      ['toString', 2],
      ['hasOwnProperty', 3],
    ])
    expect(Object.getPrototypeOf({})).toBe(before)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(validateMapping(m, headers.length, proto)).toEqual([])
  })

  it('does not match them to any built-in target', () => {
    const m = autoMap(
      ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'Telefon'],
      targets,
    )
    expect(m).toEqual({
      phone_number: 4,
      email: null,
      secondary_phones: [],
      variables: Object.assign(Object.create(null), { customer_name: null, company: null }),
    })
  })
})

describe('a Mapping is plain data', () => {
  it('round-trips through JSON', () => {
    const headers = ['Ad Soyad', 'Firma', 'GSM', 'Telefon', 'E-posta']
    const m = autoMap(headers, targets)
    const back = JSON.parse(JSON.stringify(m)) as Mapping
    expect(back).toEqual({
      phone_number: 2,
      email: 4,
      secondary_phones: [3],
      variables: { customer_name: 0, company: 1 },
    })
    expect(validateMapping(back, headers.length, targets)).toEqual([])
    expect(structuredClone(m)).toEqual(back)
  })

  it('starts empty with every variable key present', () => {
    expect(JSON.stringify(emptyMapping(targets))).toBe(
      '{"phone_number":null,"email":null,"secondary_phones":[],"variables":{"customer_name":null,"company":null}}',
    )
  })
})

describe('validateMapping', () => {
  const codes = (m: unknown, count = 5) =>
    validateMapping(m as Mapping, count, targets).map((i) => `${i.severity}:${i.code}`)

  it('reports a missing phone column with the file code', () => {
    const m = autoMap(['First Name', 'Company', 'Email Address'], targets)
    expect(codes(m, 3)).toEqual(['error:NO_PHONE_COLUMN'])
  })

  it('reports out-of-range and non-integer indexes', () => {
    const m = { ...emptyMapping(targets), phone_number: 7, email: -1, secondary_phones: [1.5] }
    expect(codes(m)).toEqual([
      'error:COLUMN_OUT_OF_RANGE',
      'error:COLUMN_OUT_OF_RANGE',
      'error:COLUMN_OUT_OF_RANGE',
      'warning:REQUIRED_VARIABLE_UNMAPPED',
    ])
  })

  it('reports a column used twice', () => {
    const m = emptyMapping(targets)
    m.phone_number = 0
    m.secondary_phones = [1, 1]
    m.variables.customer_name = 0
    const issues = validateMapping(m, 5, targets)
    expect(issues.map((i) => i.code)).toEqual(['COLUMN_MAPPED_TWICE', 'COLUMN_MAPPED_TWICE'])
    expect(issues[1]?.message).toContain('Column A')
  })

  it('reports unknown variables, malformed input and too many secondaries', () => {
    const m = { ...emptyMapping(targets), phone_number: 0 }
    m.variables = { customer_name: 1, company: null, stale: 2 }
    expect(codes(m)).toEqual(['error:UNKNOWN_TARGET'])
    expect(codes(null)).toEqual(['error:MAPPING_MALFORMED'])
    expect(codes({ phone_number: 0 })).toEqual(['error:MAPPING_MALFORMED'])
    const many = {
      ...emptyMapping(targets),
      phone_number: 0,
      secondary_phones: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11],
    }
    many.variables.customer_name = 12
    expect(codes(many, 13)).toEqual(['warning:TOO_MANY_SECONDARY_PHONES'])
  })

  it('accepts a required variable with a default and no column', () => {
    const t = buildTargets([
      { key: 'customer_name', label: 'Name', required: true, default: 'there' },
    ])
    const m = { ...emptyMapping(t), phone_number: 0 }
    expect(validateMapping(m, 1, t)).toEqual([])
  })
})

describe('scale', () => {
  it('maps 16,384 columns quickly', () => {
    const headers = Array.from({ length: 16_384 }, (_, i) => `Column ${i}`)
    headers[100] = 'Phone'
    headers[16_000] = 'Customer Name'
    const t0 = performance.now()
    const m = autoMap(headers, targets)
    expect(performance.now() - t0).toBeLessThan(2000)
    expect(m.phone_number).toBe(100)
    expect(m.variables.customer_name).toBe(16_000)
  })
})
