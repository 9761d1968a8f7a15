import type { ZipLimits } from '../zip-gate.ts'
import { type BookSheet, parseRels, parseWorkbookXml, readStyles } from './book-parts.ts'
import type { CellContext } from './cell-value.ts'
import { InflateBudget, inflatePart, inflateText } from './inflate.ts'
import { Refusal } from './refusal.ts'
import { SharedStrings } from './shared-strings.ts'
import { findPart, listParts, resolveTarget, type ZipPart } from './zip-parts.ts'

/** An XLSX package opened for streaming: its sheets, shared strings and date styles. */
export interface XlsxPackage extends CellContext {
  bytes: Uint8Array
  sheets: BookSheet[]
  parts: Map<string, ZipPart>
  budget: InflateBudget
  /** Inflate with `DecompressionStream` when the platform has it (false: always fflate). */
  native: boolean
  signal?: AbortSignal
}

/** Options of {@link openXlsx}. */
export interface OpenXlsxOptions {
  limits: ZipLimits
  native?: boolean
  signal?: AbortSignal
}

const SHEET_TYPES = new Set(['worksheet', 'chartsheet', 'dialogsheet', 'macrosheet'])

/**
 * Opens an XLSX that already passed the zip gate: reads the workbook part and its
 * relationships, the number formats of `xl/styles.xml` and the shared strings (streamed, only
 * the strings kept). Throws {@link Refusal} for packages left to SheetJS: XLSB (a binary
 * workbook part), a missing workbook part, relationships or sheet part, and anything
 * `listParts` refuses (ZIP64, encrypted entries).
 * @example const pkg = await openXlsx(bytes, { limits: DEFAULT_ZIP_LIMITS })
 */
export async function openXlsx(bytes: Uint8Array, opts: OpenXlsxOptions): Promise<XlsxPackage> {
  const parts = listParts(bytes)
  const budget = new InflateBudget(opts.limits)
  const native = opts.native !== false
  const inflate = { budget, native, ...(opts.signal ? { signal: opts.signal } : {}) }
  const text = async (path: string) => {
    const part = findPart(parts, path)
    return part ? inflateText(bytes, part, inflate) : undefined
  }
  const rootRels = await text('_rels/.rels')
  const main = rootRels
    ? parseRels(rootRels).find((r) => r.type === 'officeDocument')?.target
    : undefined
  const bookPath = main ? resolveTarget('', main) : 'xl/workbook.xml'
  if (!bookPath.toLowerCase().endsWith('.xml')) throw new Refusal(`binary workbook ${bookPath}`)
  const bookXml = await text(bookPath)
  if (bookXml === undefined) throw new Refusal(`no workbook part ${bookPath}`)
  const folder = bookPath.slice(0, bookPath.lastIndexOf('/') + 1)
  const relsXml = await text(`${folder}_rels/${bookPath.slice(folder.length)}.rels`)
  if (relsXml === undefined) throw new Refusal('no workbook relationships')
  const rels = parseRels(relsXml)
  const book = parseWorkbookXml(bookXml)
  const sheets: BookSheet[] = book.sheets.map((s) => {
    const rel = rels.find((r) => r.id === s.rid)
    const sheet: BookSheet = { name: s.name, state: s.state, worksheet: rel?.type === 'worksheet' }
    if (rel && SHEET_TYPES.has(rel.type)) sheet.path = resolveTarget(bookPath, rel.target)
    return sheet
  })
  const stylesRel = rels.find((r) => r.type === 'styles')
  const stylesXml = stylesRel ? await text(resolveTarget(bookPath, stylesRel.target)) : undefined
  const strings = new SharedStrings()
  const sstRel = rels.find((r) => r.type === 'sharedStrings')
  const sstPart = sstRel ? findPart(parts, resolveTarget(bookPath, sstRel.target)) : undefined
  if (sstPart) {
    const decoder = new TextDecoder()
    for await (const chunk of inflatePart(bytes, sstPart, inflate)) {
      strings.push(decoder.decode(chunk, { stream: true }))
    }
    strings.push(decoder.decode())
  }
  return {
    bytes,
    sheets,
    parts,
    budget,
    native,
    ...(opts.signal ? { signal: opts.signal } : {}),
    strings: strings.strings,
    ...(stylesXml ? readStyles(stylesXml) : { dateStyles: new Uint8Array(0), numberFormats: [] }),
    date1904: book.date1904,
  }
}

/**
 * The zip part of a worksheet, or a {@link Refusal} when the workbook names one that is not
 * in the zip (SheetJS then reports the damage the way it always has).
 * @example sheetPart(pkg, pkg.sheets[0])
 */
export function sheetPart(pkg: XlsxPackage, sheet: BookSheet): ZipPart {
  const part = sheet.path ? findPart(pkg.parts, sheet.path) : undefined
  if (!part) throw new Refusal(`sheet "${sheet.name}" has no part`)
  return part
}
