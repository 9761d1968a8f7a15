import { parseArgs } from 'node:util'
import {
  type CountryCode,
  cellToText,
  checkLeadFile,
  type Mapping,
  type PhoneFormat,
  type ValidatedRow,
} from '@leadport/shared'
import {
  CliError,
  FILE_OPTION_SPECS,
  readInputFile,
  readOptionsFrom,
  targetsFrom,
} from './file-options.ts'

/**
 * `leads check FILE`: reads, maps and validates every row as an import would, and prints the
 * mapping, the counts and each row with its issues (`--json`) or a readable summary.
 */
export async function checkCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { ...FILE_OPTION_SPECS, format: { type: 'string' }, country: { type: 'string' } },
    allowPositionals: true,
  })
  const path = positionals[0]
  const bytes = readInputFile(path)
  const format = phoneFormat(values.format, values.country)
  const targets = targetsFrom(values.variables)
  const rows: ValidatedRow[] = []
  const res = await checkLeadFile(
    bytes,
    { ...readOptionsFrom(values, path as string, targets), format },
    (r) => {
      rows.push(r)
      return undefined
    },
  )
  if (!res.ok) throw new CliError(res.error.code, res.error.message)
  const { file, mapping, summary } = res.data
  const header = file.header.map((c) => cellToText(c))
  const out = {
    file: {
      kind: file.kind,
      encoding: file.encoding ?? null,
      delimiter: file.delimiter ?? null,
      sheet: file.sheet ?? null,
      headerRow: file.headerRow,
    },
    mapping: mappingByHeader(mapping, header),
    summary: {
      rows: summary.rows,
      valid: summary.valid,
      invalid: summary.invalid,
      warnings: summary.warnings,
      duplicates_in_file: summary.duplicates_in_file,
    },
    rows: rows.map((r) => ({
      row: r.row,
      phone_e164: r.phone_e164,
      secondary_phones_e164: r.secondary_phones_e164,
      values: { ...r.values, ...(r.email ? { email: r.email } : {}) },
      issues: r.issues.map(({ code, field, severity, message }) => ({
        code,
        field,
        severity,
        message,
      })),
    })),
  }
  if (values.json) {
    console.log(JSON.stringify(out, null, 2))
    return 0
  }
  const s = out.summary
  console.log(`${path}: ${file.kind.toUpperCase()}, header at row ${file.headerRow}`)
  console.log(`  phone_number ← ${out.mapping.phone_number ?? '(no column)'}`)
  for (const [k, v] of Object.entries(out.mapping.variables))
    console.log(`  ${k} ← ${v ?? '(not mapped)'}`)
  console.log(
    `  ${s.rows} rows: ${s.valid} valid (${s.warnings} with warnings), ${s.invalid} invalid, ${s.duplicates_in_file} duplicates in the file`,
  )
  for (const note of file.notes) console.log(`  note: ${note}`)
  const bad = rows.filter((r) => r.issues.length > 0).slice(0, 50)
  for (const r of bad) {
    for (const i of r.issues) console.log(`  row ${r.row}: ${i.severity} ${i.code}: ${i.message}`)
  }
  return 0
}

function phoneFormat(format: string | undefined, country: string | undefined): PhoneFormat {
  const kind = format ?? (country ? 'national' : 'international')
  if (kind === 'international') return { kind }
  if (kind !== 'national')
    throw new CliError('BAD_REQUEST', '--format is international or national.')
  if (!country || !/^[A-Za-z]{2}$/.test(country)) {
    throw new CliError(
      'BAD_REQUEST',
      'National format needs --country with a two-letter code, e.g. --country TR.',
    )
  }
  return { kind: 'national', country: country.toUpperCase() as CountryCode }
}

function mappingByHeader(m: Mapping, header: string[]) {
  const name = (i: number | null) => (i === null ? null : (header[i] ?? null))
  const variables: Record<string, string | null> = {}
  for (const [k, v] of Object.entries(m.variables)) variables[k] = name(v)
  return {
    phone_number: name(m.phone_number),
    email: name(m.email),
    variables,
    secondary_phones: m.secondary_phones.map((i) => header[i] ?? null),
  }
}
