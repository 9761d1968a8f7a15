import type { RowIssueCode } from '../errors/codes.ts'
import type { Mapping } from '../mapping/auto-map.ts'
import { type Field, MAX_SECONDARY_PHONES } from '../mapping/fields.ts'
import { normalizePhoneCell } from '../phone/cell.ts'
import type { PhoneFormat } from '../phone/types.ts'
import type { Cell } from '../read/types.ts'
import { cellToText, exactCell } from '../read/workbook/cells.ts'
import { cleanText, isPlain } from './clean-text.ts'
import { issueMessage, type RowIssue, severityOf } from './messages.ts'
import { NumberIndex } from './number-index.ts'

/** What the validator needs to know about an import; plain data (crosses the worker boundary). */
export interface ValidationSetup {
  mapping: Mapping
  /** The campaign's targets (`buildTargets` of its assistant's variables). */
  targets: readonly Field[]
  format: PhoneFormat
  /** Number of header cells; values past it are `EXTRA_VALUES`. */
  headerLength: number
}

/** One row after validation: normalised values plus its issues. */
export interface ValidatedRow {
  /** Row number the user sees: Excel's row, or the CSV line the record starts on. */
  row: number
  phone_e164: string | null
  phone_ext: string | null
  /** Shared and frozen when empty. */
  secondary_phones_e164: readonly string[]
  email: string | null
  /** Variable values by key (never a `__proto__` key). */
  values: Record<string, string>
  /** Shared and frozen when empty. */
  issues: readonly RowIssue[]
  /** True when some issue is an error: the row is not imported as it is. */
  invalid: boolean
}

const NO_ISSUES: readonly RowIssue[] = Object.freeze([])
const NO_PHONES: readonly string[] = Object.freeze([])

/**
 * Builds a validator for one import. It keeps the numbers it has seen, so rows must be fed in
 * file order; a repeated number is `DUPLICATE_IN_FILE` pointing at the first row.
 * @example const v = createRowValidator(setup); const r = v.validate(cells, 2, false)
 */
