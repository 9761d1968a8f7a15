import {
  type Cell,
  CsvParser,
  createStreamDecoder,
  type Delimiter,
  type TextEncoding,
} from '@leadport/shared'

/*
 * The cells of a text file's rows read again from its bytes when asked (a chunk to upload, a row
 * to re-validate), so the check keeps cells only for rows with issues: a million rows of kept
 * strings made the garbage collector the largest cost of the check. Rows are found by the line
 * they start on: the byte offset of every line start is computed once, on first ask.
 */

/** How a text file was read: enough to read any of its rows again the same way. */
export interface TextRowSource {
  bytes: Uint8Array
  encoding: TextEncoding
  delimiter: Delimiter
  /** Byte offset of each line's start (index 0 is line 1); computed on first ask. */
  lineStarts: Float64Array | null
}

const LF = 10
const CR = 13

/**
 * Byte offsets of the line starts, counted as the CSV parser counts lines (CRLF, LF and CR each
 * end a line, inside quoted values too), in code units of the encoding (1 or 2 bytes).
 * @example lineStarts(new TextEncoder().encode('a\r\nb\rc\n'), 'utf-8') // [0, 3, 5, 7]
 */
export function lineStarts(bytes: Uint8Array, encoding: TextEncoding): Float64Array {
  const unit = encoding === 'utf-16le' || encoding === 'utf-16be' ? 2 : 1
  const hi = encoding === 'utf-16be' ? 1 : 0
  const lo = encoding === 'utf-16be' ? 0 : 1
  let out = new Float64Array(1 << 16)
  let count = 1
  const n = bytes.length - (unit - 1)
  const at = (i: number) =>
    unit === 1 ? (bytes[i] as number) : (bytes[i + hi] as number) | ((bytes[i + lo] as number) << 8)
  for (let i = 0; i < n; i += unit) {
    const c = unit === 1 ? (bytes[i] as number) : at(i)
    if (c !== LF && c !== CR) continue
    let next = i + unit
    if (c === CR && next < n && at(next) === LF) next += unit
    if (count === out.length) {
      const grown = new Float64Array(out.length * 2)
      grown.set(out)
      out = grown
    }
    out[count++] = next
    i = next - unit
  }
  return out.slice(0, count)
}

/**
 * The cells of the data rows `rowNumbers[from..to]` (consecutive data rows of the file), read
 * again from the bytes. Throws when the bytes no longer give those rows (a bug, never the user's).
 * @example readRows(source, rowNumbers, 10, 14).length // 5
 */
export function readRows(
  source: TextRowSource,
  rowNumbers: Int32Array,
  from: number,
  to: number,
): Cell[][] {
  source.lineStarts ??= lineStarts(source.bytes, source.encoding)
  const starts = source.lineStarts
  const firstLine = rowNumbers[from] as number
  const unit = source.encoding === 'utf-16le' || source.encoding === 'utf-16be' ? 2 : 1
  // From the line break before the first row: the decoder then never takes a U+FEFF that starts
  // the row for a byte order mark, and the parser sees one blank line first.
  const start = (starts[firstLine - 1] as number) - unit
  const lead = start >= 0 ? 1 : 0
  const nextLine = to + 1 < rowNumbers.length ? (rowNumbers[to + 1] as number) : 0
  const end = nextLine > 0 ? (starts[nextLine - 1] as number) : source.bytes.length
  const out: Cell[][] = []
  let k = from
  let wrong = false
  const parser = new CsvParser(source.delimiter, (fields, line) => {
    if (k > to || line + firstLine - 1 - lead !== rowNumbers[k]) wrong = true
    else out.push(fields)
    k++
  })
  const decoder = createStreamDecoder(source.encoding)
  parser.push(decoder.decode(source.bytes.subarray(Math.max(0, start), end), true))
  const done = parser.finish()
  if (wrong || !done.ok || k !== to + 1) {
    throw new Error(
      `Rows ${firstLine}… of the file could not be read again the same way. Pick the file again.`,
    )
  }
  return out
}

/** What {@link cellsOf} needs of the checked rows. */
export interface RowCells {
  /** Cells kept by the check (rows with issues, edited rows, every row of a workbook). */
  cells: (Cell[] | null)[]
  rowNumbers: Int32Array
  source: TextRowSource | null
}

/**
 * The cells of rows `from..to` (indexes among the data rows): kept ones as they are, the others
 * read again from the file.
 * @example cellsOf(c, 0, 4999)
 */
export function cellsOf(c: RowCells, from: number, to = from): Cell[][] {
  const out: Cell[][] = []
  let missing = false
  for (let i = from; i <= to; i++) {
    const kept = c.cells[i]
    if (kept) out.push(kept)
    else missing = true
  }
  if (!missing) return out
  if (!c.source) throw new Error('The rows were not kept. Pick the file again.')
  const read = readRows(c.source, c.rowNumbers, from, to)
  for (let i = from; i <= to; i++) read[i - from] = c.cells[i] ?? (read[i - from] as Cell[])
  return read
}
