// A lead workbook for the XLSX benchmarks, written the way Excel writes one (a shared-string
// table for every text cell, deflated parts) but fast: SheetJS needs ~90 s and 2.6 GB to write
// 1M rows. Rows come from the pipeline's lead CSV; every 10th phone is a number cell, as when
// a CRM export went through Excel. Cached in the temp folder per row count.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import Papa from 'papaparse'
import { generateLeadFile } from './lead-file.ts'

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
const col = (c: number) => String.fromCharCode(65 + c)

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'
const ROOT_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
const WORKBOOK =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr/><sheets><sheet name="Leads" sheetId="1" r:id="rId1"/></sheets></workbook>'
const BOOK_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>'
const STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>'

/** A zip of deflated parts (node:zlib: fflate's pure-JS deflate takes minutes at 1M rows). */
function zipParts(parts: [string, Buffer][]): Buffer {
  const local: Buffer[] = []
  const central: Buffer[] = []
  let offset = 0
  for (const [name, data] of parts) {
    const packed = zlib.deflateRawSync(data, { level: 6 })
    const nameBytes = Buffer.from(name)
    const head = Buffer.alloc(30)
    head.writeUInt32LE(0x04034b50, 0)
    head.writeUInt16LE(20, 4)
    head.writeUInt16LE(0x800, 6)
    head.writeUInt16LE(8, 8)
    head.writeUInt32LE(zlib.crc32(data), 14)
    head.writeUInt32LE(packed.length, 18)
    head.writeUInt32LE(data.length, 22)
    head.writeUInt16LE(nameBytes.length, 26)
    const dir = Buffer.alloc(46)
    dir.writeUInt32LE(0x02014b50, 0)
    dir.writeUInt16LE(20, 4)
    dir.writeUInt16LE(20, 6)
    head.copy(dir, 8, 6, 30) // flags, method, time, date, crc, sizes, name length
    dir.writeUInt32LE(offset, 42)
    local.push(head, nameBytes, packed)
    central.push(dir, nameBytes)
    offset += head.length + nameBytes.length + packed.length
  }
  const size = central.reduce((n, b) => n + b.length, 0)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(parts.length, 8)
  end.writeUInt16LE(parts.length, 10)
  end.writeUInt32LE(size, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...local, ...central, end])
}

/** Writes the n-row workbook (cached) and returns its path. */
export function leadWorkbookPath(n: number): string {
  const dir = path.join(os.tmpdir(), 'leadport-bench')
  const file = path.join(dir, `leads-${n}.xlsx`)
  if (existsSync(file)) return file
  mkdirSync(dir, { recursive: true })
  const rows = Papa.parse<string[]>(generateLeadFile(n), { skipEmptyLines: 'greedy' }).data
  const index = new Map<string, number>()
  const strings: string[] = []
  const sst = (s: string) => {
    let i = index.get(s)
    if (i === undefined) {
      i = strings.length
      index.set(s, i)
      strings.push(s)
    }
    return i
  }
  const parts: [string, Buffer][] = [
    ['[Content_Types].xml', Buffer.from(CONTENT_TYPES)],
    ['_rels/.rels', Buffer.from(ROOT_RELS)],
    ['xl/workbook.xml', Buffer.from(WORKBOOK)],
    ['xl/_rels/workbook.xml.rels', Buffer.from(BOOK_RELS)],
    ['xl/styles.xml', Buffer.from(STYLES)],
  ]
  const width = rows[0]?.length ?? 0
  const sheet: Buffer[] = [
    Buffer.from(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:' +
        `${col(width - 1)}${rows.length}"/><sheetData>`,
    ),
  ]
  let piece: string[] = []
  rows.forEach((row, r) => {
    const n1 = r + 1
    let xml = `<row r="${n1}">`
    row.forEach((v, c) => {
      if (v === '') return
      const ref = `${col(c)}${n1}`
      if (c === 2 && r % 10 === 5 && /^\d{7,15}$/.test(v)) xml += `<c r="${ref}"><v>${v}</v></c>`
      else xml += `<c r="${ref}" t="s"><v>${sst(v)}</v></c>`
    })
    piece.push(`${xml}</row>`)
    if (piece.length === 10_000) {
      sheet.push(Buffer.from(piece.join('')))
      piece = []
    }
  })
  sheet.push(Buffer.from(`${piece.join('')}</sheetData></worksheet>`))
  parts.push(['xl/worksheets/sheet1.xml', Buffer.concat(sheet)])
  const sst1: Buffer[] = [
    Buffer.from(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
        `count="${strings.length}" uniqueCount="${strings.length}">`,
    ),
  ]
  for (let i = 0; i < strings.length; i += 10_000) {
    const part = strings.slice(i, i + 10_000).map((s) => `<si><t>${esc(s)}</t></si>`)
    sst1.push(Buffer.from(part.join('')))
  }
  sst1.push(Buffer.from('</sst>'))
  parts.push(['xl/sharedStrings.xml', Buffer.concat(sst1)])
  const out = zipParts(parts)
  const tmp = `${file}.${process.pid}.tmp`
  writeFileSync(tmp, out)
  renameSync(tmp, file)
  return file
}

/** The bytes of the n-row workbook. */
export function leadWorkbook(n: number): Uint8Array {
  return new Uint8Array(readFileSync(leadWorkbookPath(n)))
}
