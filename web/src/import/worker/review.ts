import { type Cell, cellToText, issueMessage, type RowIssue } from '@leadport/shared'
import { phoneOfKey } from './phone-keys.ts'
import { cellsOf } from './row-source.ts'
import type { CheckedRows } from './session.ts'
import type { GridRow, ProblemFilter, ReviewSummary } from './types.ts'

/**
 * Counts over the rows still in the import, from the stored issues (deleted rows left out).
 * @example summarize(checkedRows()).valid
 */
export function summarize(c: CheckedRows): ReviewSummary {
  const s: ReviewSummary = {
    rows: 0,
    valid: 0,
    invalid: 0,
    warnings: 0,
    duplicates_in_file: 0,
    by_code: {},
    deleted: 0,
    in_campaign: 0,
    problems: 0,
  }
  const n = c.cells.length
  for (let i = 0; i < n; i++) {
    if (c.deleted[i] === 1) {
      s.deleted++
      continue
    }
    s.rows++
    const st = c.state[i]
    if (st === 2) s.invalid++
    else {
      s.valid++
      if (st === 1) s.warnings++
    }
  }
  for (const [i, list] of c.issues) {
    if (c.deleted[i] === 1) continue
    s.problems++
    for (const x of list) {
      s.by_code[x.code] = (s.by_code[x.code] ?? 0) + 1
      if (x.code === 'DUPLICATE_IN_FILE') s.duplicates_in_file++
      if (x.code === 'DUPLICATE_IN_CAMPAIGN') s.in_campaign++
    }
  }
  return s
}

function matches(list: readonly RowIssue[], invalid: boolean, filter: ProblemFilter): boolean {
  if (filter === 'all') return true
  if (filter === 'errors') return invalid
  if (filter === 'warnings') return !invalid
  return list.some((x) => x.code === filter.code)
}

/**
 * Indexes (file order) of the rows with issues that pass `filter`, deleted rows left out.
 * @example problemIndexes(c, { code: 'PHONE_INVALID' })
 */
export function problemIndexes(c: CheckedRows, filter: ProblemFilter): Int32Array {
  const out: number[] = []
  for (const [i, list] of c.issues) {
    if (c.deleted[i] === 1) continue
    if (matches(list, c.state[i] === 2, filter)) out.push(i)
  }
  // Map order is insertion order, but edited rows are re-inserted: sort into file order.
  const arr = Int32Array.from(out)
  arr.sort()
  return arr
}

/**
 * The grid's view of some rows: cells as text, issues, and the campaign lead with the number.
 * @example gridRows(c, [4, 9])
 */
export function gridRows(c: CheckedRows, indexes: readonly number[]): GridRow[] {
  const out: GridRow[] = []
  for (const i of indexes) {
    if (i < 0 || i >= c.cells.length) continue
    const cells = cellsOf(c, i)[0] as Cell[]
    const phone = phoneOfKey(c.phones[i] as number)
    const found = phone === null ? undefined : c.inCampaign.get(phone)
    const row: GridRow = {
      index: i,
      row: c.rowNumbers[i] as number,
      cells: cells.map((x) => cellToText(x)),
      issues: c.issues.get(i) ?? [],
      invalid: c.state[i] === 2,
    }
    if (found) row.inCampaign = { lead_id: found.lead_id, status: found.status }
    out.push(row)
  }
  return out
}

/** The DUPLICATE_IN_CAMPAIGN issue for a number the campaign has (with its lead's status). */
export function inCampaignIssue(status: string): RowIssue {
  return {
    code: 'DUPLICATE_IN_CAMPAIGN',
    field: 'phone_number',
    severity: 'error',
    message: `${issueMessage('DUPLICATE_IN_CAMPAIGN')} (lead status: ${status})`,
  }
}
