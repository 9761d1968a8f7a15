import { describe, expect, it } from 'vitest'
import { expandLiterals, matchLiteralPrefix } from './literals.ts'

describe('expandLiterals', () => {
  it('expands finite digit patterns in RegExp order', () => {
    expect(expandLiterals('268')).toEqual(['268'])
    expect(expandLiterals('0|180020')).toEqual(['0', '180020'])
    expect(expandLiterals('8001|8[024]9')).toEqual(['8001', '809', '829', '849'])
    expect(expandLiterals('74576|(?:16|7[56])24')).toEqual(['74576', '1624', '7524', '7624'])
    expect(expandLiterals('[3-5]')).toEqual(['3', '4', '5'])
  })

  it('refuses quantifiers, escapes, capturing groups and huge languages', () => {
    for (const p of [
      '0|80?',
      '\\d',
      '(1)',
      '1[03-79]|[2-9]\\d',
      '[0-9][0-9][0-9]',
      '0{2}',
      '[a-c]',
      '(?:1',
    ]) {
      expect(expandLiterals(p)).toBeNull()
    }
  })
})

describe('matchLiteralPrefix', () => {
  it('gives the length of the first literal that starts the text, like a RegExp at 0', () => {
    const gb = expandLiterals('0|180020') as string[]
    expect(matchLiteralPrefix('07835052951', gb)).toBe(1)
    expect(matchLiteralPrefix('1800207835052951', gb)).toBe(6)
    expect(matchLiteralPrefix('7835052951', gb)).toBe(-1)
    expect(matchLiteralPrefix('1234', [''])).toBe(0)
  })
})
