import {
  buildTargets,
  type Cell,
  type CountryCode,
  cellToText,
  createRowValidator,
  exactCell,
  issueMessage,
  normalizePhoneCell,
  type RowIssue,
  type RowValidator,
} from '@leadport/shared'
import { FirstIndex, phoneKey } from './phone-keys.ts'
import { inCampaignIssue, problemIndexes } from './review.ts'
import { cellsOf } from './row-source.ts'
import type { CheckedRows } from './session.ts'
import type { EditLog, ProblemFilter } from './types.ts'

const validators = new WeakMap<CheckedRows, RowValidator>()

function validatorFor(c: CheckedRows): RowValidator {
  let v = validators.get(c)
  if (!v) {
    v = createRowValidator({
      mapping: c.settings.mapping,
      targets: buildTargets(c.variables),
      format: c.settings.format,
      headerLength: c.header.length,
    })
    validators.set(c, v)
  }
  return v
}

// Kept or read again from the file (see `row-source.ts`).
function rowCells(c: CheckedRows, i: number): Cell[] {
  return cellsOf(c, i)[0] as Cell[]
}

// The first pass leaves it out (most imports are never edited); built in file order, so each
// number points at its first row.
function firstIndexOf(c: CheckedRows): FirstIndex {
  if (c.firstIndex) return c.firstIndex
  const f = new FirstIndex(c.phones.length)
  for (let i = c.phones.length - 1; i >= 0; i--) {
    const key = c.phones[i] as number
    if (key !== 0) f.set(key, i)
  }
  c.firstIndex = f
  return f
}

/**
 * Validates row `i` again after its cells changed: the same rules as the first pass, an
 * in-file duplicate when an earlier kept row has the number, and the campaign check.
 * @example revalidate(c, 12)
 */
export function revalidate(c: CheckedRows, i: number): void {
  const v = validatorFor(c)
  v.reset()
  const r = v.validate(rowCells(c, i), c.rowNumbers[i] as number, c.hidden[i] === 1)
  const list: RowIssue[] = [...r.issues]
  const phone = r.phone_e164
  const firstIndex = firstIndexOf(c)
  c.phones[i] = phone === null ? 0 : phoneKey(phone)
  if (phone !== null) {
    const key = phoneKey(phone)
    const first = firstIndex.get(key)
    if (first < 0 || first > i || c.deleted[first] === 1) firstIndex.set(key, i)
    else if (first !== i) {
      const firstRow = c.rowNumbers[first] as number
      list.push({
        code: 'DUPLICATE_IN_FILE',
        field: 'phone_number',
        severity: 'error',
        message: issueMessage('DUPLICATE_IN_FILE', { firstRow }),
      })
    }
    const found = c.inCampaign.get(phone)
    if (found) list.push(inCampaignIssue(found.status))
  }
  c.issues.delete(i)
  if (list.length === 0) {
    c.state[i] = 0
    return
  }
  c.issues.set(i, list)
  c.state[i] = list.some((x) => x.severity === 'error') ? 2 : 1
}

/** Sets one cell (as text) of row `i` and re-validates the row. */
export function editCell(c: CheckedRows, i: number, col: number, value: string): void {
  const cells = [...rowCells(c, i)]
  while (cells.length <= col) cells.push(null)
  cells[col] = value
  c.cells[i] = cells
  c.edits.set(i, cells)
  revalidate(c, i)
}

/**
 * Find and replace (plain text, every occurrence) in one column of the rows that pass
 * `filter`; returns how many rows changed.
 * @example replaceInColumn(c, 'all', 2, ' ', '')
 */
export function replaceInColumn(
  c: CheckedRows,
  filter: ProblemFilter,
  col: number,
  find: string,
  replace: string,
): number {
  if (find === '') return 0
  let changed = 0
  for (const i of problemIndexes(c, filter)) {
    const text = cellToText(rowCells(c, i)[col] ?? null)
    if (!text.includes(find)) continue
    editCell(c, i, col, text.split(find).join(replace))
    changed++
  }
  return changed
}

/**
 * Reads the phone of the given rows as national numbers of `country` and writes the E.164
 * result into the phone cell; returns how many rows got a valid number.
 * @example applyCountry(c, [3, 8], 'TR')
 */
export function applyCountry(c: CheckedRows, indexes: readonly number[], country: string): number {
  const col = c.settings.mapping.phone_number
  if (col === null) return 0
  let fixed = 0
  for (const i of indexes) {
    const p = normalizePhoneCell(exactCell(rowCells(c, i)[col] ?? null), {
      kind: 'national',
      country: country as CountryCode,
    })
    if (p.e164 === null) continue
    editCell(c, i, col, p.ext ? `${p.e164} ext. ${p.ext}` : p.e164)
    fixed++
  }
  return fixed
}

/** Leaves rows out of the import (they are not sent). */
export function deleteRows(c: CheckedRows, indexes: Iterable<number>): void {
  for (const i of indexes) if (i >= 0 && i < c.deleted.length) c.deleted[i] = 1
  c.deletions++
}

/** Leaves out every row carrying `code`; returns how many. */
export function deleteByCode(c: CheckedRows, code: string): number {
  const rows = problemIndexes(c, { code })
  deleteRows(c, rows)
  return rows.length
}

/** The user's changes, in a form that replays onto the same file read the same way. */
export function editLog(c: CheckedRows): EditLog {
  const edits = [...c.edits].sort((a, b) => a[0] - b[0])
  const deleted: number[] = []
  for (let i = 0; i < c.deleted.length; i++) if (c.deleted[i] === 1) deleted.push(i)
  return { edits, deleted }
}

/** Replays saved changes (after a reload) onto freshly checked rows. */
export function replayEdits(c: CheckedRows, log: EditLog): void {
  for (const [i, cells] of log.edits) {
    if (i < 0 || i >= c.cells.length) continue
    c.cells[i] = cells
    c.edits.set(i, cells)
    revalidate(c, i)
  }
  deleteRows(c, log.deleted)
}
