import {
  type AssistantVariable,
  buildTargets,
  type Cell,
  cellToText,
  checkLeadFile,
  detectEncoding,
  type RowIssue,
  sniffFile,
  type TextSource,
} from '@leadport/shared'
import { keeping } from './collect.ts'
import { phoneKey } from './phone-keys.ts'
import { summarize } from './review.ts'
import { type CheckedRows, fileBytes, session, wholeBytes } from './session.ts'
import {
  firstRowsOf,
  linesBefore,
  mergePart,
  type PartResult,
  type RowArrays,
  type SplitPlan,
  splitFrom,
  splitIn,
  splits,
} from './split.ts'
import type { CheckSettings, ReviewSummary, WorkerResult } from './types.ts'

/** The second half of the file, checked by a helper worker (see `split.ts`). */
export interface HelperPart {
  plan: SplitPlan
  /** The file's bytes before the cut, as they are read (the check starts with the first ones). */
  text: TextSource
  /** The file's size: its bytes are kept, the helper's half included, to read rows again. */
  size: number
  result: Promise<WorkerResult<PartResult>>
}

/**
 * Where the open file is cut for a helper worker (both workers compute the same cut, from the
 * head and the bytes near the middle only), or null when it is checked whole.
 * @example const plan = await splitPlanOf(settings)
 */
export async function splitPlanOf(settings: CheckSettings): Promise<SplitPlan | null> {
  const s = session()
  const sniffed = sniffFile(s.bytes, s.name)
  if (!sniffed.ok || sniffed.data.kind !== 'csv') return null
  const encoding = settings.read.encoding ?? detectEncoding(s.bytes.subarray(0, 64 * 1024)).encoding
  const size = s.rest ? s.rest.size : s.bytes.length
  if (!splits(size, encoding)) return null
  const from = splitFrom(size)
  return splitIn(size, await fileBytes(s, from, Math.min(size, from + (1 << 20))))
}

/**
 * Reads, maps and validates the whole open file and keeps every row (issues, numbers; the
 * cells of rows with issues, or of every row of a workbook) in the worker for the review grid
 * and the chunks. Progress arrives as a fraction. With `helper`, this worker checks only the
 * file's first half and merges the helper's second half; if the halves cannot be joined (the
 * cut fell inside a quoted value), it checks the whole file alone.
 * @example await checkFile({ read: {}, mapping, format }, variables, (f) => {})
 */
export async function checkFile(
  settings: CheckSettings,
  variables: AssistantVariable[],
  onProgress?: (fraction: number) => void,
  helper?: HelperPart,
): Promise<WorkerResult<ReviewSummary>> {
  const s = session()
  if (!helper) await wholeBytes(s)
  s.checked = null
  // A text file's rows can be read again from its bytes: only rows with issues keep their cells.
  const sniffed = sniffFile(s.bytes, s.name)
  const isText = sniffed.ok && sniffed.data.kind === 'csv'
  const c = {
    cells: [] as (Cell[] | null)[],
    rowNumbers: [] as number[],
    state: [] as number[],
    phones: new Float64Array(1 << 16),
    issues: new Map<number, readonly RowIssue[]>(),
  }
  let lastReport = 0
  const whole = helper ? new Uint8Array(helper.size) : s.bytes
  const res = await checkLeadFile(
    s.bytes,
    {
      fileName: s.name,
      text: helper && { source: keeping(helper.text, whole, 0), size: helper.plan.at },
      ...settings.read,
      format: settings.format,
      mapping: settings.mapping,
      targets: buildTargets(variables),
      // The reader reports often; the page needs a few updates a second at most.
      onProgress: onProgress
        ? (f) => {
            if (f - lastReport >= 0.02 || f === 1) {
              lastReport = f
              onProgress(f)
            }
          }
        : undefined,
    },
    (r, raw) => {
      const i = c.cells.length
      c.cells.push(isText && r.issues.length === 0 ? null : (raw as Cell[]))
      c.rowNumbers.push(r.row)
      if (i === c.phones.length) c.phones = grown(c.phones)
      if (r.phone_e164 !== null) c.phones[i] = phoneKey(r.phone_e164)
      if (r.issues.length > 0) {
        c.issues.set(i, r.issues)
        c.state.push(r.invalid ? 2 : 1)
      } else c.state.push(0)
      return undefined
    },
  )
  let rows: RowArrays = {
    rowNumbers: Int32Array.from(c.rowNumbers),
    state: Uint8Array.from(c.state),
    hidden: new Uint8Array(c.cells.length),
    phones: c.phones.slice(0, c.cells.length),
  }
  if (helper) {
    // Any failure of a half (a quoted value across the cut, above all) is checked whole, so the
    // user sees what a single pass says.
    const first = res.ok ? firstRowsOf(rows.phones) : null
    const part = first ? await helper.result : null
    if (!first || !part?.ok || part.data.plan.at !== helper.plan.at) {
      return checkFile(settings, variables, onProgress)
    }
    // The helper's bytes start with the line break before the cut.
    whole.set(part.data.tail.subarray(1), helper.plan.at)
    s.bytes = whole
    s.rest = null
    const firstLine = linesBefore(s.bytes, helper.plan.at) + 1
    rows = mergePart(rows, c.cells, c.issues, part.data, firstLine, first)
  }
  if (!res.ok) return { ok: false, error: { code: res.error.code, message: res.error.message } }
  const n = c.cells.length
  const checked: CheckedRows = {
    settings,
    variables,
    header: res.data.file.header.map((x) => cellToText(x)),
    cells: c.cells,
    source: null,
    ...rows,
    deleted: new Uint8Array(n),
    deletions: 0,
    issues: c.issues,
    firstIndex: null,
    inCampaign: new Map(),
    edits: new Map(),
  }
  const { encoding, delimiter } = res.data.file
  if (isText) {
    // The text reader always reports both; without them the rows could not be read again.
    if (!encoding || !delimiter) throw new Error('The text file was read without its encoding.')
    checked.source = { bytes: s.bytes, encoding, delimiter, lineStarts: null }
  }
  // Hidden rows carry HIDDEN_ROW; the flag itself goes with the chunk.
  for (const [i, list] of c.issues) {
    if (list.some((x) => x.code === 'HIDDEN_ROW')) checked.hidden[i] = 1
  }
  s.checked = checked
  return { ok: true, data: summarize(checked) }
}

function grown(a: Float64Array<ArrayBuffer>): Float64Array<ArrayBuffer> {
  const b = new Float64Array(a.length * 2)
  b.set(a)
  return b
}
