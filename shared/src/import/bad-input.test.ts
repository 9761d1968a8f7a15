// PRODUCT.md "Bad input": every case goes through the whole import core (checkLeadFile, as the
// worker, the server and the CLI call it) and must end in a clear message, never a throw.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { buildTargets } from '../mapping/fields.ts'
import {
  book,
  declareSize,
  encryptedOoxml,
  rewritePart,
  whitespaceBomb,
  xlsx,
} from '../read/workbook/test-fixtures.ts'
import type { ValidatedRow } from '../validate/validate-row.ts'
import { checkLeadFile } from './check-lead-file.ts'

const targets = buildTargets([{ key: 'customer_name', label: 'Name', required: false }])
const utf8 = (s: string) => new TextEncoder().encode(s)

async function check(bytes: Uint8Array, fileName = 'leads.csv') {
  const rows: ValidatedRow[] = []
  const res = await checkLeadFile(
    bytes,
    { fileName, targets, format: { kind: 'international' } },
    (r) => {
      rows.push(r)
      return undefined
    },
  )
  return { res, rows }
}

async function refusal(bytes: Uint8Array, fileName?: string) {
  const { res, rows } = await check(bytes, fileName)
  if (res.ok) throw new Error('expected the file to be refused')
  expect(rows).toEqual([])
  // A message says what is wrong and what to do: a sentence, not a code.
  expect(res.error.message.length).toBeGreaterThan(30)
  return res.error
}

describe('bad input (PRODUCT.md)', () => {
  it('an empty file', async () => {
    const e = await refusal(new Uint8Array(0))
    expect(e.code).toBe('FILE_EMPTY')
  })

  it('a header-only file, as CSV and as XLSX', async () => {
    expect((await refusal(utf8('phone,name\r\n'))).code).toBe('NO_DATA_ROWS')
    expect((await refusal(xlsx([['phone', 'name']]), 'leads.xlsx')).code).toBe('NO_DATA_ROWS')
  })

  it('an encrypted workbook', async () => {
    const e = await refusal(encryptedOoxml(), 'leads.xlsx')
    expect(e.code).toBe('FILE_ENCRYPTED')
    expect(e.message).toMatch(/password/i)
  })

  it('a damaged zip: cut short, or only a zip signature', async () => {
    const whole = xlsx([['phone'], ['+12133734253']])
    expect((await refusal(whole.slice(0, Math.floor(whole.length / 2)), 'x.xlsx')).code).toBe(
      'FILE_DAMAGED',
    )
    expect((await refusal(new Uint8Array([0x50, 0x4b, 0x03, 0x04]), 'x.xlsx')).code).toBe(
      'FILE_DAMAGED',
    )
  })

  it('a zip bomb, and one whose central directory lies about a huge size', async () => {
    expect((await refusal(whitespaceBomb(12 * 1024 * 1024), 'bomb.xlsx')).code).toBe(
      'FILE_TOO_LARGE',
    )
    const liar = declareSize(
      xlsx([['phone'], ['+12133734253']]),
      'xl/worksheets/sheet1.xml',
      3 * 1024 ** 3,
    )
    expect((await refusal(liar, 'liar.xlsx')).code).toBe('FILE_TOO_LARGE')
  })

  it('a sheet that declares a huge range reads only its real rows', async () => {
    // Written by SheetJS, then the <dimension> is rewritten (SheetJS itself would try to write
    // every cell of the claimed range).
    const bytes = rewritePart(xlsx([['phone'], ['+12133734253']]), (x) => {
      expect(x).toMatch(/<dimension ref="[^"]*"\/>/)
      return x.replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>')
    })
    const { res, rows } = await check(bytes, 'wide.xlsx')
    expect(res.ok).toBe(true)
    expect(rows.map((r) => r.phone_e164)).toEqual(['+12133734253'])
  })

  it('a 1 MB cell refuses that row with its length and keeps the others', async () => {
    const big = 'x'.repeat(1024 * 1024)
    const { res, rows } = await check(utf8(`phone,name\n+12133734253,${big}\n+12133734254,Jo\n`))
    expect(res.ok && res.data.summary).toMatchObject({ rows: 2, valid: 1, invalid: 1 })
    expect(rows[0]?.issues[0]).toMatchObject({ code: 'VALUE_TOO_LONG', field: 'customer_name' })
    expect(rows[0]?.issues[0]?.message).toContain('1,048,576')
    expect(rows[1]?.values.customer_name).toBe('Jo')
  })

  it('16,384 columns: the phone column is still found and read', async () => {
    const header = Array.from({ length: 16_384 }, (_, i) => `c${i}`)
    header[5] = 'phone'
    const row = header.map((_, i) => (i === 5 ? '+12133734253' : 'v'))
    const { res, rows } = await check(utf8(`${header.join(',')}\n${row.join(',')}\n`))
    expect(res.ok).toBe(true)
    expect(rows[0]?.phone_e164).toBe('+12133734253')
  })

  it('__proto__, constructor and toString headers are ordinary columns', async () => {
    const csv = '__proto__,constructor,toString,phone\n{"admin":true},ctor,str,+12133734253\n'
    const t = buildTargets([
      { key: 'toString', label: 'toString', required: false },
      { key: 'constructor', label: 'constructor', required: false },
    ])
    const rows: ValidatedRow[] = []
    const res = await checkLeadFile(
      utf8(csv),
      { targets: t, format: { kind: 'international' } },
      (r) => {
        rows.push(r)
        return undefined
      },
    )
    expect(res.ok && res.data.file.header).toEqual([
      '__proto__',
      'constructor',
      'toString',
      'phone',
    ])
    expect(rows[0]?.phone_e164).toBe('+12133734253')
    expect(Object.getPrototypeOf({})).toBe(Object.prototype)
    expect(({} as Record<string, unknown>).admin).toBeUndefined()
  })

  it('an unterminated quote stops the import at its line', async () => {
    const e = await refusal(
      utf8('name,phone\nAli,+12133734253\n"Veli,+12133734254\nAyşe,+12133734255\n'),
    )
    expect(e).toMatchObject({ code: 'UNTERMINATED_QUOTE', line: 3 })
  })

  it('no phone column', async () => {
    const e = await refusal(utf8('name,city\nAli,Ankara\n'))
    expect(e.code).toBe('NO_PHONE_COLUMN')
    expect(e.message).toContain('name, city')
  })

  it('a binary file that is not a spreadsheet', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])
    expect((await refusal(png, 'leads.csv')).code).toBe('FILE_FORMAT')
  })

  it('never throws on arbitrary bytes, and answers the same twice', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), async (bytes) => {
        const a = await check(bytes)
        const b = await check(bytes)
        expect(JSON.stringify(a)).toBe(JSON.stringify(b))
      }),
      { seed: 7, numRuns: 150 },
    )
  })

  it('never throws on CSV-like text', async () => {
    const csvish = fc.array(
      fc.constantFrom('a', '+', '1', '9', ',', ';', '"', '\n', '\r', ' ', 'ş', '0'),
      {
        maxLength: 400,
      },
    )
    await fc.assert(
      fc.asyncProperty(csvish, async (chars) => {
        await check(utf8(`phone,name\n${chars.join('')}`))
      }),
      { seed: 11, numRuns: 200 },
    )
  })

  it('a workbook with the sheet SheetJS drops is refused, not read as empty', async () => {
    const two = book([
      { name: 'A', rows: [['phone'], ['+12133734253']] },
      { name: 'B', rows: [['phone'], ['+12133734254']] },
    ])
    const { res } = await check(two, 'two.xlsx')
    expect(res.ok).toBe(true)
  })
})
