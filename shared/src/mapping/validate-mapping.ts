import type { FileCode } from '../errors/codes.ts'
import type { Mapping } from './auto-map.ts'
import { columnLetter } from './column-label.ts'
import { type Field, MAX_SECONDARY_PHONES } from './fields.ts'

/** Codes of mapping problems; `NO_PHONE_COLUMN` is the file-level code from `errors/codes.ts`. */
export type MappingIssueCode =
  | Extract<FileCode, 'NO_PHONE_COLUMN'>
  | 'MAPPING_MALFORMED'
  | 'COLUMN_OUT_OF_RANGE'
  | 'COLUMN_MAPPED_TWICE'
  | 'UNKNOWN_TARGET'
  | 'TOO_MANY_SECONDARY_PHONES'
  | 'REQUIRED_VARIABLE_UNMAPPED'

/** One problem with a mapping. Errors block the import; warnings are shown and allowed. */
export interface MappingIssue {
  code: MappingIssueCode
  severity: 'error' | 'warning'
  message: string
  /** The target key concerned (`phone_number`, `secondary_phones`, a variable key). */
  target?: string
  /** The column index concerned. */
  column?: number
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * Checks a mapping (possibly read back from JSON or sent by a client) against the file's column
 * count and the campaign's targets. Returns problems as values, never throws.
 * - no primary phone column → `NO_PHONE_COLUMN` (error);
 * - a column index that is not an integer in `[0, columnCount)` → `COLUMN_OUT_OF_RANGE`;
 * - one column under two targets (or twice in secondary phones) → `COLUMN_MAPPED_TWICE`;
 * - a variable key the targets do not have → `UNKNOWN_TARGET`;
 * - more than 10 secondary phone columns → `TOO_MANY_SECONDARY_PHONES` (warning: extra dropped);
 * - a required variable with no column and no default → `REQUIRED_VARIABLE_UNMAPPED` (warning:
 *   each row will carry `VARIABLE_MISSING`).
 * @example validateMapping(autoMap(headers, targets), headers.length, targets) // []
 */
export function validateMapping(
  mapping: Mapping,
  columnCount: number,
  targets: readonly Field[],
): MappingIssue[] {
  const issues: MappingIssue[] = []
  const m: unknown = mapping
  if (!isRecord(m) || !Array.isArray(m.secondary_phones) || !isRecord(m.variables)) {
    return [{ code: 'MAPPING_MALFORMED', severity: 'error', message: 'The mapping is not valid.' }]
  }
  const owner = new Map<number, string>()
  const use = (target: string, column: unknown) => {
    if (column === null || column === undefined) return
    if (
      !Number.isSafeInteger(column) ||
      (column as number) < 0 ||
      (column as number) >= columnCount
    ) {
      issues.push({
        code: 'COLUMN_OUT_OF_RANGE',
        severity: 'error',
        message: `"${target}" points at column ${String(column)}, but the file has ${columnCount} columns.`,
        target,
      })
      return
    }
    const col = column as number
    const first = owner.get(col)
    if (first !== undefined) {
      issues.push({
        code: 'COLUMN_MAPPED_TWICE',
        severity: 'error',
        message: `Column ${columnLetter(col)} is mapped to both "${first}" and "${target}".`,
        target,
        column: col,
      })
    } else owner.set(col, target)
  }
  if (m.phone_number === null || m.phone_number === undefined) {
    issues.push({
      code: 'NO_PHONE_COLUMN',
      severity: 'error',
      message: 'No column is mapped to the phone number. Choose the column that holds it.',
      target: 'phone_number',
    })
  }
  use('phone_number', m.phone_number)
  use('email', m.email)
  for (const col of m.secondary_phones) use('secondary_phones', col)
  if (m.secondary_phones.length > MAX_SECONDARY_PHONES) {
    issues.push({
      code: 'TOO_MANY_SECONDARY_PHONES',
      severity: 'warning',
      message: `Only the first ${MAX_SECONDARY_PHONES} secondary phone columns are kept.`,
      target: 'secondary_phones',
    })
  }
  const variables = new Map<string, Field>()
  for (const t of targets) if (t.role === 'variable') variables.set(t.key, t)
  for (const key of Object.keys(m.variables)) {
    if (!variables.has(key)) {
      issues.push({
        code: 'UNKNOWN_TARGET',
        severity: 'error',
        message: `The mapping names a variable "${key}" that this campaign's assistant does not have.`,
        target: key,
      })
      continue
    }
    use(key, m.variables[key])
  }
  for (const [key, field] of variables) {
    const col = Object.hasOwn(m.variables, key) ? m.variables[key] : null
    if (field.required && (col === null || col === undefined) && field.default === undefined) {
      issues.push({
        code: 'REQUIRED_VARIABLE_UNMAPPED',
        severity: 'warning',
        message: `No column is mapped to "${field.label}"; rows will be imported without it.`,
        target: key,
      })
    }
  }
  return issues
}
