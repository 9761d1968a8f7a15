import {
  type AssistantVariable,
  buildTargets,
  type Cell,
  createRowValidator,
  type Delimiter,
  issueMessage,
  type RowIssue,
  readTextFile,
  type TextEncoding,
  type TextSource,
} from '@leadport/shared'
import { keeping } from './collect.ts'
import { FirstIndex, phoneKey } from './phone-keys.ts'
import { MIN_SPLIT_BYTES } from './split-size.ts'
import type { CheckSettings, WorkerResult } from './types.ts'

/*
 * Both cores on one text file: the page's worker checks the first half while a helper worker
 * checks the second, from a line break near the middle. The helper's rows cross as typed arrays
 * (transferred), plus the rows with issues; the merge then marks the second half's numbers that
 * the first half already had, so the result is the one a single pass gives. A cut inside a
 * quoted value that spans lines shows as an unterminated quote at the end of the first half:
 * the page's worker then checks the whole file alone.
 */

/** Where the second half starts: a byte just after a line break. */
export interface SplitPlan {
  at: number
}

const LF = 10
const CR = 13

/**
 * Cuts a text file just after the first LF past 47 % of it (the first half's worker also joins
 * the halves); null when it is smaller than `minBytes`, in UTF-16 or has no line break there.
 * @example planSplit(bytes, 'utf-8') // { at: 31_000_071 }
 */
export function planSplit(
  bytes: Uint8Array,
  encoding: TextEncoding,
  minBytes = MIN_SPLIT_BYTES,
): SplitPlan | null {
  if (!splits(bytes.length, encoding, minBytes)) return null
  return splitIn(bytes.length, bytes.subarray(splitFrom(bytes.length)))
}

/** Whether a text file of `size` bytes in `encoding` is checked in two halves. */
export function splits(size: number, encoding: TextEncoding, minBytes = MIN_SPLIT_BYTES): boolean {
  return size >= minBytes && encoding !== 'utf-16le' && encoding !== 'utf-16be'
}

/** Where the search for the cut's line break starts. */
export function splitFrom(size: number): number {
  return Math.floor(size * 0.47)
}

/**
 * The cut from the bytes at {@link splitFrom} on (as many as read: the first LF must be in them).
 * @example splitIn(file.size, bytesFromTheSearchStart)
 */
export function splitIn(size: number, window: Uint8Array): SplitPlan | null {
  const lf = window.indexOf(LF)
  const at = splitFrom(size) + lf + 1
  return lf < 0 || at >= size ? null : { at }
}

/**
 * Line breaks in `bytes[0, end)` as the CSV parser counts them (CRLF, LF and CR each end a line).
 * @example linesBefore(new TextEncoder().encode('a\r\nb\rc\n'), 7) // 3
 */
export function linesBefore(bytes: Uint8Array, end: number): number {
  let lines = 0
  // The common case, no CR at all, as one plain loop (a native search per line was slower).
  if (bytes.subarray(0, end).indexOf(CR) < 0) {
    for (let i = 0; i < end; i++) if (bytes[i] === LF) lines++
    return lines
  }
  for (let i = 0; i < end; i++) {
    const c = bytes[i]
    if (c === LF || (c === CR && bytes[i + 1] !== LF)) lines++
  }
  return lines
}

/** The second half's rows as the helper worker checked them (typed arrays are transferred). */
export interface PartResult {
  plan: SplitPlan
  /** Line numbers counted from the cut (its line is 1): the helper never reads the first half. */
  rowNumbers: Int32Array<ArrayBuffer>
  /** 0 no issue, 1 warnings only, 2 invalid. */
  state: Uint8Array<ArrayBuffer>
  phones: Float64Array<ArrayBuffer>
  /** The bytes read, from the line break before the cut on (the page's worker keeps them). */
  tail: Uint8Array<ArrayBuffer>
  /** Indexes (within the part) of the rows with issues, with their issues and cells. */
  issueRows: Int32Array<ArrayBuffer>
  issues: (readonly RowIssue[])[]
  cells: Cell[][]
}

/** How the first half was read: the second is read the same way. */
export interface PartSetup {
  encoding: TextEncoding
  delimiter: Delimiter
  headerLength: number
}

/**
 * Reads and validates the rows from `plan.at` on, as a single pass over the file would bar the
 * line numbers (counted from the cut) and duplicates of numbers from the first half, which
 * {@link mergePart} puts right. `tail` is the file from the line break before the cut
 * (`plan.at - 1`) on, as bytes or a stream, `tailSize` bytes; they come back in the result.
 * @example await checkPart(blob.slice(plan.at - 1).stream(), blob.size - plan.at + 1, plan, …)
 */
