import {
  type AssistantVariable,
  autoMap,
  buildTargets,
  type Cell,
  cellToText,
  createRowValidator,
  detectHeaderRow,
  type Mapping,
  type PhoneFormat,
  readLeadFile,
  TEXT_ENCODINGS,
  validateMapping,
} from '@leadport/shared'
import { session, wholeBytes } from './session.ts'
import type { MapPreview, ReadOptions, ReadPreview, WorkerResult } from './types.ts'

/** Rows shown on the read-options step, from the top of the file. */
const TOP_ROWS = 30
/** Data rows shown on the mapping step. */
export const PREVIEW_ROWS = 50
// Workbooks are parsed up to this row for previews (the header sits in the first 20).
const PREVIEW_MAX_ROWS = 80

let previewData: { header: Cell[]; rows: { row: number; cells: Cell[]; hidden: boolean }[] } = {
  header: [],
  rows: [],
}

/**
 * Reads the top of the open file with `options`, finds the header row (unless given) and
 * proposes a mapping from its names. Keeps the first data rows for {@link previewMapping}.
 * @example await readPreview({ encoding: 'windows-1254' }, variables)
 */
export async function readPreview(
  options: ReadOptions,
  variables: AssistantVariable[],
): Promise<WorkerResult<ReadPreview>> {
  const s = session()
  const targets = buildTargets(variables)
  const top: { row: number; cells: Cell[]; hidden: boolean }[] = []
  let firstRow = 0
  let enough = false
  // Forcing the header to the first row hands every row below it to us, title rows included.
  const read = await readLeadFile(
    s.bytes,
    {
      fileName: s.name,
      sheet: options.sheet,
      encoding: options.encoding,
      delimiter: options.delimiter,
      headerRow: 1,
      maxRows: PREVIEW_MAX_ROWS + (options.headerRow ?? 0),
      targets,
      onHeader: (cells, row) => {
        top.push({ row, cells, hidden: false })
        firstRow = row
      },
    },
    (cells, row, hidden) => {
      top.push({ row, cells, hidden })
      enough = top.length >= PREVIEW_MAX_ROWS + (options.headerRow ?? 0)
      return !enough
    },
  )
  // Only the head of a big file is in memory yet, and it ran out first: read on in the whole.
  if (!enough && s.rest) {
    await wholeBytes(s)
    return readPreview(options, variables)
  }
  if (!read.ok && read.error.code !== 'NO_DATA_ROWS') return read
  if (top.length === 0 || firstRow === 0) {
    return read.ok
      ? { ok: false, error: { code: 'NO_DATA_ROWS', message: 'The file has no rows with data.' } }
      : read
  }
  const detected = detectHeaderRow(
    top.slice(0, 20).map((r) => r.cells),
    targets,
  ).index
  let at = detected
  if (options.headerRow !== undefined) {
    at = top.findIndex((r) => r.row >= (options.headerRow as number))
    if (at < 0) at = 0
  }
  const header = (top[at] as { cells: Cell[] }).cells
  const dataRows = top.slice(at + 1, at + 1 + PREVIEW_ROWS)
  previewData = { header, rows: dataRows }
  const info = read.ok ? read.data : null
  const guess = info?.encodingGuess
  return {
    ok: true,
    data: {
      kind: info?.kind ?? 'csv',
      notes: info?.notes ?? [],
      encoding: info?.encoding,
      encodings: guess ? [guess.encoding, ...guess.alternatives] : [...TEXT_ENCODINGS],
      delimiter: info?.delimiter,
      sheets: info?.sheets ?? [],
      sheet: info?.sheet,
      headerRow: (top[at] as { row: number }).row,
      detectedHeaderRow: top[detected]?.row ?? 1,
      header: header.map((c) => cellToText(c)),
      rows: top.slice(0, TOP_ROWS).map((r) => ({ row: r.row, cells: r.cells.map(cellToText) })),
      autoMapping: autoMap(header, targets, { sampleRows: dataRows.map((r) => r.cells) }),
    },
  }
}

/**
 * Maps and validates the first data rows of the last preview: what they will look like once
 * imported, and what is wrong with the mapping itself.
 * @example previewMapping(mapping, { kind: 'international' }, variables)
 */
export function previewMapping(
  mapping: Mapping,
  format: PhoneFormat,
  variables: AssistantVariable[],
): MapPreview {
  const targets = buildTargets(variables)
  const issues = validateMapping(mapping, previewData.header.length, targets)
  if (mapping.phone_number === null) return { rows: [], issues }
  const v = createRowValidator({
    mapping,
    targets,
    format,
    headerLength: previewData.header.length,
  })
  const rows = previewData.rows.map((r) => {
    const x = v.validate(r.cells, r.row, r.hidden)
    return {
      row: x.row,
      phone: x.phone_e164
        ? x.phone_ext
          ? `${x.phone_e164} ext. ${x.phone_ext}`
          : x.phone_e164
        : null,
      secondary: x.secondary_phones_e164,
      email: x.email,
      values: x.values,
      issues: x.issues,
      invalid: x.invalid,
    }
  })
  return { rows, issues }
}
