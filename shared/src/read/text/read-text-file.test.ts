import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { previewTextFile } from './preview-text-file.ts'
import { type ReadTextOptions, readTextFile, type TextSource } from './read-text-file.ts'
import { bytes, chunked, join, utf8, utf16 } from './test-helpers.ts'

type Row = { fields: string[]; line: number }

async function read(source: TextSource, options: Partial<ReadTextOptions> = {}) {
  const rows: Row[] = []
  const result = await readTextFile(source, {
    ...options,
    onRecord: (fields, line) => {
      rows.push({ fields, line })
    },
  })
  return { result, rows, fields: rows.map((r) => r.fields) }
}

// 'Şükrü Çağlayan' in windows-1254, byte by byte.
const SUKRU_1254 = [0xde, 0xfc, 'kr', 0xfc, ' ', 0xc7, 'a', 0xf0, 'layan'] as const

describe('readTextFile: the T-cases', () => {
  it('T01: strips the UTF-8 BOM, so the first header is exactly "name"', async () => {
    const { result, fields } = await read(
      join(bytes(0xef, 0xbb, 0xbf), utf8('name,phone\nAli,+905551234567')),
    )
    expect(fields).toEqual([
      ['name', 'phone'],
      ['Ali', '+905551234567'],
    ])
    expect(fields[0]?.[0]).toHaveLength(4)
    expect(result).toMatchObject({ ok: true, data: { encoding: 'utf-8', delimiter: ',' } })
  })

  it('T02: reads Excel "Unicode Text" (UTF-16 LE + BOM, tab-separated)', async () => {
    const text = 'name\tphone\r\nŞükrü\t+905321234567\r\n'
    const { result, fields } = await read(join(bytes(0xff, 0xfe), utf16(text)))
    expect(result).toMatchObject({ ok: true, data: { encoding: 'utf-16le', delimiter: '\t' } })
    expect(fields).toEqual([
      ['name', 'phone'],
      ['Şükrü', '+905321234567'],
    ])
    const le = join(bytes(0xff, 0xfe), utf16(text))
    for (let cut = 1; cut < le.length; cut++) {
      const split = await read(chunked(le, [cut, cut + 3]), { sampleBytes: 4, delimiter: '\t' })
      expect(split.fields).toEqual(fields)
    }
    const be = await read(utf16(text, true))
    expect(be.result).toMatchObject({ ok: true, data: { encoding: 'utf-16be' } })
    expect(be.fields).toEqual(fields)
  })

  it('T03: proposes windows-1254 for Turkish bytes; the text is exact, with no U+FFFD', async () => {
    const file = bytes('name;phone\r\n', ...SUKRU_1254, ';+905321234567\r\n')
    const { result, fields } = await read(file)
    expect(result).toMatchObject({
      ok: true,
      data: { encoding: 'windows-1254', delimiter: ';', replacementChars: 0, records: 2 },
    })
    expect(fields[1]).toEqual(['Şükrü Çağlayan', '+905321234567'])
    // The user may switch to 1252 and sees what that would import.
    const as1252 = await read(file, { encoding: 'windows-1252' })
    expect(as1252.fields[1]?.[0]).toBe('Þükrü Çaðlayan')
  })

  it('T04: windows-1252 € and ’ decode as a browser does; the import is not blocked', async () => {
    const { result, fields } = await read(bytes('name,note\r\nO', 0x92, 'Neil,', 0x80, '5\r\n'))
    expect(result).toMatchObject({ ok: true, data: { encoding: 'windows-1252' } })
    expect(fields[1]).toEqual(['O\u2019Neil', '\u20ac5'])
  })

  it('T05: ; with a decimal comma keeps "1,5" as text', async () => {
    const { result, fields } = await read(utf8('name;amount;phone\nA;1,5;+905321234567\n'))
    expect(result).toMatchObject({ ok: true, data: { delimiter: ';' } })
    expect(fields[1]).toEqual(['A', '1,5', '+905321234567'])
  })

  it('T06: a tab file with one data row gives exactly one row', async () => {
    const { result, fields } = await read(utf8('name\tphone\nAli\t+905321234567\n'))
    expect(result).toMatchObject({ ok: true, data: { delimiter: '\t', records: 2 } })
    expect(fields).toEqual([
      ['name', 'phone'],
      ['Ali', '+905321234567'],
    ])
  })

  it('T07: a quoted newline is one record, cited by the line it starts on', async () => {
    const { rows } = await read(utf8('name,phone\n"Ali\nVeli",+905321234567\nAyşe,+905551234567\n'))
    expect(rows).toEqual([
      { fields: ['name', 'phone'], line: 1 },
      { fields: ['Ali\nVeli', '+905321234567'], line: 2 },
      { fields: ['Ayşe', '+905551234567'], line: 4 },
    ])
  })

  it('T08: an unterminated quote blocks the file, naming its line', async () => {
    const { result } = await read(utf8('name,phone\n"Ali,+905321234567\nVeli,+905551234567\n'))
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error).toMatchObject({ code: 'UNTERMINATED_QUOTE', line: 2 })
      expect(result.error.message).toContain('line 2')
    }
  })

  it('T10: blank and whitespace-only lines are skipped and counted', async () => {
    const { result, rows } = await read(utf8('\r\nname,phone\r\n  \r\nAli,1\r\n,,\r\n\r\n'))
    expect(rows.map((r) => r.line)).toEqual([2, 4])
    expect(result).toMatchObject({ ok: true, data: { records: 2, blankLines: 4 } })
  })

  it('T31: multibyte characters split by chunk boundaries come out whole', async () => {
    const lines = ['name,phone']
    for (let i = 0; i < 2000; i++) {
      const name = i % 7 === 0 ? `"Çağlayan, Şükrü\n""${i}"""` : `Şükrü Çağlayan ığüşöç ${i}`
      lines.push(`${name},+90532${1000000 + i}`)
    }
    const file = utf8(`${lines.join('\n')}\n`)
    const whole = await read(file)
    expect(whole.result).toMatchObject({ ok: true, data: { replacementChars: 0, records: 2001 } })
    expect(whole.rows[1]).toEqual({ fields: ['Çağlayan, Şükrü\n"0"', '+905321000000'], line: 2 })
    const cuts = fc.array(fc.nat({ max: file.length }), { minLength: 1, maxLength: 60 })
    await fc.assert(
      fc.asyncProperty(cuts, async (at) => {
        const split = await read(chunked(file, at), { sampleBytes: 1000 })
        expect(split.result).toMatchObject({ ok: true, data: { replacementChars: 0 } })
        expect(split.rows).toEqual(whole.rows)
      }),
      { numRuns: 25 },
    )
  })
})

