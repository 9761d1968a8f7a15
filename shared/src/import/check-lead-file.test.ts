import { describe, expect, it } from 'vitest'
import * as XLSX from 'xlsx'
import { buildTargets } from '../mapping/fields.ts'
import type { ValidatedRow } from '../validate/validate-row.ts'
import { checkLeadFile } from './check-lead-file.ts'

const targets = buildTargets([{ key: 'customer_name', label: 'Name', required: true }])
const utf8 = (s: string) => new TextEncoder().encode(s)

async function check(bytes: Uint8Array, extra: Partial<Parameters<typeof checkLeadFile>[1]> = {}) {
  const rows: ValidatedRow[] = []
  const res = await checkLeadFile(
    bytes,
    { targets, format: { kind: 'national', country: 'TR' }, ...extra },
    (r) => {
      rows.push(r)
      return undefined
    },
  )
  return { res, rows }
}

describe('checkLeadFile', () => {
  it('reads a CSV with title rows, maps it and reports rows by their file line', async () => {
    const csv =
      'Lead list Q3\n\nAd Soyad;Telefon\nAyşe;0532 123 45 67\nAli;12345\nVeli;+90 532 123 45 67\n'
    const { res, rows } = await check(utf8(csv))
    if (!res.ok) throw new Error(res.error.message)
    expect(res.data.file).toMatchObject({ kind: 'csv', delimiter: ';', headerRow: 3, dataRows: 3 })
    expect(res.data.mapping).toMatchObject({ phone_number: 1, variables: { customer_name: 0 } })
    expect(res.data.summary).toMatchObject({ rows: 3, valid: 1, invalid: 2, duplicates_in_file: 1 })
    expect(rows.map((r) => [r.row, r.phone_e164, r.issues.map((i) => i.code)])).toEqual([
      [4, '+905321234567', []],
      [5, null, ['PHONE_INVALID']],
      [6, '+905321234567', ['DUPLICATE_IN_FILE']],
    ])
  })

  it('reads an XLSX whose header sits under title rows, with a number cell kept exact', async () => {
    const ws = XLSX.utils.aoa_to_sheet([
      ['Leads export'],
      [],
      ['Name', 'Mobile Phone'],
      ['Ayşe', 905321234567],
    ])
    const wb = XLSX.utils.book_new()
    XLSX.utils.book_append_sheet(wb, ws, 'Leads')
    const bytes = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer)
    const { res, rows } = await check(bytes, { fileName: 'leads.csv' })
    if (!res.ok) throw new Error(res.error.message)
    expect(res.data.file).toMatchObject({ kind: 'xlsx', sheet: 'Leads', headerRow: 3 })
    expect(res.data.file.notes.join(' ')).toMatch(/actually an Excel workbook/)
    expect(rows[0]).toMatchObject({ row: 4, phone_e164: '+905321234567' })
    expect(rows[0]?.issues.map((i) => i.code)).toEqual(['PHONE_FROM_NUMBER_CELL'])
  })

  it('takes the header row and mapping the user chose', async () => {
    const csv = 'phone,other\n+905321234567,+12133734253\n'
    const { res, rows } = await check(utf8(csv), {
      format: { kind: 'international' },
      mapping: {
        phone_number: 1,
        email: null,
        secondary_phones: [],
        variables: { customer_name: null },
      },
    })
    expect(res.ok).toBe(true)
    expect(rows[0]?.phone_e164).toBe('+12133734253')
  })

  it('refuses a header-only file with NO_DATA_ROWS and an empty one with FILE_EMPTY', async () => {
    const headerOnly = await check(utf8('name,phone\n'))
    expect(headerOnly.res).toMatchObject({ ok: false, error: { code: 'NO_DATA_ROWS' } })
    expect(headerOnly.rows).toEqual([])
    const empty = await check(new Uint8Array(0))
    expect(empty.res).toMatchObject({ ok: false, error: { code: 'FILE_EMPTY' } })
  })

  it('streams more rows than the sample window in order', async () => {
    const lines = ['name,phone']
    for (let i = 0; i < 100; i++) lines.push(`n${i},+1213373${String(4000 + i)}`)
    const { res, rows } = await check(utf8(lines.join('\n')), { format: { kind: 'international' } })
    expect(res.ok && res.data.summary.rows).toBe(100)
    expect(rows.map((r) => r.row)).toEqual(Array.from({ length: 100 }, (_, i) => i + 2))
  })

  it('reports progress as the file is read and stops when cancelled', async () => {
    const lines = ['name,phone']
    for (let i = 0; i < 60_000; i++) lines.push(`n${i},+1213373${String(1000 + (i % 9000))}`)
    const bytes = utf8(lines.join('\n'))
    const fractions: number[] = []
    const done = await check(bytes, {
      format: { kind: 'international' },
      onProgress: (f) => fractions.push(f),
    })
    expect(done.res.ok).toBe(true)
    expect(fractions.length).toBeGreaterThan(1)
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b))
    expect(fractions.at(-1)).toBe(1)

    const ctrl = new AbortController()
    let seen = 0
    const run = checkLeadFile(
      bytes,
      { targets, format: { kind: 'international' }, signal: ctrl.signal },
      () => {
        if (++seen === 100) ctrl.abort()
        return undefined
      },
    )
    await expect(run).rejects.toMatchObject({ name: 'AbortError' })
    expect(seen).toBeLessThan(60_000)
  })
})
