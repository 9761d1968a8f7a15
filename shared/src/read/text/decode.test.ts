import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { countReplacementChars, createStreamDecoder } from './decode.ts'
import { LEGACY_TABLES } from './legacy-tables.ts'
import { bytes, join, utf8, utf16 } from './test-helpers.ts'
import type { TextEncoding } from './types.ts'

function decodeCut(encoding: TextEncoding, data: Uint8Array, cuts: number[]): string {
  const d = createStreamDecoder(encoding)
  let out = ''
  let from = 0
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    if (cut <= from || cut >= data.length) continue
    out += d.decode(data.subarray(from, cut))
    from = cut
  }
  return out + d.decode(data.subarray(from), true)
}

describe('windows-1252 / windows-1254 tables (WHATWG, as browsers decode)', () => {
  it('T04: 1252 reads 0x80 as € and 0x92 as ’ (Node’s own decoder gets both wrong)', () => {
    const text = decodeCut('windows-1252', bytes('Caf', 0xe9, ' ', 0x80, '5 O', 0x92, 'Neil'), [])
    expect(text).toBe('Café €5 O\u2019Neil')
  })

  it('1252 maps 0x80-0x9F per the WHATWG index and 0xA0-0xFF to the same code point', () => {
    const t = LEGACY_TABLES['windows-1252']
    expect([t[0x80], t[0x81], t[0x8a], t[0x8e], t[0x8d], t[0x9c], t[0x9e], t[0x9f]]).toEqual([
      0x20ac, 0x81, 0x160, 0x17d, 0x8d, 0x153, 0x17e, 0x178,
    ])
    for (let b = 0; b < 0x80; b++) expect(t[b]).toBe(b)
    for (let b = 0xa0; b < 0x100; b++) expect(t[b]).toBe(b)
  })

  it('1254 is 1252 except Ğ İ Ş ğ ı ş in six slots and no Ž/ž', () => {
    const a = LEGACY_TABLES['windows-1252']
    const b = LEGACY_TABLES['windows-1254']
    const differ: number[] = []
    for (let i = 0; i < 256; i++) if (a[i] !== b[i]) differ.push(i)
    expect(differ).toEqual([0x8e, 0x9e, 0xd0, 0xdd, 0xde, 0xf0, 0xfd, 0xfe])
    expect(String.fromCharCode(...differ.slice(2).map((i) => b[i] as number))).toBe('ĞİŞğış')
  })

  it('1254 matches a correct decoder byte for byte (Node’s windows-1254 is right, §1.6)', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i)
    expect(decodeCut('windows-1254', all, [7, 130])).toBe(
      new TextDecoder('windows-1254').decode(all),
    )
  })
})

describe('streaming decode across chunk boundaries', () => {
  const sample = '\ufeffname\tŞükrü Çağlayan 😀 €\r\n'

  it('UTF-8 and UTF-16 LE/BE: every cut point gives the one-shot text', () => {
    const cases: Array<[TextEncoding, Uint8Array]> = [
      ['utf-8', utf8(sample)],
      ['utf-16le', utf16(sample)],
      ['utf-16be', utf16(sample, true)],
    ]
    for (const [encoding, data] of cases) {
      const whole = sample.slice(1)
      for (let a = 0; a <= data.length; a++) {
        expect(decodeCut(encoding, data, [a]), `${encoding} cut ${a}`).toBe(whole)
        expect(decodeCut(encoding, data, [a, a + 1, a + 2])).toBe(whole)
      }
    }
  })

  it('UTF-8: strips the BOM at the start only, keeps U+FEFF later', () => {
    const data = join(utf8('\ufeffa'), utf8('\ufeffb'))
    for (let a = 0; a <= data.length; a++) expect(decodeCut('utf-8', data, [a])).toBe('a\ufeffb')
  })

  it('UTF-8 with invalid bytes decodes like one TextDecoder call, wherever it is cut', () => {
    const part = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 6 }).map(utf8),
      fc.uint8Array({ maxLength: 4 }),
      fc.constantFrom(bytes(0xe2, 0x82), bytes(0xf0, 0x9f, 0x98), bytes(0xc3), bytes(0xed, 0xa0)),
    )
    const input = fc.array(part, { maxLength: 8 }).map((ps) => join(...ps))
    const cuts = fc.array(fc.nat({ max: 60 }), { maxLength: 6 })
    fc.assert(
      fc.property(input, cuts, (data, at) => {
        expect(decodeCut('utf-8', data, at)).toBe(new TextDecoder().decode(data))
      }),
      { numRuns: 800 },
    )
  })

  it('counts U+FFFD left by undecodable bytes', () => {
    const text = decodeCut('utf-8', bytes('Caf', 0xe9, ' ', 0x80), [])
    expect(text).toBe('Caf\ufffd \ufffd')
    expect(countReplacementChars(text)).toBe(2)
    expect(countReplacementChars('ok')).toBe(0)
  })
})
