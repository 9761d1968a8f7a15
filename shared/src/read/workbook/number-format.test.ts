import { describe, expect, it } from 'vitest'
import * as XLSX from 'xlsx'
import { cellToText, exactCell, isFormattedNumber, toCell } from './cells.ts'
import { formatDigits, isDigitPattern } from './digit-pattern.ts'
import { displayFormat, formatNumber } from './number-format.ts'
import { book, cellsOf, readOk, xlsx } from './test-fixtures.ts'

const PHONE_SPECIAL = '[<=9999999]###-####;(###) ###-####'

// [value, format code, what Excel shows]
const SHOWN: [number, string, string][] = [
  [0.15, '0%', '15%'],
  [0.125, '0.00%', '12.50%'],
  [1234.5, '"$"#,##0.00', '$1,234.50'],
  [1234567, '#,##0', '1,234,567'],
  [1234567.891, '#,##0.00', '1,234,567.89'],
  [2134, '00000', '02134'],
  [4.56789, '0.00', '4.57'],
  [3.7, '0', '4'],
  [-1234.5, '#,##0.00;(#,##0.00)', '(1,234.50)'],
  [99, '#,##0.00 "TL"', '99.00 TL'],
  [1234.5, '#,##0.00\\ [$₺-41F]', '1,234.50 ₺'],
  [5, '[$-409]#,##0.00', '5.00'],
  [5321234567, '0##########', '05321234567'],
  [5551234567, '(###) ###-####', '(555) 123-4567'],
  [1234567, PHONE_SPECIAL, '123-4567'],
  [12345, '0.00E+00', '1.23E+04'],
  [7, ';;;', ''],
]

describe('displayFormat and formatNumber', () => {
  it('renders the common number formats as Excel shows them', () => {
    for (const [value, code, text] of SHOWN) {
      const format = displayFormat(code)
      expect(format, code).toBeDefined()
      expect(formatNumber(value, format as string), code).toEqual({ value, text })
    }
  })

  it('agrees with SheetJS SSF, the reference, wherever no locale tag is involved', () => {
    for (const [value, code] of SHOWN) {
      if (code.includes('[$-')) continue
      const cell = formatNumber(value, displayFormat(code) as string)
      expect(cellToText(cell), code).toBe(XLSX.SSF.format(code, value).trim())
    }
  })

  it('keeps the plain number for General, text, dates and formats that change nothing', () => {
    for (const code of ['General', 'general', '@', 'yyyy-mm-dd', 'm/d/yy h:mm', '[h]:mm:ss', '']) {
      expect(displayFormat(code), code).toBeUndefined()
    }
    expect(displayFormat(14)).toBeUndefined() // built-in m/d/yy
    expect(displayFormat(0)).toBeUndefined()
    expect(displayFormat(9)).toBe('0%')
    expect(formatNumber(905551234567, '0')).toBe(905551234567)
    expect(formatNumber(90210, '00000')).toBe(90210)
    expect(formatNumber(0.15, '0.00')).toBe(0.15)
  })
})

