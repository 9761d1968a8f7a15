import { parseArgs } from 'node:util'
import { type Cell, readLeadFile } from '@leadport/shared'
import {
  CliError,
  FILE_OPTION_SPECS,
  readInputFile,
  readOptionsFrom,
  rowText,
  targetsFrom,
} from './file-options.ts'

/**
 * `leads inspect FILE`: how the file is read (kind, encoding, delimiter, sheets, header row) and
 * its rows as the user sees them.
 */
export async function inspectCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { ...FILE_OPTION_SPECS, limit: { type: 'string' } },
    allowPositionals: true,
  })
  const path = positionals[0]
  const bytes = readInputFile(path)
  const limit = values.limit === undefined ? Number.POSITIVE_INFINITY : Number(values.limit)
  if (!(limit >= 0)) throw new CliError('BAD_REQUEST', '--limit takes a number of rows.')
  const rows: string[][] = []
  const read = await readLeadFile(
    bytes,
    readOptionsFrom(values, path as string, targetsFrom(values.variables)),
    (cells: Cell[]) => {
      rows.push(rowText(cells))
      return rows.length < limit
    },
  )
  if (!read.ok) throw new CliError(read.error.code, read.error.message)
  const f = read.data
  const out = {
    kind: f.kind,
    encoding: f.encoding ?? null,
    delimiter: f.delimiter ?? null,
    sheets: (f.sheets ?? []).map((s) => ({ name: s.name, hidden: s.hidden })),
    sheet: f.sheet ?? null,
    headerRow: f.headerRow,
    header: rowText(f.header),
    rows,
    notes: f.notes,
  }
  if (values.json) {
    console.log(JSON.stringify(out, null, 2))
    return 0
  }
  console.log(`${path}: ${out.kind.toUpperCase()}`)
  if (out.encoding)
    console.log(`  encoding ${out.encoding}, delimiter ${JSON.stringify(out.delimiter)}`)
  if (out.sheet) {
    const list = out.sheets.map((s) => (s.hidden ? `${s.name} (hidden)` : s.name)).join(', ')
    console.log(`  sheet "${out.sheet}" of: ${list}`)
  }
  console.log(`  header at row ${out.headerRow}: ${out.header.join(' | ')}`)
  for (const note of out.notes) console.log(`  note: ${note}`)
  console.log(`  ${rows.length.toLocaleString('en-US')} data rows${values.limit ? ' shown' : ''}`)
  for (const r of rows.slice(0, 20)) console.log(`    ${r.join(' | ')}`)
  return 0
}
