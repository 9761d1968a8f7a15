import type { Range } from 'xlsx'
import type { Cell } from '../../types.ts'
import { collectMerges, HEADER_SCAN_ROWS, type OnRow, type SheetScan } from '../scan-sheet.ts'
import { type CellContext, cellTag, cellValue, tag } from './cell-value.ts'
import { FileFailure } from './refusal.ts'
import { eachAttr, isName, localStart, nameEnd } from './xml-text.ts'

/** Limits and sinks of one pass over a sheet part. */
export interface ScannerOptions extends CellContext {
  maxRows: number
  maxColumns: number
  /** Gets each non-blank row up to `maxRows` (`false` stops the scan); absent when counting. */
  onRow?: (...args: Parameters<OnRow>) => unknown
}

/** Column index (0-based) of an A1 reference in `buf[from, to)`, or -1 without letters. */
function columnOf(buf: string, from: number, to: number): number {
  let col = 0
  let i = from
  for (; i < to; i++) {
    const c = buf.charCodeAt(i) | 32 // lower case
    if (c < 97 || c > 122) break
    col = col * 26 + (c - 96)
  }
  return i === from ? -1 : col - 1
}

function rowOf(ref: string, from: number): number {
  let i = from
  while (i < ref.length && (ref.charCodeAt(i) | 32) >= 97 && (ref.charCodeAt(i) | 32) <= 122) i++
  return Number.parseInt(ref.slice(i), 10) - 1
}

function decodeRange(ref: string): Range | undefined {
  const [a, b = a] = ref.split(':')
  if (!a || !b) return undefined
  const s = { r: rowOf(a, 0), c: columnOf(a, 0, a.length) }
  const e = { r: rowOf(b, 0), c: columnOf(b, 0, b.length) }
  if ([s.r, s.c, e.r, e.c].some((x) => !Number.isFinite(x) || x < 0)) return undefined
  return { s, e }
}

/**
 * Most text held for one unfinished tag or cell. Excel keeps at most 32,767 characters in a
 * cell; past this the file is not a real sheet, and waiting for the end of it would hold the
 * sheet and rescan it on every chunk.
 */
export const MAX_PENDING_CHARS = 4 * 1024 * 1024

/** The failure for a cell or tag that never ends within {@link MAX_PENDING_CHARS}. */
export function tooBig(): FileFailure {
  const message =
    'A cell or tag in the workbook runs past 4 million characters (Excel keeps at most 32,767 ' +
    'in a cell), so it is damaged or not a real spreadsheet. Re-save it in Excel or export the ' +
    'sheet as CSV.'
  return new FileFailure({ code: 'FILE_TOO_LARGE', message })
}

/**
 * A hand-written scanner over one worksheet's XML, fed decoded text chunk by chunk: it holds
 * at most one unfinished tag (or cell) between chunks, never the sheet. It mirrors `scanSheet`
 * on SheetJS's dense sheets: real cells only (the declared `<dimension>` is ignored), blank rows
 * skipped, Excel row numbers kept, columns capped, hidden rows flagged, header merges reported.
 * @example const s = new SheetScanner(opts); s.push(text); const scan = s.finish()
 */
export class SheetScanner {
  /** True once nothing more is needed (a row past `maxRows` was seen). */
  done = false
  private buf = ''
  private resumeGt = 0
  private resumeClose = 0
  private readonly opts: ScannerOptions
  private readonly merges: Range[] = []
  private windowEnd = 0
  private readonly scan: SheetScan = {
    rowCount: 0,
    lastRowNumber: 0,
    columnCount: 0,
    hiddenRowCount: 0,
    formulaRows: [],
    formulasWithoutValue: 0,
    truncated: false,
    merges: [],
    otherMerges: 0,
  }
  // The row being read.
  private rowNumber = 0
  private hidden = false
  private cells: Cell[] = []
  private column = -1
  private nonBlank = false
  private lastValue = -1
  private beyond = -1
  private missing = 0

  constructor(opts: ScannerOptions) {
    this.opts = opts
  }

