import type { Cell } from '../../types.ts'
import { formatNumber } from '../number-format.ts'
import type { CellStyles } from './book-parts.ts'
import { FileFailure } from './refusal.ts'
import { decodeXmlText, itemText, localStart, nameEnd } from './xml-text.ts'

/** What a cell needs besides its own XML: the shared strings and the styles' number formats. */
export interface CellContext extends CellStyles {
  strings: readonly string[]
  date1904: boolean
}

/**
 * The attributes of the last cell tag read by {@link cellTag} (positions in the buffer, -1 when
 * absent) and whether its value was a formula saved without a result. One shared object: the
 * scanner runs millions of cells and allocates nothing per cell for this.
 */
export const tag = { r: -1, rEnd: -1, t: -1, tEnd: -1, s: -1, sEnd: -1, formulaWithoutValue: false }

/**
 * Reads the `r`, `t` and `s` attributes of a `<c ...>` tag, `buf[from, to)` after the name.
 * @example cellTag('<c r="B2" t="s">', 2, 15); tag.t // 11
 */
export function cellTag(buf: string, from: number, to: number): void {
  tag.r = tag.t = tag.s = -1
  let i = from
  while (i < to) {
    let c = buf.charCodeAt(i)
    if (c === 32 || c === 10 || c === 13 || c === 9 || c === 47) {
      i++
      continue
    }
    const ns = i
    while (i < to) {
      c = buf.charCodeAt(i)
      if (c === 61 || c === 32) break
      i++
    }
    const ne = i
    while (i < to && buf.charCodeAt(i) !== 61) i++
    i++
    while (i < to) {
      c = buf.charCodeAt(i)
      if (c === 34 || c === 39) break
      i++
    }
    const vs = i + 1
    const ve = buf.indexOf(c === 39 ? "'" : '"', vs)
    if (ve < 0 || ve > to) return
    if (ne - ns === 1) {
      const name = buf.charCodeAt(ns)
      if (name === 114) {
        tag.r = vs
        tag.rEnd = ve
      } else if (name === 116) {
        tag.t = vs
        tag.tEnd = ve
      } else if (name === 115) {
        tag.s = vs
        tag.sEnd = ve
      }
    }
    i = ve + 1
  }
}

/** A non-negative integer written in `buf[from, to)`, or -1. */
function intAt(buf: string, from: number, to: number): number {
  if (from >= to) return -1
  let n = 0
  for (let i = from; i < to; i++) {
    const d = buf.charCodeAt(i) - 48
    if (d < 0 || d > 9) return -1
    n = n * 10 + d
  }
  return n
}

const DAY_MS = 86_400_000
const EPOCH_MS = Date.UTC(1899, 11, 30)

/**
 * A date cell's serial as SheetJS's `numdate` turns it into a UTC `Date` (serial 60, Excel's
 * phantom 1900-02-29, stays a number), so both readers give the same cell.
 * @example serialToCell(45322, false) // 2024-01-31T00:00:00.000Z
 */
export function serialToCell(serial: number, date1904: boolean): Cell {
  const v = date1904 ? serial + 1462 : serial
  if (v >= 60 && v < 61) return v
  const d = new Date((v > 60 ? v : v + 1) * DAY_MS + EPOCH_MS)
  return Number.isNaN(d.getTime()) ? null : d
}

const TIME_RE = /^(\d+):(\d+)(:\d+)?(\.\d+)?$/
const DAY_RE = /^(\d+)-(\d+)-(\d+)$/

/** An ISO 8601 value of a `t="d"` cell as a UTC `Date` (a bare time counts from 1899-12-31). */
function isoToCell(text: string, date1904: boolean): Cell {
  const time = TIME_RE.exec(text)
  let d: Date
  if (time) {
    const base = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 31)
    const secs = (Number(time[1]) * 60 + Number(time[2])) * 60 + Number((time[3] ?? ':0').slice(1))
    d = new Date(base + secs * 1000 + Number(`0${time[4] ?? ''}`) * 1000)
  } else {
    const day = DAY_RE.exec(text)
    d = day
      ? new Date(Date.UTC(+(day[1] ?? 0), +(day[2] ?? 1) - 1, +(day[3] ?? 1)))
      : new Date(text)
  }
  return Number.isNaN(d.getTime()) ? null : d
}

const ERRORS = new Set(['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A'])

function errorText(text: string): Cell {
  if (ERRORS.has(text) || text === '#GETTING_DATA') return text
  return text === '#WTF?' ? '#ERROR!' : null
}

// Children of one cell: where `<v>` text and `<is>` content sit, and whether `<f>` is there.
let vStart = -1
let vEnd = -1
let isStart = -1
let isEnd = -1
let hasFormula = false

