import { describe, expect, it } from 'vitest'
import { CsvParser } from './csv-parser.ts'
import { fieldsOf, parseText } from './test-helpers.ts'

describe('CsvParser: fields and lines', () => {
  it('splits plain records and ends lines at LF, CRLF and CR alike', () => {
    for (const nl of ['\n', '\r\n', '\r']) {
      const out = parseText(`name,phone${nl}Ali,+905321234567${nl}Veli,+905551234567${nl}`)
      expect(out.records).toEqual([
        { fields: ['name', 'phone'], line: 1 },
        { fields: ['Ali', '+905321234567'], line: 2 },
        { fields: ['Veli', '+905551234567'], line: 3 },
      ])
    }
  })

  it('reads the last record without a final newline, and a trailing delimiter as an empty field', () => {
    expect(fieldsOf('a,b\nc,d')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ])
    expect(fieldsOf('a,b,\nc,')).toEqual([
      ['a', 'b', ''],
      ['c', ''],
    ])
  })

  it('keeps ragged rows as they are (validation reports them)', () => {
    expect(fieldsOf('a,b,c\nd\ne,f,g,h\n')).toEqual([['a', 'b', 'c'], ['d'], ['e', 'f', 'g', 'h']])
  })

  it('unquotes, unescapes "" and keeps delimiters and line breaks inside quotes', () => {
    expect(fieldsOf('"Doğan, Kaya",+90\n"He said ""hi""",""\n')).toEqual([
      ['Doğan, Kaya', '+90'],
      ['He said "hi"', ''],
    ])
  })

  it('T07: a quoted line break stays in the field; lines count from where each record starts', () => {
    const out = parseText('name,phone\n"Ali\nVeli",+90532\r\n"x\r\ny\rz",1\nlast,2\n')
    expect(out.records).toEqual([
      { fields: ['name', 'phone'], line: 1 },
      { fields: ['Ali\nVeli', '+90532'], line: 2 },
      { fields: ['x\r\ny\rz', '1'], line: 4 },
      { fields: ['last', '2'], line: 7 },
    ])
  })

  it('accepts stray quotes leniently, like PapaParse', () => {
    // Mid-field quotes are text; a quote inside a quoted field not followed by a delimiter
    // or line end is text too; spaces between a closing quote and the delimiter are dropped.
    expect(fieldsOf('Al"i,5"\n"a"b",c\n"x"  ,y\n"q" \n')).toEqual([
      ['Al"i', '5"'],
      ['a"b', 'c'],
      ['x', 'y'],
      ['q'],
    ])
    expect(fieldsOf('"a" b",c\n')).toEqual([['a" b', 'c']])
    expect(fieldsOf(' "a",b\n')).toEqual([[' "a"', 'b']])
  })

  it('T08: an unterminated quote fails with the line where the quoted value starts', () => {
    const out = parseText('name,phone\n"Ali,+905321234567\nVeli,+905551234567\n')
    expect(out.error).toEqual({ code: 'UNTERMINATED_QUOTE', line: 2 })
    const parser = new CsvParser(',', () => {})
    parser.push('a\n\n"open')
    const res = parser.finish()
    expect(res.ok).toBe(false)
    if (!res.ok) {
      expect(res.error.line).toBe(3)
      expect(res.error.message).toMatch(/line 3/)
      expect(res.error.message).toMatch(/closing "/)
    }
  })

  it('T10: skips and counts blank, whitespace-only and empty-field lines; no phantom rows', () => {
    const out = parseText('\n  \nname,phone\n\n,,\n\t \u00a0\nAli,1\n" ",""\n\n')
    expect(out.records).toEqual([
      { fields: ['name', 'phone'], line: 3 },
      { fields: ['Ali', '1'], line: 7 },
    ])
    expect(out.blankLines).toBe(7)
    expect(parseText('a\r\n\r\n\r\nb').blankLines).toBe(2)
  })

  it('treats __proto__ and constructor as plain strings', () => {
    const rows = fieldsOf('__proto__,constructor,toString\n__proto__,{"a":1},hasOwnProperty\n')
    expect(rows[1]).toEqual(['__proto__', '{"a":1}', 'hasOwnProperty'])
    expect(Object.getPrototypeOf(rows[0])).toBe(Array.prototype)
    expect(({} as Record<string, unknown>).a).toBeUndefined()
  })

  it('handles other delimiters, with commas as plain text', () => {
    expect(fieldsOf('name;amount;phone\nA;1,5;+90\n', ';')).toEqual([
      ['name', 'amount', 'phone'],
      ['A', '1,5', '+90'],
    ])
    expect(fieldsOf('a\tb, c\n"x\ty"\tz\n', '\t')).toEqual([
      ['a', 'b, c'],
      ['x\ty', 'z'],
    ])
    expect(fieldsOf('a|b\n', '|')).toEqual([['a', 'b']])
  })

  it('stops when the callback returns false', () => {
    const seen: string[] = []
    const parser = new CsvParser(',', (f) => seen.push(f[0] as string) < 2)
    parser.push('a\nb\nc\n"d\n')
    parser.push('e\n')
    expect(parser.finish().ok).toBe(true)
    expect(seen).toEqual(['a', 'b'])
    expect(parser.stopped).toBe(true)
  })
})