  /** Feeds the next piece of decoded sheet XML. */
  push(text: string): void {
    if (this.done) return
    const buf = this.buf + text
    // Where the unfinished tag (or cell) left over from the last chunk may end: the text
    // already searched is not searched again, so a long cell costs linear time.
    const resumeGt = this.resumeGt
    const resumeClose = this.resumeClose
    this.resumeGt = this.resumeClose = 0
    let pos = 0
    while (!this.done) {
      const lt = buf.indexOf('<', pos)
      if (lt < 0) {
        pos = buf.length
        break
      }
      const c1 = buf.charCodeAt(lt + 1)
      if (c1 === 33 || c1 === 63) {
        // Comment, CDATA or processing instruction between elements.
        const close = buf.indexOf(c1 === 33 && buf.startsWith('<!--', lt) ? '-->' : '>', lt + 2)
        if (close < 0) {
          pos = lt
          break
        }
        pos = close + 1
        continue
      }
      const closing = c1 === 47
      const start = closing ? lt + 2 : lt + 1
      const end = nameEnd(buf, start)
      const gt = end < buf.length ? buf.indexOf('>', lt === 0 ? Math.max(end, resumeGt) : end) : -1
      if (gt < 0) {
        this.resumeGt = buf.length - lt
        pos = lt
        break
      }
      const local = localStart(buf, start, end)
      const selfClosing = buf.charCodeAt(gt - 1) === 47
      const len = end - local
      if (len === 1 && buf.charCodeAt(local) === 99 && !closing) {
        // <c>: read the whole cell, or wait for the rest of it.
        if (selfClosing) {
          this.cellColumn(buf, end, gt)
          pos = gt + 1
          continue
        }
        const closeTag = end - start === 1 ? '</c>' : `</${buf.slice(start, end)}>`
        const close = buf.indexOf(closeTag, lt === 0 ? Math.max(gt, resumeClose) : gt)
        if (close < 0) {
          this.resumeClose = Math.max(0, buf.length - lt - closeTag.length)
          pos = lt
          break
        }
        this.readCell(buf, end, gt, close)
        pos = close + closeTag.length
        continue
      }
      if (len === 3 && isName(buf, local, end, 'row')) {
        if (closing) this.endRow()
        else {
          this.startRow(buf, end, gt)
          if (selfClosing) this.endRow()
        }
      } else if (!closing && len === 9 && isName(buf, local, end, 'mergeCell')) {
        this.addMerge(buf, end, gt)
      }
      pos = gt + 1
    }
    this.buf = this.done ? '' : buf.slice(pos)
    if (this.buf.length > MAX_PENDING_CHARS) throw tooBig()
  }

  /** The scan's result, once the part is read (or reading stopped). */
  finish(): SheetScan {
    const scan = this.scan
    const window = scan.rowCount === 0 ? 0 : this.windowEnd
    Object.assign(scan, collectMerges(this.merges, window, this.opts.maxColumns))
    return scan
  }

  private startRow(buf: string, from: number, to: number): void {
    let r = -1
    let hidden = false
    eachAttr(buf, from, to, (ns, ne, vs, ve) => {
      if (ne - ns === 1 && buf.charCodeAt(ns) === 114) r = Number.parseInt(buf.slice(vs, ve), 10)
      else if (isName(buf, ns, ne, 'hidden')) {
        const v = buf.slice(vs, ve)
        hidden = v === '1' || v === 'true'
      }
    })
    this.rowNumber = r > 0 ? r : this.rowNumber + 1
    this.hidden = hidden
    this.cells = []
    this.column = -1
    this.nonBlank = false
    this.lastValue = -1
    this.beyond = -1
    this.missing = 0
  }

  // Column of a cell from its `r` attribute, else the one after the previous cell.
  private cellColumn(buf: string, from: number, to: number): number {
    cellTag(buf, from, to)
    const col = tag.r < 0 ? -1 : columnOf(buf, tag.r, tag.rEnd)
    this.column = col >= 0 ? col : this.column + 1
    return this.column
  }

  private readCell(buf: string, from: number, gt: number, close: number): void {
    const col = this.cellColumn(buf, from, gt)
    const cap = this.opts.maxColumns
    const value = cellValue(buf, gt, close, this.opts)
    if (col >= cap) {
      if (value !== null && !(typeof value === 'string' && value.trim() === '')) this.beyond = col
      return
    }
    if (tag.formulaWithoutValue) this.missing++
    if (value === null) return
    const cells = this.cells
    while (cells.length < col) cells.push(null)
    cells[col] = value
    if (col > this.lastValue) this.lastValue = col
    if (!this.nonBlank && !(typeof value === 'string' && value.trim() === '')) this.nonBlank = true
  }

  private endRow(): void {
    const scan = this.scan
    const { maxRows, onRow } = this.opts
    const rowNumber = this.rowNumber
    if (rowNumber > maxRows) {
      if (this.nonBlank || this.beyond >= 0) {
        scan.truncated = true
        this.done = true
      }
      return
    }
    if (this.missing > 0) {
      scan.formulasWithoutValue += this.missing
      if (scan.formulaRows.length < 10) scan.formulaRows.push(rowNumber)
    }
    if (this.beyond >= 0) scan.columnCount = Math.max(scan.columnCount, this.beyond + 1)
    if (!this.nonBlank) return
    const cells = this.cells
    cells.length = this.lastValue + 1
    if (cells.length > scan.columnCount) scan.columnCount = cells.length
    if (this.hidden) scan.hiddenRowCount++
    scan.rowCount++
    scan.lastRowNumber = rowNumber
    if (scan.rowCount <= HEADER_SCAN_ROWS) this.windowEnd = rowNumber
    if (onRow?.(cells, rowNumber, this.hidden) === false) this.done = true
  }

  private addMerge(buf: string, from: number, to: number): void {
    eachAttr(buf, from, to, (ns, ne, vs, ve) => {
      if (!isName(buf, ns, ne, 'ref')) return
      const range = decodeRange(buf.slice(vs, ve))
      if (range) this.merges.push(range)
    })
  }
}
