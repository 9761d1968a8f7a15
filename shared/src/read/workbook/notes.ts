import type { WorkbookRead } from './types.ts'

const n = (x: number) => x.toLocaleString('en-US')

/**
 * Plain-language notes about a sheet read: hidden sheets skipped (when the sheet was picked,
 * not named), columns dropped, formulas without values, hidden rows, merges, truncation.
 * @example notesFor(read, true, 100) // ['3 rows are hidden in Excel.']
 */
export function notesFor(read: Omit<WorkbookRead, 'notes' | 'rows'>, picked: boolean, maxRows = 0) {
  const notes: string[] = []
  const skipped = read.sheets.filter((s) => s.hidden && (s.rows ?? 0) > 0).map((s) => s.name)
  if (picked && skipped.length > 0) {
    notes.push(`Hidden sheets were not read: ${skipped.map((s) => `"${s}"`).join(', ')}.`)
  }
  if (read.columnCount > read.columnsKept) {
    notes.push(
      `The sheet has ${n(read.columnCount)} columns; only the first ${n(read.columnsKept)} were read.`,
    )
  }
  if (read.formulasWithoutValue > 0) {
    notes.push(
      `${n(read.formulasWithoutValue)} formula cells (first in row ${read.formulaRows[0]}) have ` +
        'no saved value and were read as empty; open the file in Excel, let it calculate, ' +
        'save, and upload again.',
    )
  }
  if (read.hiddenRowCount > 0) notes.push(`${n(read.hiddenRowCount)} rows are hidden in Excel.`)
  if (read.otherMerges > 0) {
    notes.push(
      `${n(read.otherMerges)} merged cell ranges below the header keep their value in the ` +
        'first cell only.',
    )
  }
  if (read.truncated) notes.push(`Only rows up to row ${n(maxRows)} were read.`)
  return notes
}
