import { CFB } from 'xlsx'
import type { FileKind, Result } from './types.ts'
import { DAMAGED_MESSAGE, ENCRYPTED_MESSAGE, FORMAT_HINT } from './workbook/messages.ts'
import { listZip } from './workbook/zip-gate.ts'

/** What the first bytes say a file is; `note` is set when the file name says otherwise. */
export interface Sniffed {
  kind: FileKind
  /** e.g. "leads.csv is actually an Excel workbook (XLSX); reading it as a workbook". */
  note?: string
}

/** How each kind is named in messages to the user. */
export const KIND_LABELS: Record<FileKind, string> = {
  csv: 'a text (CSV) file',
  xlsx: 'an Excel workbook (XLSX)',
  xls: 'an Excel 97-2003 workbook (XLS)',
  ods: 'an OpenDocument spreadsheet (ODS)',
}

const EXTENSION_KINDS: Record<string, FileKind> = {
  csv: 'csv',
  tsv: 'csv',
  txt: 'csv',
  tab: 'csv',
  xlsx: 'xlsx',
  xlsm: 'xlsx',
  xlsb: 'xlsx',
  xltx: 'xlsx',
  xltm: 'xlsx',
  xls: 'xls',
  xlt: 'xls',
  ods: 'ods',
  ots: 'ods',
}

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]

/** Other binary formats people upload by mistake: refused by name instead of read as text. */
const FOREIGN: readonly [bytes: readonly number[], label: string][] = [
  [[0x25, 0x50, 0x44, 0x46, 0x2d], 'a PDF document'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0x1f, 0x8b], 'a gzip archive'],
  [[0x52, 0x61, 0x72, 0x21, 0x1a, 0x07], 'a RAR archive'],
  [[0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], 'a 7-Zip archive'],
]

/**
 * Main-part content types in `[Content_Types].xml` (xlsx, xlsm, xlsb, templates, add-ins).
 * Matched on the main part only: a Word file with an embedded workbook also names `spreadsheetml`.
 */
const SPREADSHEET_CT =
  /spreadsheetml\.(?:sheet|template)\.main|ms-excel\.(?:sheet|template|addin)[\w.]*\.main/i
const WORD_CT = /wordprocessingml\.(?:document|template)\.main|ms-word\.[\w.]*\.main/i
const POWERPOINT_CT = /presentationml\.[\w.]*\.main|ms-powerpoint\.[\w.]*\.main/i
const ODS_MIME = 'application/vnd.oasis.opendocument.spreadsheet'

const startsWith = (b: Uint8Array, sig: readonly number[]): boolean =>
  sig.every((x, i) => b[i] === x)

const fail = (code: 'FILE_FORMAT' | 'FILE_ENCRYPTED' | 'FILE_EMPTY', message: string) =>
  ({ ok: false, error: { code, message } }) as const

/** The kind that a file name's extension claims, if it is one we know. */
export function kindFromName(name: string): FileKind | undefined {
  const dot = name.lastIndexOf('.')
  return dot < 0 ? undefined : EXTENSION_KINDS[name.slice(dot + 1).toLowerCase()]
}

/** BIFF2-5 worksheet streams saved without a CFB container start with a BOF record. */
function isBareBiff(b: Uint8Array): boolean {
  return (
    b[0] === 0x09 &&
    (b[1] === 0x00 || b[1] === 0x02 || b[1] === 0x04 || b[1] === 0x08) &&
    b[3] === 0x00 &&
    (b[2] === 4 || b[2] === 6 || b[2] === 8 || b[2] === 16)
  )
}

