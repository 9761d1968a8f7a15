import { Refusal } from './refusal.ts'

/** One zip entry the streaming reader can inflate: where its data starts and how it is packed. */
export interface ZipPart {
  name: string
  /** 0 = stored, 8 = deflate. */
  method: number
  /** Offset of the compressed data in the file. */
  dataStart: number
  compressedSize: number
  /** Declared uncompressed size: a hint checked while inflating, never trusted. */
  declaredSize: number
}

const EOCD_SIG = 0x06054b50
const CDH_SIG = 0x02014b50
const LFH_SIG = 0x04034b50
const u16 = (b: Uint8Array, i: number) => (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8)
const u32 = (b: Uint8Array, i: number) => (u16(b, i) | (u16(b, i + 2) << 16)) >>> 0

function findEocd(b: Uint8Array): number {
  const stop = Math.max(0, b.length - 22 - 0xffff)
  for (let i = b.length - 22; i >= stop; i--) if (u32(b, i) === EOCD_SIG) return i
  return -1
}

const utf8 = new TextDecoder()
const latin1 = new TextDecoder('latin1')

/**
 * Lists a zip's parts from its central directory, after `checkZip` accepted the file.
 * Refuses (so SheetJS reads the file instead) ZIP64 archives and encrypted entries.
 * @example listParts(bytes).get('xl/workbook.xml')?.compressedSize
 */
export function listParts(bytes: Uint8Array): Map<string, ZipPart> {
  const eocd = findEocd(bytes)
  if (eocd < 0) throw new Refusal('no end of central directory')
  const count = u16(bytes, eocd + 10)
  const offset = u32(bytes, eocd + 16)
  if (count === 0xffff || offset === 0xffffffff) throw new Refusal('ZIP64 archive')
  const parts = new Map<string, ZipPart>()
  let at = offset
  for (let n = 0; n < count; n++) {
    if (u32(bytes, at) !== CDH_SIG) throw new Refusal('bad central directory entry')
    const flags = u16(bytes, at + 8)
    const method = u16(bytes, at + 10)
    const compressedSize = u32(bytes, at + 20)
    const declaredSize = u32(bytes, at + 24)
    const nameLength = u16(bytes, at + 28)
    const skip = nameLength + u16(bytes, at + 30) + u16(bytes, at + 32)
    const local = u32(bytes, at + 42)
    const rawName = bytes.subarray(at + 46, at + 46 + nameLength)
    const name = ((flags & 0x800) !== 0 ? utf8 : latin1).decode(rawName).replace(/\\/g, '/')
    at += 46 + skip
    if ((flags & 1) !== 0) throw new Refusal(`encrypted zip entry ${name}`)
    if (compressedSize === 0xffffffff || declaredSize === 0xffffffff || local === 0xffffffff) {
      throw new Refusal('ZIP64 entry')
    }
    if (u32(bytes, local) !== LFH_SIG) throw new Refusal(`bad local header of ${name}`)
    const dataStart = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28)
    if (dataStart + compressedSize > bytes.length) throw new Refusal(`${name} runs past the end`)
    parts.set(name, { name, method, dataStart, compressedSize, declaredSize })
  }
  return parts
}

/**
 * Finds a part by its path inside the package, case-insensitively as Excel does.
 * @example findPart(parts, 'xl/worksheets/sheet1.xml')
 */
export function findPart(parts: Map<string, ZipPart>, path: string): ZipPart | undefined {
  const exact = parts.get(path)
  if (exact) return exact
  const lower = path.toLowerCase()
  for (const [name, part] of parts) if (name.toLowerCase() === lower) return part
  return undefined
}

/**
 * Resolves a relationship target against the folder of the part that holds it.
 * @example resolveTarget('xl/workbook.xml', 'worksheets/sheet1.xml') // 'xl/worksheets/sheet1.xml'
 */
export function resolveTarget(source: string, target: string): string {
  const base = target.startsWith('/') ? [] : source.split('/').slice(0, -1)
  for (const seg of target.split('/')) {
    if (seg === '..') base.pop()
    else if (seg !== '.' && seg !== '') base.push(seg)
  }
  return base.join('/')
}
