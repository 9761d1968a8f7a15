import { SSF } from 'xlsx'
import { displayFormat } from '../number-format.ts'
import { attrOf, isName, localStart, nameEnd, tagsOf } from './xml-text.ts'

/** One sheet as `xl/workbook.xml` lists it, with the part its relationship points at. */
export interface BookSheet {
  name: string
  /** 0 visible, 1 hidden, 2 very hidden. */
  state: 0 | 1 | 2
  /** Zip path of the sheet part, if the relationship resolved. */
  path?: string
  /** False for chartsheets and dialog sheets: no cells to read. */
  worksheet: boolean
}

/** A relationship of a part: id, type (its last path segment) and target. */
export interface Rel {
  id: string
  type: string
  target: string
}

/**
 * Relationships of a part (`_rels/*.rels`), with the type shortened to its last segment, so
 * transitional (`.../relationships/worksheet`) and strict OOXML read alike.
 * @example parseRels(xml).find((r) => r.type === 'officeDocument')?.target
 */
export function parseRels(xml: string): Rel[] {
  return tagsOf(xml, 'Relationship').map(([s, e]) => {
    const type = attrOf(xml, s, e, 'Type') ?? ''
    return {
      id: attrOf(xml, s, e, 'Id') ?? '',
      type: type.slice(type.lastIndexOf('/') + 1),
      target: attrOf(xml, s, e, 'Target') ?? '',
    }
  })
}

/** The sheet list and date system of `xl/workbook.xml`. */
export interface BookInfo {
  sheets: { name: string; state: 0 | 1 | 2; rid: string }[]
  date1904: boolean
}

/**
 * Reads the sheet list (names, hidden states, relationship ids) and the 1904 date flag.
 * @example parseWorkbookXml('<workbook><sheets><sheet name="Leads" r:id="rId1"/></sheets></workbook>')
 */
export function parseWorkbookXml(xml: string): BookInfo {
  const sheets = tagsOf(xml, 'sheet').map(([s, e]) => {
    const state = attrOf(xml, s, e, 'state')
    let rid = ''
    // The id attribute is namespaced (`r:id`, or another prefix bound to the same URI).
    const open = nameEnd(xml, s + 1)
    const tag = xml.slice(open, e)
    const m = /(?:^|\s)(?:[\w.-]+:)?id\s*=\s*["']([^"']*)["']/.exec(tag)
    if (m) rid = m[1] ?? ''
    return {
      name: attrOf(xml, s, e, 'name') ?? '',
      state: (state === 'veryHidden' ? 2 : state === 'hidden' ? 1 : 0) as 0 | 1 | 2,
      rid,
    }
  })
  const pr = tagsOf(xml, 'workbookPr')[0]
  const flag = pr ? attrOf(xml, pr[0], pr[1], 'date1904') : undefined
  return { sheets, date1904: flag === '1' || flag === 'true' }
}

// Built-in number formats that show dates or times (ECMA-376 18.8.30, plus the CJK ids).
const BUILTIN_DATE_IDS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51,
  52, 53, 54, 55, 56, 57, 58, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81,
])

/** What the sheet scanner needs from `xl/styles.xml`, by cell style (`s`, into `<cellXfs>`). */
export interface CellStyles {
  /** 1 at the index of every style whose number format shows a date. */
  dateStyles: Uint8Array
  /** The number format code to render a numeric cell with ({@link displayFormat}), if any. */
  numberFormats: (string | undefined)[]
}

/**
 * Reads the number format of every cell style from `xl/styles.xml`: which show a number as a
 * date (built-in date formats and custom ones SheetJS's `SSF.is_date` accepts) and which render
 * it through another format (declared codes first, then SheetJS's built-in table, as SheetJS
 * resolves a cell's `z`).
 * @example readStyles(stylesXml).dateStyles[3] // 1 when style 3 is a date format
 */
export function readStyles(xml: string): CellStyles {
  const custom = new Map<number, string>()
  for (const [s, e] of tagsOf(xml, 'numFmt')) {
    const id = Number(attrOf(xml, s, e, 'numFmtId'))
    custom.set(id, attrOf(xml, s, e, 'formatCode') ?? '')
  }
  const isDate = (id: number) => {
    const code = custom.get(id)
    if (code === undefined) return BUILTIN_DATE_IDS.has(id)
    try {
      return SSF.is_date(code)
    } catch {
      return false
    }
  }
  const open = findTag(xml, 'cellXfs', 0)
  if (open < 0) return { dateStyles: new Uint8Array(0), numberFormats: [] }
  const close = findClose(xml, 'cellXfs', open)
  const part = xml.slice(open, close < 0 ? xml.length : close)
  const xfs = tagsOf(part, 'xf')
  const dates = new Uint8Array(xfs.length)
  const formats: (string | undefined)[] = new Array(xfs.length).fill(undefined)
  xfs.forEach(([s, e], i) => {
    const id = Number(attrOf(part, s, e, 'numFmtId') ?? 0)
    if (isDate(id)) dates[i] = 1
    else formats[i] = displayFormat(custom.get(id) ?? id)
  })
  return { dateStyles: dates, numberFormats: formats }
}

function findTag(xml: string, name: string, from: number): number {
  let at = xml.indexOf('<', from)
  while (at >= 0) {
    const end = nameEnd(xml, at + 1)
    if (isName(xml, localStart(xml, at + 1, end), end, name)) return at
    at = xml.indexOf('<', end)
  }
  return -1
}

function findClose(xml: string, name: string, from: number): number {
  let at = xml.indexOf('</', from)
  while (at >= 0) {
    const end = nameEnd(xml, at + 2)
    if (isName(xml, localStart(xml, at + 2, end), end, name)) return at
    at = xml.indexOf('</', end)
  }
  return -1
}
