import { parsePhoneNumberFromString } from 'libphonenumber-js/max'
import { describe, expect, it } from 'vitest'
import { type CountryCode, parsePhone } from './index.ts'

/** The reference: libphonenumber-js/max itself. */
function oracle(input: string, country?: CountryCode): { e164: string; ext?: string } | null {
  const p = parsePhoneNumberFromString(input, country)
  if (!p?.isValid()) return null
  return p.ext ? { e164: p.number, ext: p.ext } : { e164: p.number }
}

// Expected values are written out by hand (from LIBRARY-FACTS.md §1.3 and the numbering plans),
// then also checked against the library so a wrong hand value cannot hide a wrong port.
const CASES: [
  input: string,
  country: CountryCode | undefined,
  e164: string | null,
  ext?: string,
][] = [
  // Facts table, §1.3
  ['0555 123 45 67', 'TR', '+905551234567'],
  ['905551234567', 'TR', '+905551234567'],
  ['905551234567', undefined, null],
  ['5327654321', 'TR', '+905327654321'],
  ['9.05551E+11', 'TR', null],
  ['905551000000', 'TR', '+905551000000'],
  ['+1 213 373 4253 ext. 12', undefined, '+12133734253', '12'],
  ['(213) 373-4253 x12', 'US', '+12133734253', '12'],
  ['1-800-FLOWERS', 'US', null],
  ['1-800-356-9377', 'US', '+18003569377'],
  ['+90 212 123 45 67', undefined, '+902121234567'],
  ['0555 123 45 67, 0532 765 43 21', 'TR', null],
  ['Call me at +90 555 123 45 67', undefined, '+905551234567'],
  ['٠٥٥٥١٢٣٤٥٦٧', 'TR', '+905551234567'],
  ['０５５５１２３４５６７', 'TR', '+905551234567'],
  ['\u202a+90 555 123 45 67\u202c', undefined, '+905551234567'],
  ['+90 555\u200b123 45 67', undefined, '+905551234567'],
  ['+90 555 000 00 00', undefined, '+905550000000'],
  // Rules from the fast-normalisation brief
  ['+44 (0)7835 052951', undefined, '+447835052951'],
  ['+390212345678', undefined, '+390212345678'],
  ['02 1234 5678', 'IT', '+390212345678'],
  ['0090 532 123 45 67', 'TR', '+905321234567'],
  ['0090 532 123 45 67', undefined, null],
  ['011 44 20 7946 0958', 'US', '+442079460958'],
  ['+4989540x764', undefined, '+4989540', '764'],
  ['+90 532 123 45 67 +1', undefined, null],
  ['12', 'TR', null],
  ['8 (800) 555-35-35', 'RU', '+78005553535'],
  ['+7 800 555 35 35', undefined, '+78005553535'],
  ['011 15 2345-6789', 'AR', '+5491123456789'],
  ['+54 9 11 2345 6789', undefined, '+5491123456789'],
  ['0 21 11 91234 5678', 'BR', '+5511912345678'],
  ['01481 712345', 'GB', '+441481712345'],
  ['+44 1624 612345', undefined, '+441624612345'],
  ['+1 441 299 1234', undefined, '+14412991234'],
  ['4641234', 'AG', '+12684641234'],
  ['+800 1234 5678', undefined, '+80012345678'],
  ['030/123456', 'DE', '+4930123456'],
  ['+49 30 123456', undefined, '+4930123456'],
  // National prefix kept when the number matched before stripping and not after
  ['82094929448', 'BY', '+37582094929448'],
  ['9000865451', 'BR', '+559000865451'],
  ['0037667328164', 'JP', '+810037667328164'],
  ['00041661', 'UY', '+59800041661'],
  // Text after the number: an extension, or junk that kills it
  ['+90 532 123 45 67 a x12', undefined, null],
  ['0532 123~45 67', 'TR', '+905321234567'],
  ['0532~123~45~67', 'TR', null],
  ['+90 532 123 45 67 x12;isub=5', undefined, '+905321234567', '12'],
  ['+90 532 123 45 67, ext. 7', undefined, '+905321234567', '7'],
  ['+90 532 123 45 67,,9', undefined, '+905321234567', '9'],
  ['213-373-4253#', 'US', null],
  // Extensions read without the RegExp (scan.ts quickExtension), and those it hands back to it
  ['0532 123 45 67 x123', 'TR', '+905321234567', '123'],
  ['0532 123 45 67 X 9', 'TR', '+905321234567', '9'],
  ['0532 123 45 67 EXT:4501#', 'TR', '+905321234567', '4501'],
  ['0532 123 45 67 ext.,- 7', 'TR', '+905321234567', '7'],
  ['0532 123 45 67 x123456789', 'TR', '+905321234567', '123456789'],
  ['0532 123 45 67 x1234567890', 'TR', null],
  ['0532 123 45 67 ext12345678901234567890', 'TR', '+905321234567', '12345678901234567890'],
  ['0532 123 45 67 ext123456789012345678901', 'TR', null],
  ['0532 123 45 67 extn 5', 'TR', '+905321234567', '5'],
  ['0532 123 45 67 xt 5', 'TR', '+905321234567', '5'],
  ['0532 123 45 67 x-.5', 'TR', null],
  ['0532 123 45 67 x.-5', 'TR', '+905321234567', '5'],
  ['0532 123 45 67 x5##', 'TR', null],
  ['0532 123 45 67 x 5 (mobile)', 'TR', '+905321234567', '5'],
  ['0532 123 45 67 e 7', 'TR', null],
  ['0532 123 45 67 x\t5', 'TR', '+905321234567', '5'],
  ['0532 123 45 67 x\uff15', 'TR', '+905321234567', '\uff15'],
  ['+90 532 123 45 67 ,x5', undefined, '+905321234567', '5'],
  ['0532 123 45 67 ext', 'TR', '+905321234567'],
  ['12 x5', 'TR', null],
  // IDD prefix and calling code read from the scanned digits without building them (digits.ts)
  ['0090 (532) 123-45-67', 'TR', '+905321234567'],
  ['00 0532 123 45 67', 'TR', null],
  ['0090', 'TR', null],
  ['009', 'TR', null],
  ['(90) 532 123 45 67', 'TR', '+905321234567'],
  ['', 'TR', null],
  ['+', undefined, null],
  ['+0 532 123 45 67', undefined, null],
  [`+90 532 123 45 67${' '.repeat(240)}`, undefined, null],
]

