import { strToU8, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import * as XLSX from 'xlsx'
import { kindFromName, sniffFile } from './sniff.ts'
import { book, declareSize, encryptedOoxml, xlsx } from './workbook/test-fixtures.ts'

const rows = [['phone'], [905551234567]]
const csv = strToU8('name,phone\nAli,+905551234567\n')

describe('sniffFile', () => {
  it('tells kinds apart by their bytes', () => {
    expect(sniffFile(xlsx(rows))).toEqual({ ok: true, data: { kind: 'xlsx' } })
    expect(sniffFile(book([{ name: 'L', rows }], 'ods'))).toEqual({
      ok: true,
      data: { kind: 'ods' },
    })
    expect(sniffFile(book([{ name: 'L', rows }], 'biff8'))).toEqual({
      ok: true,
      data: { kind: 'xls' },
    })
    expect(sniffFile(book([{ name: 'L', rows }], 'biff5'))).toEqual({
      ok: true,
      data: { kind: 'xls' },
    })
    expect(sniffFile(csv)).toEqual({ ok: true, data: { kind: 'csv' } })
  })

  it('counts macro-enabled and binary workbooks as XLSX', () => {
    for (const bookType of ['xlsm', 'xlsb'] as const) {
      const bytes = book([{ name: 'L', rows }], bookType)
      expect(sniffFile(bytes, `leads.${bookType}`)).toEqual({ ok: true, data: { kind: 'xlsx' } })
    }
  })

  it('knows a bare BIFF2 worksheet, but not UTF-16 text that starts with a tab', () => {
    const biff2 = book([{ name: 'Sheet1', rows }], 'biff2')
    expect(biff2[0]).toBe(0x09)
    expect(sniffFile(biff2)).toEqual({ ok: true, data: { kind: 'xls' } })
    const utf16 = new Uint8Array([0x09, 0x00, 0x41, 0x00, 0x0a, 0x00])
    expect(sniffFile(utf16)).toEqual({ ok: true, data: { kind: 'csv' } })
  })

  it('notes an XLSX named .csv, and reads CSV bytes named .xlsx as text', () => {
    expect(sniffFile(xlsx(rows), 'leads.csv')).toEqual({
      ok: true,
      data: {
        kind: 'xlsx',
        note: 'leads.csv is actually an Excel workbook (XLSX); reading it as a workbook',
      },
    })
    expect(sniffFile(csv, 'Leads.XLSX')).toEqual({
      ok: true,
      data: { kind: 'csv', note: 'Leads.XLSX is actually a text (CSV) file; reading it as text' },
    })
  })

  it('adds no note when the extension agrees or says nothing', () => {
    expect(sniffFile(xlsx(rows), 'leads.xlsm')).toEqual({ ok: true, data: { kind: 'xlsx' } })
    expect(sniffFile(csv, 'leads.tsv')).toEqual({ ok: true, data: { kind: 'csv' } })
    expect(sniffFile(csv, 'leads')).toEqual({ ok: true, data: { kind: 'csv' } })
    expect(kindFromName('x.XLS')).toBe('xls')
    expect(kindFromName('notes.docx')).toBeUndefined()
  })

  it('refuses an empty file', () => {
    const r = sniffFile(new Uint8Array(0), 'leads.csv')
    expect(r).toMatchObject({ ok: false, error: { code: 'FILE_EMPTY' } })
  })

  it('says a password-protected workbook is encrypted', () => {
    const r = sniffFile(encryptedOoxml(), 'leads.xlsx')
    expect(r).toMatchObject({ ok: false, error: { code: 'FILE_ENCRYPTED' } })
    if (!r.ok) expect(r.error.message).toContain('File > Info > Protect Workbook')
  })

  it('says a truncated zip or a bare local header is damaged', () => {
    const cut = xlsx(rows).slice(0, 3000)
    expect(sniffFile(cut)).toMatchObject({ ok: false, error: { code: 'FILE_DAMAGED' } })
    const bare = new Uint8Array([0x50, 0x4b, 0x03, 0x04])
    expect(sniffFile(bare)).toMatchObject({ ok: false, error: { code: 'FILE_DAMAGED' } })
    const cfb = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])
    expect(sniffFile(cfb)).toMatchObject({ ok: false, error: { code: 'FILE_DAMAGED' } })
  })

  it('names files that are not spreadsheets', () => {
    const docx = zipSync({
      // A Word file with an embedded workbook names spreadsheetml too: the main part decides.
      '[Content_Types].xml': strToU8(
        '<Types><Default Extension="xlsx" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"/>' +
          '<Override ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      ),
      'word/document.xml': strToU8('<w:document/>'),
    })
    const zip = zipSync({ 'photo.txt': strToU8('hello') })
    const pdf = strToU8('%PDF-1.7\n...')
    const cases: [Uint8Array, string][] = [
      [docx, 'Word document'],
      [zip, 'zip archive'],
      [pdf, 'PDF document'],
    ]
    for (const [bytes, words] of cases) {
      const r = sniffFile(bytes, 'leads.xlsx')
      expect(r).toMatchObject({ ok: false, error: { code: 'FILE_FORMAT' } })
      if (!r.ok) expect(r.error.message).toContain(words)
    }
  })

  it('reads the content types of a zip without inflating its sheets', () => {
    // The sheet's deflate data is overwritten: inflating it would fail, peeking does not.
    const garbled = declareSize(xlsx(rows), 'xl/worksheets/sheet1.xml', 600, true)
    expect(sniffFile(garbled)).toEqual({ ok: true, data: { kind: 'xlsx' } })
  })

  it('sees through a CFB that holds a Word document', () => {
    const cfb = XLSX.CFB.utils.cfb_new()
    XLSX.CFB.utils.cfb_add(cfb, 'WordDocument', new Uint8Array(600))
    const bytes = new Uint8Array(XLSX.CFB.write(cfb, { type: 'array' }))
    expect(sniffFile(bytes)).toMatchObject({ ok: false, error: { code: 'FILE_FORMAT' } })
  })
})
