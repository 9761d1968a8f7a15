import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'
import * as XLSX from 'xlsx'
import type { Json } from '../test/temp-db.ts'
import { main } from './main.ts'

const dir = mkdtempSync(join(tmpdir(), 'leadport-cli-files-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function file(name: string, bytes: Uint8Array | string): string {
  const path = join(dir, name)
  writeFileSync(path, bytes)
  return path
}

/** Runs `leads ...args` in-process; returns the exit code and what it printed. */
async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = []
  const err: string[] = []
  const log = vi.spyOn(console, 'log').mockImplementation((...a) => void out.push(a.join(' ')))
  const error = vi.spyOn(console, 'error').mockImplementation((...a) => void err.push(a.join(' ')))
  try {
    const code = await main(args)
    return { code, out: out.join('\n'), err: err.join('\n') }
  } finally {
    log.mockRestore()
    error.mockRestore()
  }
}

function workbook(sheets: { name: string; rows: unknown[][]; hidden?: boolean }[]): Uint8Array {
  const wb = XLSX.utils.book_new()
  for (const s of sheets) XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(s.rows), s.name)
  wb.Workbook = { Sheets: sheets.map((s) => ({ Hidden: s.hidden ? 1 : 0 })) }
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer)
}

describe('leads check', () => {
  it('prints file, mapping (by header text), summary and every row with its issues', async () => {
    const path = file(
      'leads.csv',
      'Lead list Q3\n\nAd Soyad;Telefon;E-posta\nAyşe;0532 123 45 67;ayse@x.com\nAli;9.05551E+11;nope\nVeli;+90 532 123 45 67;\n',
    )
    const { code, out } = await run(
      'check',
      path,
      '--format',
      'national',
      '--country',
      'TR',
      '--variables',
      'customer_name!',
      '--json',
    )
    expect(code).toBe(0)
    const j: Json = JSON.parse(out)
    expect(j.file).toEqual({
      kind: 'csv',
      encoding: 'utf-8',
      delimiter: ';',
      sheet: null,
      headerRow: 3,
    })
    expect(j.mapping).toEqual({
      phone_number: 'Telefon',
      email: 'E-posta',
      variables: { customer_name: 'Ad Soyad' },
      secondary_phones: [],
    })
    expect(j.summary).toEqual({ rows: 3, valid: 1, invalid: 2, warnings: 0, duplicates_in_file: 1 })
    expect(j.rows[0]).toEqual({
      row: 4,
      phone_e164: '+905321234567',
      secondary_phones_e164: [],
      values: { customer_name: 'Ayşe', email: 'ayse@x.com' },
      issues: [],
    })
    expect(j.rows[1].issues.map((i: Json) => i.code)).toEqual([
      'PHONE_SCIENTIFIC_NOTATION',
      'EMAIL_INVALID',
    ])
    expect(j.rows[1].issues[0].message).toContain('Format the column as Text')
    expect(j.rows[2].issues[0]).toMatchObject({ code: 'DUPLICATE_IN_FILE', severity: 'error' })
  })

  it('reads a workbook on its first visible sheet, numbers from number cells exact', async () => {
    const path = file(
      'book.xlsx',
      workbook([
        { name: 'Secret', rows: [['phone'], ['+12133734253']], hidden: true },
        {
          name: 'Leads',
          rows: [
            ['Name', 'Mobile'],
            ['Ayşe', 905321234567],
          ],
        },
      ]),
    )
    const { code, out } = await run('check', path, '--country', 'TR', '--json')
    expect(code).toBe(0)
    const j: Json = JSON.parse(out)
    expect(j.file).toMatchObject({ kind: 'xlsx', sheet: 'Leads', headerRow: 1 })
    expect(j.rows[0].phone_e164).toBe('+905321234567')
    expect(j.rows[0].issues[0].code).toBe('PHONE_FROM_NUMBER_CELL')
  })

  it('exits 2 with { error } for a file-level refusal and for bad options', async () => {
    const empty = await run('check', file('empty.csv', ''), '--json')
    expect(empty.code).toBe(2)
    expect(JSON.parse(empty.out)).toEqual({
      error: { code: 'FILE_EMPTY', message: expect.any(String) },
    })
    const national = await run(
      'check',
      file('x.csv', 'phone\n1\n'),
      '--format',
      'national',
      '--json',
    )
    expect(national.code).toBe(2)
    expect(JSON.parse(national.out).error.message).toContain('--country')
    const missing = await run('check', join(dir, 'missing.csv'))
    expect(missing.code).toBe(2)
    expect(missing.err).toContain('No file at')
    const unknown = await run('check', file('y.csv', 'phone\n1\n'), '--colour', 'red')
    expect(unknown.code).toBe(2)
  })
})

describe('leads inspect', () => {
  it('reports a Windows-1254 Turkish CSV decoded, with its delimiter and rows as text', async () => {
    // "Ad;Telefon\nŞükrü;0532\n" in Windows-1254: Ş=0xDE ü=0xFC
    const bytes = new Uint8Array([
      0x41, 0x64, 0x3b, 0x54, 0x65, 0x6c, 0x65, 0x66, 0x6f, 0x6e, 0x0a, 0xde, 0xfc, 0x6b, 0x72,
      0xfc, 0x3b, 0x30, 0x35, 0x33, 0x32, 0x0a,
    ])
    const { code, out } = await run('inspect', file('tr.csv', bytes), '--json')
    expect(code).toBe(0)
    const j: Json = JSON.parse(out)
    expect(j).toMatchObject({
      kind: 'csv',
      encoding: 'windows-1254',
      delimiter: ';',
      sheets: [],
      sheet: null,
      headerRow: 1,
      header: ['Ad', 'Telefon'],
      rows: [['Şükrü', '0532']],
    })
  })

  it('lists sheets with their hidden flags and honours --sheet and --header-row', async () => {
    const path = file(
      'two.xlsx',
      workbook([
        { name: 'Hidden', rows: [['x']], hidden: true },
        { name: 'A', rows: [['title'], ['phone', 'name'], ['+12133734253', 'Jo']] },
      ]),
    )
    const { out } = await run('inspect', path, '--sheet', 'A', '--header-row', '2', '--json')
    const j: Json = JSON.parse(out)
    expect(j.sheets).toEqual([
      { name: 'Hidden', hidden: true },
      { name: 'A', hidden: false },
    ])
    expect(j).toMatchObject({
      sheet: 'A',
      headerRow: 2,
      header: ['phone', 'name'],
      rows: [['+12133734253', 'Jo']],
    })
  })
})