describe('readTextFile: bad input, streaming, cancellation', () => {
  it('T27: 0 bytes, a lone BOM or only blank lines: FILE_EMPTY', async () => {
    for (const file of [new Uint8Array(0), bytes(0xef, 0xbb, 0xbf), utf8('\n \r\n\t\n')]) {
      const { result } = await read(file)
      expect(result).toMatchObject({ ok: false, error: { code: 'FILE_EMPTY' } })
    }
  })

  it('refuses binary bytes with FILE_FORMAT', async () => {
    const zip = bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0x06, 0, 0x08, 0, 0, 0, 0x21, 0)
    const nul = Uint8Array.from({ length: 2048 }, (_, i) => (i % 3 === 0 ? 0 : 0x41 + (i % 7)))
    for (const file of [zip, nul]) {
      const { result, rows } = await read(file)
      expect(result).toMatchObject({ ok: false, error: { code: 'FILE_FORMAT' } })
      expect(rows).toEqual([])
    }
  })

  it('counts U+FFFD when bytes past the sample are not valid UTF-8', async () => {
    const file = join(
      utf8(`name,phone\n${'Ali,+905321234567\n'.repeat(10)}`),
      bytes('Caf', 0xe9, ',1\n'),
    )
    const { result, fields } = await read(file, { sampleBytes: 64 })
    expect(result).toMatchObject({ ok: true, data: { encoding: 'utf-8', replacementChars: 1 } })
    expect(fields.at(-1)).toEqual(['Caf\ufffd', '1'])
  })

  it('takes the user’s delimiter over the detected one', async () => {
    const { fields } = await read(utf8('a;b,c\n'), { delimiter: ',' })
    expect(fields).toEqual([['a;b', 'c']])
  })

  it('reads a ReadableStream and reports progress up to the file size', async () => {
    const file = utf8(`name,phone\n${'Ali,+905321234567\n'.repeat(5000)}`)
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let at = 0; at < file.length; at += 7000) controller.enqueue(file.slice(at, at + 7000))
        controller.close()
      },
    })
    const progress: number[] = []
    const { result } = await read(stream, { onProgress: (n) => progress.push(n) })
    expect(result).toMatchObject({ ok: true, data: { records: 5001, bytesRead: file.length } })
    expect(progress.at(-1)).toBe(file.length)
    expect(progress).toEqual([...progress].sort((a, b) => a - b))
  })

  it('rejects with an AbortError when the signal aborts mid-file', async () => {
    const controller = new AbortController()
    async function* slow() {
      for (let i = 0; i < 100; i++) {
        if (i === 3) controller.abort()
        yield utf8('Ali,+905321234567\n'.repeat(100))
      }
    }
    await expect(read(slow(), { signal: controller.signal })).rejects.toMatchObject({
      name: 'AbortError',
    })
  })

  it('previewTextFile returns the first records and stops reading the stream', async () => {
    let pulled = 0
    async function* big() {
      for (let i = 0; i < 1000; i++) {
        pulled++
        yield utf8(`name;phone\n${'Ayşe;+905321234567\n'.repeat(1000)}`.slice(i === 0 ? 0 : 11))
      }
    }
    const preview = await previewTextFile(big(), { maxRecords: 3 })
    expect(preview).toMatchObject({ ok: true, data: { delimiter: ';', stopped: true } })
    if (preview.ok) {
      expect(preview.data.rows).toEqual([
        { fields: ['name', 'phone'], line: 1 },
        { fields: ['Ayşe', '+905321234567'], line: 2 },
        { fields: ['Ayşe', '+905321234567'], line: 3 },
      ])
    }
    expect(pulled).toBeLessThan(5)
    const tab = await previewTextFile(utf8('a;b\tc\n'), { delimiter: '\t' })
    expect(tab.ok && tab.data.rows[0]?.fields).toEqual(['a;b', 'c'])
  })
})
