import { describe, expect, it } from 'vitest'
import { cellToText, isBlankRow, isFormulaWithoutValue, toCell } from './cells.ts'

describe('toCell', () => {
  it('keeps the exact number, never the formatted text', () => {
    expect(toCell({ t: 'n', v: 905551234567, w: '9.05551E+11' })).toBe(905551234567)
    expect(toCell({ t: 'n', v: Number.NaN })).toBeNull()
  })

  it('maps text, booleans, dates, errors and empties', () => {
    const d = new Date(Date.UTC(2024, 0, 31))
    expect(toCell({ t: 's', v: '+905551234567' })).toBe('+905551234567')
    expect(toCell({ t: 's', v: '' })).toBeNull()
    expect(toCell({ t: 'b', v: true })).toBe(true)
    expect(toCell({ t: 'd', v: d })).toEqual(d)
    expect(toCell({ t: 'd', v: 'not a date' })).toBeNull()
    expect(toCell({ t: 'e', v: 0x2a, w: '#N/A' })).toBe('#N/A')
    expect(toCell({ t: 'e', v: 0x07 })).toBe('#DIV/0!')
    expect(toCell({ t: 'e' })).toBeNull()
    expect(toCell({ t: 'z' })).toBeNull()
    expect(toCell(undefined)).toBeNull()
  })

  it('spots formulas saved without a value', () => {
    expect(isFormulaWithoutValue({ t: 'z', f: '1+1', v: 0 })).toBe(true)
    expect(isFormulaWithoutValue({ t: 'e', f: 'A1' })).toBe(true)
    expect(isFormulaWithoutValue({ t: 'n', f: '1+1', v: 2 })).toBe(false)
    expect(isFormulaWithoutValue({ t: 'z' })).toBe(false)
  })
})

describe('isBlankRow', () => {
  it('treats nulls and whitespace as blank, anything else as data', () => {
    expect(isBlankRow([])).toBe(true)
    expect(isBlankRow([null, ' ', '\t'])).toBe(true)
    expect(isBlankRow([null, 0])).toBe(false)
    expect(isBlankRow([false])).toBe(false)
  })
})

describe('cellToText', () => {
  it('shows dates as ISO, with a time only when there is one', () => {
    expect(cellToText(new Date(Date.UTC(2024, 0, 31)))).toBe('2024-01-31')
    expect(cellToText(new Date(Date.UTC(2024, 0, 31, 14, 30)))).toBe('2024-01-31 14:30')
    expect(cellToText(new Date(Date.UTC(2024, 0, 31, 14, 30, 5)))).toBe('2024-01-31 14:30:05')
    expect(cellToText(new Date(Date.UTC(1899, 11, 30, 9, 15)))).toBe('09:15')
  })

  it('shows numbers exactly, without float noise', () => {
    expect(cellToText(905551234567)).toBe('905551234567')
    expect(cellToText(0.1 + 0.2)).toBe('0.3')
    expect(cellToText(-1.5)).toBe('-1.5')
  })

  it('shows text, booleans and empties', () => {
    expect(cellToText('Ali')).toBe('Ali')
    expect(cellToText(true)).toBe('TRUE')
    expect(cellToText(null)).toBe('')
  })
})
