import { describe, expect, it } from 'vitest'
import { digitsFrom } from './digits.ts'
import {
  checkLength,
  countryPlan,
  INVALID_LENGTH,
  IS_POSSIBLE,
  TOO_LONG,
  TOO_SHORT,
} from './plan.ts'
import { scanned, scanPhone } from './scan.ts'

function scan(input: string): { digits: string; plus: boolean; ext: string } | null {
  return scanPhone(input) ? { digits: digitsFrom(0), plus: scanned.plus, ext: scanned.ext } : null
}

describe('scanPhone (the library parseInput() rules)', () => {
  it('keeps digits and a leading plus, drops punctuation and surrounding text', () => {
    expect(scan('+90 (532) 123-45.67')).toEqual({ digits: '905321234567', plus: true, ext: '' })
    expect(scan('Tel: 0532 123 45 67 (mobile)')).toEqual({
      digits: '05321234567',
      plus: false,
      ext: '',
    })
    expect(scan('0532\u00a0123\u201345 67')).toEqual({
      digits: '05321234567',
      plus: false,
      ext: '',
    })
  })

  it('needs three digits, or exactly two bare digits', () => {
    expect(scan('12')).toEqual({ digits: '12', plus: false, ext: '' })
    expect(scan('1 2')).toBeNull()
    expect(scan('+12')).toBeNull()
    expect(scan('1-2-3')).toEqual({ digits: '123', plus: false, ext: '' })
    expect(scan('12 ext 5')).toBeNull()
    expect(scan('123 ext 5')).toEqual({ digits: '123', plus: false, ext: '5' })
  })

  it('rejects a second plus, letters inside, and inputs over 250 characters', () => {
    expect(scan('+90 532 +123')).toBeNull()
    expect(scan('0532 ABC 4567')).toBeNull()
    expect(scan(`0532 123 45 67${' '.repeat(250)}`)).toBeNull()
  })

  it('takes an extension apart and normalises other digit scripts', () => {
    expect(scan('213 373 4253 ext. 12')).toEqual({ digits: '2133734253', plus: false, ext: '12' })
    expect(scan('٠٥٣٢ ١٢٣')).toEqual({ digits: '0532123', plus: false, ext: '' })
    // The library keeps only an ASCII plus: a full-width one is dropped.
    expect(scan('＋90 532 123')).toEqual({ digits: '90532123', plus: false, ext: '' })
  })
})

describe('checkLength (the library checkNumberLength())', () => {
  it('classifies against the plan’s possible lengths', () => {
    const tr = countryPlan('TR')
    if (tr === null) throw new Error('TR missing from metadata')
    expect(tr.lengths).toEqual([7, 10, 12, 13])
    expect(checkLength('123456', tr)).toBe(TOO_SHORT)
    expect(checkLength('1234567', tr)).toBe(IS_POSSIBLE)
    expect(checkLength('12345678', tr)).toBe(INVALID_LENGTH)
    expect(checkLength('1234567890', tr)).toBe(IS_POSSIBLE)
    expect(checkLength('12345678901234', tr)).toBe(TOO_LONG)
  })

  it('knows every supported country and no other', () => {
    expect(countryPlan('JE')?.cc.code).toBe('44')
    expect(countryPlan('XX')).toBeNull()
    expect(countryPlan('__proto__')).toBeNull()
  })
})