describe('parsePhone', () => {
  it.each(CASES)('%j with %s', (input, country, e164, ext) => {
    const expected = e164 === null ? null : ext ? { e164, ext } : { e164 }
    expect(parsePhone(input, country)).toEqual(expected)
    expect(oracle(input, country)).toEqual(expected)
  })

  it('drops an unknown default country like the library', () => {
    expect(parsePhone('+90 532 123 45 67', 'XX' as CountryCode)).toEqual({ e164: '+905321234567' })
    expect(parsePhone('0532 123 45 67', 'XX' as CountryCode)).toBeNull()
  })

  it('reads RFC 3966 numbers with a phone-context', () => {
    // The library answers these differently on consecutive calls (a 'g'-flagged RegExp keeps
    // lastIndex); the port answers like its first call, every time.
    const input = 'tel:253-0000;phone-context=+1-213'
    const first = oracle(input)
    expect(parsePhone(input)).toEqual(first)
    expect(parsePhone(input)).toEqual(first)
    expect(first).toEqual({ e164: '+12132530000' })
    expect(parsePhone('tel:12133734253;phone-context=')).toBeNull()
  })

  it('reads digits past the 256 the scanner buffers (RFC 3966 has no length limit)', () => {
    // Expected values are the library's answers on a first phone-context call (see above).
    expect(parsePhone(`tel:${'5'.repeat(300)};phone-context=+90`)).toBeNull()
    const longContext = `tel:2125550123;phone-context=+1${'-'.repeat(300)}`
    expect(parsePhone(longContext)).toEqual({ e164: '+12125550123' })
  })
})