function children(buf: string, gt: number, close: number): void {
  vStart = vEnd = isStart = isEnd = -1
  hasFormula = false
  // The common shapes first: `<v>123</v>` right after the tag.
  if (buf.charCodeAt(gt + 1) === 60 && buf.charCodeAt(gt + 2) === 118) {
    if (buf.charCodeAt(gt + 3) === 62) {
      vStart = gt + 4
      vEnd = buf.indexOf('<', vStart)
      return
    }
  }
  let at = buf.indexOf('<', gt + 1)
  while (at >= 0 && at < close) {
    if (buf.charCodeAt(at + 1) === 47) {
      at = buf.indexOf('<', at + 2)
      continue
    }
    const end = nameEnd(buf, at + 1)
    const local = localStart(buf, at + 1, end)
    const tgt = buf.indexOf('>', end)
    if (tgt < 0 || tgt >= close) return
    const selfClosing = buf.charCodeAt(tgt - 1) === 47
    const len = end - local
    const c = buf.charCodeAt(local)
    if (len === 1 && c === 102) hasFormula = true
    else if (len === 1 && c === 118 && !selfClosing) {
      vStart = tgt + 1
      vEnd = buf.indexOf('<', vStart)
      at = vEnd
      continue
    } else if (len === 2 && c === 105 && buf.charCodeAt(local + 1) === 115 && !selfClosing) {
      isStart = tgt + 1
      isEnd = buf.lastIndexOf('<', close - 1)
      return
    }
    if (len === 1 && c === 102 && !selfClosing) {
      // Skip the formula text (it may hold `<` as `&lt;` only, never a tag).
      const fClose = buf.indexOf('<', tgt + 1)
      at = fClose < 0 ? -1 : buf.indexOf('<', fClose + 1)
      continue
    }
    at = buf.indexOf('<', tgt + 1)
  }
}

function isType(buf: string, name: string): boolean {
  return tag.tEnd - tag.t === name.length && buf.startsWith(name, tag.t)
}

/**
 * The value of the cell whose tag was read by {@link cellTag}: `buf[gt]` is the tag's `>` and
 * `buf[close]` the `<` of `</c>`. Shared and inline strings (rich-text runs joined), numbers
 * (exact; with the text their number format shows when it is not General), dates by the cell's
 * number format, booleans, error text, a formula's cached value; `null` for empty cells. Sets
 * `tag.formulaWithoutValue`.
 * @example cellValue('<c r="A1"><v>905551234567</v></c>', 8, 29, ctx) // 905551234567
 */
export function cellValue(buf: string, gt: number, close: number, ctx: CellContext): Cell {
  children(buf, gt, close)
  const hasV = vStart >= 0 && vEnd > vStart
  tag.formulaWithoutValue = hasFormula && !hasV && isStart < 0
  const t1 = tag.t < 0 ? 110 : buf.charCodeAt(tag.t)
  const oneChar = tag.t < 0 || tag.tEnd - tag.t === 1
  if (oneChar && t1 === 110) {
    // Number (the default type).
    if (!hasV) return null
    const int = vEnd - vStart <= 15 ? intAt(buf, vStart, vEnd) : -1
    const v = int >= 0 ? int : Number.parseFloat(buf.slice(vStart, vEnd))
    if (!Number.isFinite(v)) return null
    if (tag.s < 0) return v
    const style = intAt(buf, tag.s, tag.sEnd)
    if (ctx.dateStyles[style] === 1) return serialToCell(v, ctx.date1904)
    const format = ctx.numberFormats[style]
    return format === undefined ? v : formatNumber(v, format)
  }
  if (oneChar && t1 === 115) {
    if (!hasV) return null
    const index = intAt(buf, vStart, vEnd)
    const text = ctx.strings[index]
    if (text === undefined) {
      const message =
        'The workbook points at a shared text that does not exist (the file is damaged). ' +
        'Open it in Excel, save it again and upload it, or export the sheet as CSV.'
      throw new FileFailure({ code: 'FILE_DAMAGED', message })
    }
    return text === '' ? null : text
  }
  if (isType(buf, 'str') || isType(buf, 'inlineStr')) {
    let text = ''
    if (isStart >= 0) text = itemText(buf, isStart, isEnd)
    else if (hasV) text = decodeXmlText(buf.slice(vStart, vEnd))
    return text === '' ? null : text
  }
  if (oneChar && t1 === 98) {
    if (!hasV) return false
    const v = buf.slice(vStart, vEnd)
    return v === '1' || v === 'true'
  }
  if (oneChar && t1 === 101) return hasV ? errorText(decodeXmlText(buf.slice(vStart, vEnd))) : null
  if (oneChar && t1 === 100) return hasV ? isoToCell(buf.slice(vStart, vEnd), ctx.date1904) : null
  return null
}
