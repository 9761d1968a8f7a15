import { autoMap, type Mapping } from '../mapping/auto-map.ts'
import type { PhoneFormat } from '../phone/types.ts'
import type { Cell, Result } from '../read/types.ts'
import { cellToText } from '../read/workbook/cells.ts'
import {
  createRowValidator,
  type RowValidator,
  type ValidatedRow,
} from '../validate/validate-row.ts'
import { type LeadFileInfo, type ReadLeadOptions, readLeadFile } from './read-lead-file.ts'

/** Data rows used to choose between phone columns when mapping automatically. */
const SAMPLE_ROWS = 20

/** Options of {@link checkLeadFile}: how to read, map and validate. */
export interface CheckLeadOptions extends ReadLeadOptions {
  format: PhoneFormat
  /** The user's mapping; detected from the header when absent. */
  mapping?: Mapping
}

/** Counts over a checked file. */
export interface CheckSummary {
  rows: number
  valid: number
  invalid: number
  /** Rows imported with at least one warning. */
  warnings: number
  duplicates_in_file: number
  /** Rows per issue code. */
  by_code: Record<string, number>
}

/** The file, the mapping used and the counts. */
export interface CheckedFile {
  file: LeadFileInfo
  mapping: Mapping
  summary: CheckSummary
}

/**
 * Reads, maps and validates a whole lead file, streaming each validated row, its raw cells and
 * the mapping in use to `onRow` (in file order) and returning counts. The same function runs in
 * the browser worker, the server and the CLI.
 * @example await checkLeadFile(bytes, { targets, format: { kind: 'international' } }, (r) => {})
 */
export async function checkLeadFile(
  bytes: Uint8Array,
  options: CheckLeadOptions,
  onRow: (row: ValidatedRow, cells: readonly Cell[], mapping: Mapping) => boolean | undefined,
): Promise<Result<CheckedFile>> {
  const summary: CheckSummary = {
    rows: 0,
    valid: 0,
    invalid: 0,
    warnings: 0,
    duplicates_in_file: 0,
    by_code: Object.create(null),
  }
  let header: Cell[] = []
  let mapping: Mapping | undefined = options.mapping
  let validator: RowValidator | undefined
  const sample: { cells: Cell[]; rowNumber: number; hidden: boolean }[] = []
  let stopped = false

  const emit = (cells: Cell[], rowNumber: number, hidden: boolean): boolean => {
    const v = (validator as RowValidator).validate(cells, rowNumber, hidden)
    summary.rows++
    if (v.invalid) summary.invalid++
    else {
      summary.valid++
      if (v.issues.length > 0) summary.warnings++
    }
    for (const issue of v.issues) {
      summary.by_code[issue.code] = (summary.by_code[issue.code] ?? 0) + 1
      if (issue.code === 'DUPLICATE_IN_FILE') summary.duplicates_in_file++
    }
    if (onRow(v, cells, mapping as Mapping) === false) stopped = true
    return !stopped
  }

  let noPhone = false
  const start = (headerCells: Cell[]) => {
    mapping ??= autoMap(headerCells, options.targets, { sampleRows: sample.map((s) => s.cells) })
    if (mapping.phone_number === null) {
      // Nothing can be imported without numbers: stop reading and say which column is needed.
      noPhone = true
      stopped = true
      sample.length = 0
      return
    }
    validator = createRowValidator({
      mapping,
      targets: options.targets,
      format: options.format,
      headerLength: headerCells.length,
    })
    for (const s of sample) if (!emit(s.cells, s.rowNumber, s.hidden)) break
    sample.length = 0
  }

  const read = await readLeadFile(
    bytes,
    {
      ...options,
      onHeader: (cells, row) => {
        header = cells
        options.onHeader?.(cells, row)
      },
    },
    (cells, rowNumber, hidden) => {
      if (stopped) return false
      if (validator) return emit(cells, rowNumber, hidden)
      sample.push({ cells, rowNumber, hidden })
      if (sample.length >= SAMPLE_ROWS) start(header)
      return !stopped
    },
  )
  if (!read.ok) return read
  if (!validator && !noPhone) start(read.data.header)
  if (noPhone) {
    const headers = read.data.header.map((c) => cellToText(c)).filter(Boolean)
    return {
      ok: false,
      error: {
        code: 'NO_PHONE_COLUMN',
        message:
          `No column holds phone numbers (the header row ${read.data.headerRow} has: ${headers.slice(0, 8).join(', ') || 'nothing'}). ` +
          'Name the column with the numbers "phone_number" (or "Phone", "Telefon", "Mobile"), or pick it when mapping columns.',
      },
    }
  }
  return { ok: true, data: { file: read.data, mapping: mapping as Mapping, summary } }
}
