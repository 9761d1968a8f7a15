import {
  type AssistantVariable,
  buildTargets,
  type Cell,
  cellToText,
  checkLeadFile,
  type RowIssue,
} from '@leadport/shared'
import { summarize } from './review.ts'
import { type CheckedRows, session } from './session.ts'
import type { CheckSettings, ReviewSummary, WorkerResult } from './types.ts'

/**
 * Reads, maps and validates the whole open file and keeps every row (cells as read, issues,
 * numbers) in the worker for the review grid and the chunks. Progress arrives as a fraction.
 * @example await checkFile({ read: {}, mapping, format }, variables, (f) => {})
 */
export async function checkFile(
  settings: CheckSettings,
  variables: AssistantVariable[],
  onProgress?: (fraction: number) => void,
): Promise<WorkerResult<ReviewSummary>> {
  const s = session()
  s.checked = null
  const cells: Cell[][] = []
  const rowNumbers: number[] = []
  const hidden: number[] = []
  const state: number[] = []
  const phones: (string | null)[] = []
  const issues = new Map<number, readonly RowIssue[]>()
  const firstIndex = new Map<string, number>()
  let lastReport = 0
  const res = await checkLeadFile(
    s.bytes,
    {
      fileName: s.name,
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
      const i = cells.length
      cells.push(raw as Cell[])
      rowNumbers.push(r.row)
      hidden.push(0)
      phones.push(r.phone_e164)
      if (r.issues.length > 0) {
        issues.set(i, r.issues)
        state.push(r.invalid ? 2 : 1)
      } else state.push(0)
      if (r.phone_e164 !== null && !firstIndex.has(r.phone_e164)) firstIndex.set(r.phone_e164, i)
      return undefined
    },
  )
  if (!res.ok) return { ok: false, error: { code: res.error.code, message: res.error.message } }
  const n = cells.length
  const checked: CheckedRows = {
    settings,
    variables,
    header: res.data.file.header.map((c) => cellToText(c)),
    cells,
    rowNumbers: Int32Array.from(rowNumbers),
    hidden: Uint8Array.from(hidden),
    state: Uint8Array.from(state),
    deleted: new Uint8Array(n),
    deletions: 0,
    phones,
    issues,
    firstIndex,
    inCampaign: new Map(),
    edits: new Map(),
  }
  // Hidden rows carry HIDDEN_ROW; the flag itself goes with the chunk.
  for (const [i, list] of issues) {
    if (list.some((x) => x.code === 'HIDDEN_ROW')) checked.hidden[i] = 1
  }
  s.checked = checked
  return { ok: true, data: summarize(checked) }
}