describe('CsvParser: big input', () => {
  it('reads a 1 MiB quoted and unquoted field, pushed in 64 KiB pieces', () => {
    const big = 'x'.repeat(1 << 20)
    const text = `name,notes\n"${big}""q",${big}\nend,1\n`
    const cuts = Array.from({ length: 40 }, (_, i) => (i + 1) * 65536)
    const out = parseText(text, ',', cuts)
    expect(out.records.map((r) => r.fields.map((f) => f.length))).toEqual([
      [4, 5],
      [(1 << 20) + 2, 1 << 20],
      [3, 1],
    ])
    expect(out.records[2]?.line).toBe(3)
  })

  it('reads 16,384 columns', () => {
    const header = Array.from({ length: 16384 }, (_, i) => `c${i}`).join(',')
    const out = parseText(`${header}\n${header}\n`)
    expect(out.records).toHaveLength(2)
    expect(out.records[1]?.fields).toHaveLength(16384)
    expect(out.records[1]?.fields[16383]).toBe('c16383')
  })
})

describe('CsvParser: chunk boundaries', () => {
  const tricky =
    'name,"note"\r\n"Şükrü ""Ş"" Çağlayan","a,b\r\nc"\r\n\r\n  \rAl"i,"x"  ,y\r"q"\n' +
    '"",""\n"end" ,"z\n\n"\r\n,,\rlast,"t"'

  it('gives identical output for every single split point', () => {
    const whole = parseText(tricky)
    expect(whole.error).toBeUndefined()
    expect(whole.records).toEqual([
      { fields: ['name', 'note'], line: 1 },
      { fields: ['Şükrü "Ş" Çağlayan', 'a,b\r\nc'], line: 2 },
      { fields: ['Al"i', 'x', 'y'], line: 6 },
      { fields: ['q'], line: 7 },
      { fields: ['end', 'z\n\n'], line: 9 },
      { fields: ['last', 't'], line: 13 },
    ])
    expect(whole.blankLines).toBe(4)
    for (let cut = 1; cut < tricky.length; cut++) {
      expect(parseText(tricky, ',', [cut]), `cut at ${cut}`).toEqual(whole)
    }
  })

  it('gives identical output for every pair of split points', () => {
    const whole = parseText(tricky)
    for (let a = 1; a < tricky.length; a++) {
      for (let b = a + 1; b < tricky.length; b++) {
        const out = parseText(tricky, ',', [a, b])
        if (JSON.stringify(out) !== JSON.stringify(whole)) {
          expect(out, `cuts at ${a}, ${b}`).toEqual(whole)
        }
      }
    }
  })

  it('reports the same unterminated-quote line wherever the text is cut', () => {
    const text = 'a,b\r\n"c\r\nd\re'
    for (let cut = 0; cut <= text.length; cut++) {
      expect(parseText(text, ',', [cut]).error).toEqual({ code: 'UNTERMINATED_QUOTE', line: 2 })
    }
  })
})