export async function checkPart(
  tail: TextSource,
  tailSize: number,
  plan: SplitPlan,
  setup: PartSetup,
  settings: CheckSettings,
  variables: AssistantVariable[],
): Promise<WorkerResult<PartResult>> {
  const v = createRowValidator({
    mapping: settings.mapping,
    targets: buildTargets(variables),
    format: settings.format,
    headerLength: setup.headerLength,
  })
  let rowNumbers = new Int32Array(1 << 16)
  let state = new Uint8Array(1 << 16)
  let phones = new Float64Array(1 << 16)
  const issueRows: number[] = []
  const issues: (readonly RowIssue[])[] = []
  const cells: Cell[][] = []
  let n = 0
  // From the line break before the cut: the parser sees one blank line (line 1) first, and the
  // decoder never takes a U+FEFF that starts the first row for a byte order mark.
  const kept = new Uint8Array(tailSize)
  const read = await readTextFile(keeping(tail, kept, 0), {
    encoding: setup.encoding,
    delimiter: setup.delimiter,
    onRecord: (fields, line) => {
      if (n === rowNumbers.length) {
        rowNumbers = grow(rowNumbers, new Int32Array(n * 2))
        state = grow(state, new Uint8Array(n * 2))
        phones = grow(phones, new Float64Array(n * 2))
      }
      // Line 1 of `tail` is the line break before the cut.
      const r = v.validate(fields, line - 1, false)
      rowNumbers[n] = r.row
      if (r.phone_e164 !== null) phones[n] = phoneKey(r.phone_e164)
      if (r.issues.length > 0) {
        state[n] = r.invalid ? 2 : 1
        issueRows.push(n)
        issues.push(r.issues)
        cells.push(fields)
      }
      n++
    },
  })
  if (!read.ok && read.error.code !== 'FILE_EMPTY') {
    return { ok: false, error: { code: read.error.code, message: read.error.message } }
  }
  return {
    ok: true,
    data: {
      plan,
      tail: kept,
      rowNumbers: rowNumbers.slice(0, n),
      state: state.slice(0, n),
      phones: phones.slice(0, n),
      issueRows: Int32Array.from(issueRows),
      issues,
      cells,
    },
  }
}

function grow<T extends Int32Array | Uint8Array | Float64Array>(from: T, to: T): T {
  to.set(from)
  return to
}

/** The rows as typed arrays, one entry per data row. */
export interface RowArrays {
  rowNumbers: Int32Array<ArrayBuffer>
  state: Uint8Array<ArrayBuffer>
  hidden: Uint8Array<ArrayBuffer>
  phones: Float64Array<ArrayBuffer>
}

/**
 * The first row of each number of the first half (built while the helper still works).
 * @example const first = firstRowsOf(phones)
 */
export function firstRowsOf(phones: Float64Array): FirstIndex {
  const first = new FirstIndex(phones.length)
  for (let i = phones.length - 1; i >= 0; i--) {
    const key = phones[i] as number
    if (key !== 0) first.set(key, i)
  }
  return first
}

/**
 * Appends the second half's rows to the first half's (`cells` and `issues` in place): their
 * line numbers moved by the lines before the cut (`firstLine` is the cut's line), and each
 * second-half row whose number the first half has marked a duplicate of the first row with it
 * (replacing a duplicate of a second-half row: a single pass points at the file's first row with
 * the number). `first` is {@link firstRowsOf} the first half's numbers.
 * @example const all = mergePart(first, cells, issues, part, 470_002, firstRowsOf(first.phones))
 */
export function mergePart(
  a: RowArrays,
  cells: (Cell[] | null)[],
  issues: Map<number, readonly RowIssue[]>,
  part: PartResult,
  firstLine: number,
  first: FirstIndex,
): RowArrays {
  const count = a.rowNumbers.length
  const m = part.rowNumbers.length
  const out: RowArrays = {
    rowNumbers: new Int32Array(count + m),
    state: new Uint8Array(count + m),
    hidden: new Uint8Array(count + m),
    phones: new Float64Array(count + m),
  }
  out.rowNumbers.set(a.rowNumbers)
  const shift = firstLine - 1
  for (let j = 0; j < m; j++) out.rowNumbers[count + j] = (part.rowNumbers[j] as number) + shift
  out.state.set(a.state)
  out.state.set(part.state, count)
  out.hidden.set(a.hidden)
  out.phones.set(a.phones)
  out.phones.set(part.phones, count)
  for (let j = 0; j < m; j++) cells.push(null)
  for (let k = 0; k < part.issueRows.length; k++) {
    const i = count + (part.issueRows[k] as number)
    cells[i] = part.cells[k] as Cell[]
    issues.set(i, part.issues[k] as readonly RowIssue[])
  }
  // Second-half rows that first had a number repeated later in the second half.
  const firstInPart = new Map<number, number>()
  for (let k = 0; k < part.issueRows.length; k++) {
    if (part.issues[k]?.some((x) => x.code === 'DUPLICATE_IN_FILE')) {
      firstInPart.set(part.phones[part.issueRows[k] as number] as number, -1)
    }
  }
  for (let j = 0; j < m; j++) {
    const key = part.phones[j] as number
    if (key === 0) continue
    const f = first.get(key)
    const i = count + j
    let firstRow: number
    if (f >= 0) {
      firstRow = a.rowNumbers[f] as number
      out.state[i] = 2
    } else {
      const seen = firstInPart.get(key)
      if (seen === undefined) continue
      if (seen < 0) {
        firstInPart.set(key, i)
        continue
      }
      firstRow = out.rowNumbers[seen] as number
    }
    const dup: RowIssue = {
      code: 'DUPLICATE_IN_FILE',
      field: 'phone_number',
      severity: 'error',
      message: issueMessage('DUPLICATE_IN_FILE', { firstRow }),
    }
    const list = issues.get(i) ?? []
    const at = list.findIndex((x) => x.code === 'DUPLICATE_IN_FILE')
    issues.set(i, at < 0 ? [...list, dup] : list.map((x, k) => (k === at ? dup : x)))
  }
  return out
}
