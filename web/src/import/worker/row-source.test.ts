import { CsvParser, createStreamDecoder, type TextEncoding } from '@leadport/shared'
import { describe, expect, it } from 'vitest'
import { cellsOf, lineStarts, readRows, type TextRowSource } from './row-source.ts'

// Every record of a whole-file parse, with the line it starts on (the header included).
function parseAll(bytes: Uint8Array, encoding: TextEncoding) {
  const records: { fields: string[]; line: number }[] = []
  const parser = new CsvParser(',', (fields, line) => {
    records.push({ fields, line })
  })
  parser.push(createStreamDecoder(encoding).decode(bytes, true))
  expect(parser.finish().ok).toBe(true)
  return records
}

function utf16(text: string, bigEndian: boolean): Uint8Array {
  const out = new Uint8Array(text.length * 2)
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    out[i * 2 + (bigEndian ? 1 : 0)] = c & 0xff
    out[i * 2 + (bigEndian ? 0 : 1)] = c >>> 8
  }
  return out
}

// Line ends of every kind, quoted line breaks, blank lines, a U+FEFF starting a row, a BOM.
const TEXT =
  '\ufeffname,phone\r\n' +
  'Ayşe,+905321000001\r\n' +
  '"Multi\r\nline\nname",+905321000002\n' +
  '\n' +
  '\ufeffZero width,+905321000003\r' +
  '"quoted ""x""",+905321000004\r\n' +
  '   \n' +
  'Last,+905321000005'

const CASES: [TextEncoding, Uint8Array][] = [
  ['utf-8', new TextEncoder().encode(TEXT)],
  ['utf-16le', utf16(TEXT, false)],
  ['utf-16be', utf16(TEXT, true)],
  [
    'windows-1254',
    Uint8Array.from(TEXT.replace(/\ufeff/g, '').replace('ş', '\u00fe'), (ch) => ch.charCodeAt(0)),
  ],
]

describe('rows read again from the bytes', () => {
  it('counts lines as the CSV parser does: CRLF, LF and CR', () => {
    expect([...lineStarts(new TextEncoder().encode('a\r\nb\rc\n\nd'), 'utf-8')]).toEqual([
      0, 3, 5, 7, 8,
    ])
  })

  for (const [encoding, bytes] of CASES) {
    it(`gives the cells of a whole-file parse (${encoding})`, () => {
      const [, ...rows] = parseAll(bytes, encoding)
      const rowNumbers = Int32Array.from(rows, (r) => r.line)
      const source: TextRowSource = { bytes, encoding, delimiter: ',', lineStarts: null }
      for (let i = 0; i < rows.length; i++) {
        expect(readRows(source, rowNumbers, i, i)).toEqual([rows[i]?.fields])
      }
      expect(readRows(source, rowNumbers, 0, rows.length - 1)).toEqual(rows.map((r) => r.fields))
      expect(readRows(source, rowNumbers, 1, 2)).toEqual([rows[1]?.fields, rows[2]?.fields])
    })
  }

  it('keeps cells it has and reads the others', () => {
    const bytes = new TextEncoder().encode('h,p\na,1\nb,2\nc,3\n')
    const source: TextRowSource = { bytes, encoding: 'utf-8', delimiter: ',', lineStarts: null }
    const c = { cells: [null, ['edited', '9'], null], rowNumbers: Int32Array.of(2, 3, 4), source }
    expect(cellsOf(c, 0, 2)).toEqual([
      ['a', '1'],
      ['edited', '9'],
      ['c', '3'],
    ])
    expect(cellsOf(c, 2)).toEqual([['c', '3']])
  })

  it('fails loudly when the bytes do not give the rows asked for', () => {
    const bytes = new TextEncoder().encode('h,p\na,1\nb,2\n')
    const source: TextRowSource = { bytes, encoding: 'utf-8', delimiter: ',', lineStarts: null }
    expect(() => readRows(source, Int32Array.of(2, 4), 0, 1)).toThrow(/could not be read again/)
  })
})
