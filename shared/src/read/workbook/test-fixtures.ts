/**
 * Test-only builders of workbook fixtures: SheetJS writes the file, fflate rewrites parts of
 * the zip where a real-world producer (Excel, LibreOffice, an attacker) writes something else.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import * as XLSX from 'xlsx'
import { readWorkbook } from './read-workbook.ts'
import type { ReadWorkbookOptions, WorkbookRead } from './types.ts'

/** Reads a fixture that must succeed; a file error fails the test with its code and message. */
export async function readOk(bytes: Uint8Array, opts: ReadWorkbookOptions = {}) {
  const r = await readWorkbook(bytes, opts)
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`)
  return r.data
}

/** The cells of each row read. */
export const cellsOf = (r: WorkbookRead) => r.rows.map((row) => row.cells)

/** The Excel row number of each row read. */
export const numbersOf = (r: WorkbookRead) => r.rows.map((row) => row.rowNumber)

/** One sheet of a fixture workbook. */
export interface FixtureSheet {
  name: string
  rows: unknown[][]
  /** 1 = hidden, 2 = very hidden. */
  hidden?: 0 | 1 | 2
  /** 0-based row indexes hidden in Excel. */
  hiddenRows?: number[]
  /** Merges as A1 ranges, e.g. `A1:D1`. */
  merges?: string[]
}

/** Writes a workbook with SheetJS (`xlsx`, `biff8`, `biff5`, `biff2`, `ods`). */
export function book(sheets: FixtureSheet[], bookType: XLSX.BookType = 'xlsx'): Uint8Array {
  const wb = XLSX.utils.book_new()
  for (const s of sheets) {
    const ws = XLSX.utils.aoa_to_sheet(s.rows, { cellDates: true })
    if (s.hiddenRows) {
      const meta: XLSX.RowInfo[] = []
      for (const r of s.hiddenRows) meta[r] = { hidden: true }
      ws['!rows'] = meta
    }
    if (s.merges) ws['!merges'] = s.merges.map((m) => XLSX.utils.decode_range(m))
    XLSX.utils.book_append_sheet(wb, ws, s.name)
  }
  wb.Workbook = { Sheets: sheets.map((s) => ({ Hidden: s.hidden ?? 0 })) }
  // Excel deflates its parts; SheetJS stores them unless asked to compress.
  return new Uint8Array(
    XLSX.write(wb, { type: 'array', bookType, compression: true }) as ArrayBuffer,
  )
}

/** A one-sheet XLSX named `Leads`. */
export const xlsx = (rows: unknown[][]): Uint8Array => book([{ name: 'Leads', rows }])

/** Rewrites one text part of a zip (default: the first worksheet) and re-zips it. */
export function rewritePart(
  bytes: Uint8Array,
  edit: (xml: string) => string,
  path = 'xl/worksheets/sheet1.xml',
): Uint8Array {
  const files = unzipSync(bytes)
  const part = files[path]
  if (!part) throw new Error(`fixture has no ${path}`)
  files[path] = strToU8(edit(strFromU8(part)))
  return zipSync(files, { level: 6 })
}

/** Replaces one zip part with raw bytes (or removes it with `null`). */
export function replacePart(bytes: Uint8Array, path: string, content: Uint8Array | null) {
  const files = unzipSync(bytes)
  if (content) files[path] = new Uint8Array(content)
  else delete files[path]
  return zipSync(files, { level: 6 })
}

/** An encrypted OOXML package: a CFB holding `EncryptionInfo` and `EncryptedPackage`. */
export function encryptedOoxml(): Uint8Array {
  const cfb = XLSX.CFB.utils.cfb_new()
  // Agile encryption, version 4.4, as Excel writes it.
  const info = new Uint8Array(256)
  info.set([4, 0, 4, 0, 0x40, 0, 0, 0])
  XLSX.CFB.utils.cfb_add(cfb, 'EncryptionInfo', info)
  XLSX.CFB.utils.cfb_add(cfb, 'EncryptedPackage', new Uint8Array(8192).fill(0xa5))
  return new Uint8Array(XLSX.CFB.write(cfb, { type: 'array' }))
}

/** An XLSX whose first sheet is padded with `padBytes` of whitespace: a real, small zip bomb. */
export function whitespaceBomb(padBytes: number): Uint8Array {
  const files = unzipSync(xlsx([['phone'], ['+905551234567']]))
  const xml = strFromU8(files['xl/worksheets/sheet1.xml'] as Uint8Array)
  const cut = xml.indexOf('</worksheet>')
  const head = strToU8(xml.slice(0, cut))
  const tail = strToU8(xml.slice(cut))
  const sheet = new Uint8Array(head.length + padBytes + tail.length)
  sheet.set(head)
  sheet.fill(0x20, head.length, head.length + padBytes)
  sheet.set(tail, head.length + padBytes)
  files['xl/worksheets/sheet1.xml'] = sheet
  return zipSync(files, { level: 9 })
}

const u32 = (b: Uint8Array, i: number) =>
  ((b[i] ?? 0) | ((b[i + 1] ?? 0) << 8) | ((b[i + 2] ?? 0) << 16) | ((b[i + 3] ?? 0) << 24)) >>> 0

/**
 * Makes a zip lie: the central-directory entry `path` declares `declared` uncompressed bytes
 * and, with `garble`, its compressed data is overwritten so that inflating it would fail.
 */
export function declareSize(bytes: Uint8Array, path: string, declared: number, garble = false) {
  const out = bytes.slice()
  const name = strToU8(path)
  for (let i = 0; i + 46 < out.length; i++) {
    if (u32(out, i) !== 0x02014b50) continue
    const len = (out[i + 28] ?? 0) | ((out[i + 29] ?? 0) << 8)
    const here = out.subarray(i + 46, i + 46 + len)
    if (len !== name.length || !here.every((x, k) => x === name[k])) continue
    new DataView(out.buffer).setUint32(i + 24, declared, true)
    if (garble) {
      const local = u32(out, i + 42)
      const size = u32(out, i + 20)
      const start = local + 30 + ((out[local + 26] ?? 0) | ((out[local + 27] ?? 0) << 8))
      const extra = (out[local + 28] ?? 0) | ((out[local + 29] ?? 0) << 8)
      out.fill(0xff, start + extra, start + extra + size)
    }
    return out
  }
  throw new Error(`fixture has no central-directory entry ${path}`)
}

/**
 * A BIFF5 `.xls` saved with the Windows-1254 (Turkish) codepage holding `Şükrü Çağlayan`.
 * SheetJS writes BIFF5 text as 1252 ASCII only, so the bytes are patched in the `Book` stream.
 */
export function turkishBiff5(): Uint8Array {
  const placeholder = 'Sukru Caglayan'
  const cp1254 = [
    0xde, 0xfc, 0x6b, 0x72, 0xfc, 0x20, 0xc7, 0x61, 0xf0, 0x6c, 0x61, 0x79, 0x61, 0x6e,
  ]
  const bytes = book([{ name: 'Leads', rows: [['name'], [placeholder]] }], 'biff5')
  const cfb = XLSX.CFB.read(bytes, { type: 'array' })
  const stream = cfb.FileIndex.find((f: { name: string }) => f.name === 'Book')
  const d = stream.content as Uint8Array
  for (let i = 0; i + 4 <= d.length; ) {
    const id = (d[i] ?? 0) | ((d[i + 1] ?? 0) << 8)
    const len = (d[i + 2] ?? 0) | ((d[i + 3] ?? 0) << 8)
    if (id === 0x42) d.set([0xe6, 0x04], i + 4) // CODEPAGE record: 1254
    i += 4 + len
  }
  const at = new TextDecoder('latin1').decode(d).indexOf(placeholder)
  if (at < 0) throw new Error('placeholder not found in the BIFF5 stream')
  d.set(cp1254, at)
  return new Uint8Array(XLSX.CFB.write(cfb, { type: 'array' }))
}