export function createRowValidator(setup: ValidationSetup) {
  const { mapping, format, headerLength } = setup
  const country = format.kind === 'national' ? format.country : undefined
  // `values` is a plain object (much faster to fill than a null-prototype one, which V8 keeps
  // in dictionary mode); `__proto__` is the one key that would change its prototype, so a
  // variable with that key is never written.
  const variables = setup.targets.filter((t) => t.role === 'variable' && t.key !== '__proto__')
  const variableColumns = variables.map((t) => mapping.variables[t.key] ?? null)
  const emailMax = setup.targets.find((t) => t.role === 'email')?.maxLength ?? 254
  const seen = new NumberIndex()

  // Issues of the row being validated; most rows have none, so the array is made on demand.
  let issues: RowIssue[] | null = null
  function add(code: RowIssueCode, field: string, message: string, severity = severityOf(code)) {
    const issue: RowIssue = { code, field, severity, message }
    if (issues === null) issues = [issue]
    else issues.push(issue)
  }

  // Set by `text` when it removed characters.
  let cleaned = false
  function text(cell: Cell | undefined): string {
    const raw = cellToText(cell ?? null)
    if (isPlain(raw)) return raw
    const c = cleanText(raw)
    if (c.cleaned) cleaned = true
    return c.text
  }

  function validate(cells: readonly Cell[], row: number, hidden: boolean): ValidatedRow {
    issues = null
    let cleanedLabel: string | null = null

    // Primary phone: a formatted number cell gives its exact value, never its display text.
    const phoneCell =
      mapping.phone_number === null ? null : exactCell(cells[mapping.phone_number] ?? null)
    const phone = normalizePhoneCell(phoneCell, format)
    const rawPhone = phoneCell === null ? undefined : cellToText(phoneCell)
    for (const code of phone.codes) {
      add(code, 'phone_number', issueMessage(code, { value: rawPhone, country }))
    }
    let secondary: readonly string[] = phone.secondary

    // Secondary phone columns: an unusable one is dropped with a warning, never fatal.
    for (const col of mapping.secondary_phones) {
      const cell = exactCell(cells[col] ?? null)
      if (cell === null || cell === '') continue
      const p = normalizePhoneCell(cell, format)
      if (p.e164 !== null) {
        secondary = secondary.concat(p.e164, p.secondary)
      } else {
        const code = p.codes[0] ?? 'PHONE_INVALID'
        add(
          code,
          'secondary_phones',
          `Secondary number dropped: ${issueMessage(code, { value: cellToText(cell), country })}`,
          'warning',
        )
      }
    }
    const secondaryUnique =
      secondary.length === 0 ? NO_PHONES : dedupeSecondary(secondary, phone.e164)

    // Email.
    let email: string | null = null
    if (mapping.email !== null) {
      cleaned = false
      const value = text(cells[mapping.email])
      if (cleaned) cleanedLabel ??= 'email'
      if (value !== '') {
        if (value.length > emailMax) {
          add(
            'VALUE_TOO_LONG',
            'email',
            issueMessage('VALUE_TOO_LONG', {
              label: 'The email',
              length: value.length,
              limit: emailMax,
            }),
          )
        } else if (!isEmailShaped(value)) {
          add('EMAIL_INVALID', 'email', issueMessage('EMAIL_INVALID', { value: value }))
        } else email = value
      }
    }

    // Variables.
    const values: Record<string, string> = {}
    for (let i = 0; i < variables.length; i++) {
      const field = variables[i] as Field
      const col = variableColumns[i]
      let value = ''
      if (col !== null && col !== undefined) {
        cleaned = false
        value = text(cells[col])
        if (cleaned) cleanedLabel ??= field.label
      }
      if (value.length > field.maxLength) {
        add(
          'VALUE_TOO_LONG',
          field.key,
          issueMessage('VALUE_TOO_LONG', {
            label: field.label,
            length: value.length,
            limit: field.maxLength,
          }),
        )
        value = ''
      }
      if (value === '' && field.default !== undefined) value = field.default
      if (value === '' && field.required) {
        add('VARIABLE_MISSING', field.key, issueMessage('VARIABLE_MISSING', { label: field.label }))
      }
      if (value !== '') values[field.key] = value
    }
    if (cleanedLabel !== null)
      add('TEXT_CLEANED', 'values', issueMessage('TEXT_CLEANED', { label: cleanedLabel }))

    // Ragged and hidden rows.
    if (cells.length > headerLength) {
      let extra = 0
      for (let c = headerLength; c < cells.length; c++)
        if (cells[c] !== null && cells[c] !== '') extra++
      if (extra > 0) add('EXTRA_VALUES', 'row', issueMessage('EXTRA_VALUES', { length: extra }))
    }
    if (hidden) add('HIDDEN_ROW', 'row', issueMessage('HIDDEN_ROW'))

    // In-file duplicates, by primary E.164 (the extension is not part of the key).
    if (phone.e164 !== null) {
      const first = seen.firstRow(phone.e164, row)
      if (first >= 0)
        add(
          'DUPLICATE_IN_FILE',
          'phone_number',
          issueMessage('DUPLICATE_IN_FILE', { firstRow: first }),
        )
    }

    const found: readonly RowIssue[] = issues ?? NO_ISSUES
    let invalid = false
    for (const issue of found) if (issue.severity === 'error') invalid = true
    return {
      row,
      phone_e164: phone.e164,
      phone_ext: phone.ext ?? null,
      secondary_phones_e164: secondaryUnique,
      email,
      values,
      issues: found,
      invalid,
    }
  }

  return {
    validate,
    /** Forgets the numbers seen so far (a new pass over the file). */
    reset: () => seen.clear(),
  }
}

/** The validator type {@link createRowValidator} returns. */
export type RowValidator = ReturnType<typeof createRowValidator>

function dedupeSecondary(list: readonly string[], primary: string | null): readonly string[] {
  if (list.length === 0) return list
  const out: string[] = []
  for (const n of list) {
    if (n !== primary && !out.includes(n) && out.length < MAX_SECONDARY_PHONES) out.push(n)
  }
  return out
}

/**
 * Deliberately loose: one `@` with text before it, no whitespace, and a dot inside the domain.
 * Mail servers decide the rest. A char loop: this runs for every row that has an email.
 */
function isEmailShaped(s: string): boolean {
  let at = -1
  let dot = -1
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c <= 32 || c === 0xa0) return false
    if (c === 64) {
      if (at >= 0) return false
      at = i
    } else if (c === 46 && at >= 0) dot = i
  }
  return at > 0 && dot > at + 1 && dot < s.length - 1
}
