import { describe, expect, it } from 'vitest'
import { detectEncoding } from './detect-encoding.ts'
import { bytes, join, utf8, utf16 } from './test-helpers.ts'
import { TEXT_ENCODINGS } from './types.ts'

// 'Şükrü Çağlayan;+905321234567' in windows-1254, byte by byte.
const TURKISH_1254 = bytes(0xde, 0xfc, 'kr', 0xfc, ' ', 0xc7, 'a', 0xf0, 'layan;+905321234567\r\n')

describe('detectEncoding', () => {
  it('recognises BOMs', () => {
    expect(detectEncoding(join(bytes(0xef, 0xbb, 0xbf), utf8('name')))).toMatchObject({
      encoding: 'utf-8',
      bomLength: 3,
      reason: 'bom',
    })
    expect(detectEncoding(join(bytes(0xff, 0xfe), utf16('name')))).toMatchObject({
      encoding: 'utf-16le',
      bomLength: 2,
    })
    expect(detectEncoding(join(bytes(0xfe, 0xff), utf16('name', true)))).toMatchObject({
      encoding: 'utf-16be',
      bomLength: 2,
    })
  })

  it('recognises UTF-16 without a BOM by its NUL bytes', () => {
    const text = 'name\tphone\r\nŞükrü\t+905321234567\r\n'
    expect(detectEncoding(utf16(text))).toMatchObject({ encoding: 'utf-16le', bomLength: 0 })
    expect(detectEncoding(utf16(text, true)).encoding).toBe('utf-16be')
    expect(detectEncoding(utf16(text)).binary).toBe(false)
  })

  it('takes ASCII and valid UTF-8 as UTF-8, even when the sample ends mid-character', () => {
    expect(detectEncoding(utf8('name,phone\n')).reason).toBe('ascii')
    const tr = utf8('name\nŞükrü Çağlayan\n')
    expect(detectEncoding(tr)).toMatchObject({ encoding: 'utf-8', reason: 'utf8' })
    expect(detectEncoding(tr.subarray(0, 6)).encoding).toBe('utf-8')
  })

  it('T03: proposes windows-1254 for Turkish legacy bytes', () => {
    const g = detectEncoding(join(bytes('name;phone\r\n'), TURKISH_1254))
    expect(g).toMatchObject({ encoding: 'windows-1254', reason: 'legacy', binary: false })
    expect(g.alternatives[0]).toBe('windows-1252')
    // Dotless ı and ş alone (no ü ö ç) still read as Turkish.
    expect(detectEncoding(bytes('Y', 0xfd, 'lmaz Ayd', 0xfd, 'n;Ba', 0xfe, 'ak')).encoding).toBe(
      'windows-1254',
    )
  })

  it('T04: takes Western legacy bytes as windows-1252', () => {
    expect(detectEncoding(bytes('Caf', 0xe9, ';', 0x80, '5;O', 0x92, 'Neil')).encoding).toBe(
      'windows-1252',
    )
    // Icelandic Þ/ð with á/ó is Western, not Turkish.
    expect(detectEncoding(bytes(0xde, 0xf3, 'r Gu', 0xf0, 'mundsd', 0xf3, 'ttir')).encoding).toBe(
      'windows-1252',
    )
  })

  it('offers every other supported encoding as an alternative', () => {
    for (const sample of [utf8('a,b'), TURKISH_1254, utf16('a\tb')]) {
      const g = detectEncoding(sample)
      expect([g.encoding, ...g.alternatives].sort()).toEqual([...TEXT_ENCODINGS].sort())
    }
  })

  it('flags binary data: zip/OLE magic, NUL- and control-heavy bytes', () => {
    expect(detectEncoding(bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0)).binary).toBe(true)
    expect(detectEncoding(bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)).binary).toBe(true)
    const noise = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)
    expect(detectEncoding(noise).binary).toBe(true)
    expect(detectEncoding(bytes('a,b', 0, 'c\n', 'd,e,f\n', 'g,h,i\n', 'j,k,l\n')).binary).toBe(
      false,
    )
  })
})