function sniffZip(bytes: Uint8Array): Result<FileKind> {
  const listed = listZip(bytes, ['mimetype', '[Content_Types].xml'])
  if (!listed.ok) return listed
  const { entries, peeked } = listed.data
  const decode = (name: string) => new TextDecoder().decode(peeked.get(name) ?? new Uint8Array())
  const mime = decode('mimetype').trim()
  if (mime === ODS_MIME) return { ok: true, data: 'ods' }
  if (mime.startsWith('application/vnd.oasis.opendocument')) {
    return fail('FILE_FORMAT', `This is an OpenDocument file but not a spreadsheet. ${FORMAT_HINT}`)
  }
  const types = decode('[Content_Types].xml')
  if (SPREADSHEET_CT.test(types)) return { ok: true, data: 'xlsx' }
  if (WORD_CT.test(types)) {
    return fail('FILE_FORMAT', `This is a Word document, not a spreadsheet. ${FORMAT_HINT}`)
  }
  if (POWERPOINT_CT.test(types)) {
    return fail('FILE_FORMAT', `This is a PowerPoint file, not a spreadsheet. ${FORMAT_HINT}`)
  }
  const names = new Set(entries.map((e) => e.name))
  if (names.has('xl/workbook.xml') || names.has('xl/workbook.bin')) {
    return { ok: true, data: 'xlsx' }
  }
  if (names.has('content.xml') && !types) return { ok: true, data: 'ods' }
  return fail('FILE_FORMAT', `This is a zip archive, not a spreadsheet. ${FORMAT_HINT}`)
}

function sniffCfb(bytes: Uint8Array): Result<FileKind> {
  let streams: Set<string>
  try {
    const cfb = CFB.read(bytes, { type: 'array' })
    streams = new Set(cfb.FileIndex.map((f: { name: string }) => f.name))
  } catch {
    return { ok: false, error: { code: 'FILE_DAMAGED', message: DAMAGED_MESSAGE } }
  }
  if (streams.has('EncryptionInfo') || streams.has('EncryptedPackage')) {
    return fail('FILE_ENCRYPTED', ENCRYPTED_MESSAGE)
  }
  if (streams.has('Workbook') || streams.has('Book')) return { ok: true, data: 'xls' }
  if (streams.has('WordDocument')) {
    return fail('FILE_FORMAT', `This is a Word document, not a spreadsheet. ${FORMAT_HINT}`)
  }
  return fail('FILE_FORMAT', `This Office file holds no Excel workbook. ${FORMAT_HINT}`)
}

function sniffKind(bytes: Uint8Array): Result<FileKind> {
  if (bytes.length === 0)
    return fail(
      'FILE_EMPTY',
      'The file is empty (0 bytes). Check that the export finished, then pick the file again.',
    )
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return sniffZip(bytes)
  if (startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    return fail(
      'FILE_EMPTY',
      'The file is an empty zip archive, not a workbook. Save the spreadsheet again from Excel and upload that file.',
    )
  }
  if (startsWith(bytes, CFB_MAGIC)) return sniffCfb(bytes)
  if (isBareBiff(bytes)) return { ok: true, data: 'xls' }
  for (const [sig, label] of FOREIGN) {
    if (startsWith(bytes, sig)) return fail('FILE_FORMAT', `This is ${label}. ${FORMAT_HINT}`)
  }
  return { ok: true, data: 'csv' }
}

/**
 * Decides a file's kind from its bytes, never its name: zip → xlsx/ods (by the directory and
 * its small `mimetype`/`[Content_Types].xml` parts), CFB → xls or encrypted OOXML, else text.
 * Adds a note when the name's extension disagrees.
 * @example sniffFile(xlsxBytes, 'leads.csv')
 * // { ok: true, data: { kind: 'xlsx', note: 'leads.csv is actually an Excel workbook (XLSX); reading it as a workbook' } }
 */
export function sniffFile(bytes: Uint8Array, name?: string): Result<Sniffed> {
  const sniffed = sniffKind(bytes)
  if (!sniffed.ok) return sniffed
  const kind = sniffed.data
  const claimed = name ? kindFromName(name) : undefined
  if (!name || !claimed || claimed === kind) return { ok: true, data: { kind } }
  const as = kind === 'csv' ? 'text' : 'a workbook'
  const note = `${name} is actually ${KIND_LABELS[kind]}; reading it as ${as}`
  return { ok: true, data: { kind, note } }
}