describe('digit patterns (zip, id and phone formats)', () => {
  it('are told apart from other formats', () => {
    for (const code of ['00000', '0##########', '(###) ###-####', '+0 (000) 000-00-00', '#']) {
      expect(isDigitPattern(code), code).toBe(true)
    }
    for (const code of ['#,##0', '0.00', '0%', PHONE_SPECIAL, '"Tel "0', '0E+0', '# ?/?', ' ']) {
      expect(isDigitPattern(code), code).toBe(false)
    }
  })

  it('render as SSF does whenever the digits fit the placeholders', () => {
    let seed = 7
    const next = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31
      return seed
    }
    const codes = ['00000', '0##########', '(###) ###-####', '000-000-0000', '+0 (000) 000-00-00']
    for (const code of codes) {
      const places = code.replace(/[^0#]/g, '').length
      for (let k = 0; k < 200; k++) {
        const value = (next() * 2 ** 22 + next()) % 10 ** (1 + (k % places))
        if (value === 0) continue
        expect(formatDigits(value, code), `${code} ${value}`).toBe(XLSX.SSF.format(code, value))
      }
    }
  })

  it('keep every digit where SSF drops those beyond the placeholders, as Excel does', () => {
    expect(formatDigits(905321234568, '(###) ###-####')).toBe('(90532) 123-4568')
    expect(XLSX.SSF.format('(###) ###-####', 905321234568)).toBe('(532) 123-4568')
    expect(formatDigits(905321234568, '+0 (000) 000-00-00')).toBe('+90 (532) 123-45-68')
    expect(formatDigits(1234, '###-####')).toBe('-1234')
    expect(formatDigits(0, '0##########')).toBe('0')
    expect(formatDigits(0, '00000')).toBe('00000')
    expect(formatDigits(0, '#')).toBe('')
    expect(formatNumber(905321234568, '(###) ###-####')).toEqual({
      value: 905321234568,
      text: '(90532) 123-4568',
    })
    // Negative and fractional values go through SSF.
    expect(formatNumber(-2134, '00000')).toEqual({ value: -2134, text: '-02134' })
    expect(formatNumber(2134.6, '00000')).toEqual({ value: 2134.6, text: '02135' })
  })
})

describe('formatted number cells', () => {
  it('carry the exact value for phones and the shown text for everything else', () => {
    const cell = toCell({ t: 'n', v: 5321234567, z: '0##########' })
    expect(cell).toEqual({ value: 5321234567, text: '05321234567' })
    expect(isFormattedNumber(cell)).toBe(true)
    expect(exactCell(cell)).toBe(5321234567)
    expect(cellToText(cell)).toBe('05321234567')
    expect(toCell({ t: 'n', v: 905551234567, z: 'General' })).toBe(905551234567)
    expect(toCell({ t: 'n', v: 0.15, z: 10 })).toEqual({ value: 0.15, text: '15.00%' })
    expect(exactCell('+905551234567')).toBe('+905551234567')
    expect(isFormattedNumber(new Date(0))).toBe(false)
  })

  it('survive structured clone (the worker boundary) unchanged', () => {
    const cell = toCell({ t: 'n', v: 0.15, z: '0%' })
    expect(structuredClone(cell)).toEqual(cell)
  })

  const rows = [
    ['phone', 'discount', 'price', 'zip', 'plain'],
    [
      { t: 'n', v: 5321234567, z: '(###) ###-####' },
      { t: 'n', v: 0.15, z: '0%' },
      { t: 'n', v: 1234.5, z: '"$"#,##0.00' },
      { t: 'n', v: 2134, z: '00000' },
      905551234567,
    ],
  ]
  const want = [
    ['phone', 'discount', 'price', 'zip', 'plain'],
    [
      { value: 5321234567, text: '(532) 123-4567' },
      { value: 0.15, text: '15%' },
      { value: 1234.5, text: '$1,234.50' },
      { value: 2134, text: '02134' },
      905551234567,
    ],
  ]

  it('come out of both XLSX readers alike', async () => {
    const bytes = xlsx(rows)
    expect(cellsOf(await readOk(bytes))).toEqual(want)
    expect(cellsOf(await readOk(bytes, { xlsxReader: 'sheetjs' }))).toEqual(want)
  })

  it('come out of XLS and ODS files too (SheetJS keeps their format codes)', async () => {
    const xls = await readOk(book([{ name: 'Leads', rows }], 'biff8'))
    expect(cellsOf(xls)).toEqual(want)
    // SheetJS's ODS writer drops the `(###) ###-####` style; the other formats survive.
    const ods = await readOk(book([{ name: 'Leads', rows }], 'ods'))
    expect(cellsOf(ods).map((r) => r.slice(1))).toEqual(want.map((r) => r.slice(1)))
  })
})
