import type { RowIssueCode } from '../errors/codes.ts'
import type { Mapping } from '../mapping/auto-map.ts'
import { type Field, MAX_SECONDARY_PHONES } from '../mapping/fields.ts'
import { normalizePhoneCell } from '../phone/cell.ts'
import type { PhoneFormat } from '../phone/types.ts'
import type { Cell } from '../read/types.ts'
import { cellToText } from '../read/workbook/cells.ts'
import { cleanText } from './clean-text.ts'
import { issueMessage, type RowIssue, severityOf } from './messages.ts'

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
  secondary_phones_e164: string[]
  email: string | null
  /** Variable values by key (null prototype). */
  values: Record<string, string>
  issues: RowIssue[]
  /** True when some issue is an error: the row is not imported as it is. */
  invalid: boolean
}

// Deliberately loose: one @, no spaces, a dot in the domain. Mail servers decide the rest.
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/**
 * Builds a validator for one import. It keeps the numbers it has seen, so rows must be fed in
 * file order; a repeated number is `DUPLICATE_IN_FILE` pointing at the first row.
 * @example const v = createRowValidator(setup); const r = v.validate(cells, 2, false)
 */
export function createRowValidator(setup: ValidationSetup) {
  const { mapping, format, headerLength } = setup
  const country = format.kind === 'national' ? format.country : undefined
  const variables = setup.targets.filter((t) => t.role === 'variable')
  const variableColumns = variables.map((t) => mapping.variables[t.key] ?? null)
  const emailMax = setup.targets.find((t) => t.role === 'email')?.maxLength ?? 254
  const seen = new Map<string, number>()

  function add(
    issues: RowIssue[],
    code: RowIssueCode,
    field: string,
    message: string,
    severity = severityOf(code),
  ) {
    issues.push({ code, field, severity, message })
  }

  function validate(cells: readonly Cell[], row: number, hidden: boolean): ValidatedRow {
    const issues: RowIssue[] = []
    let cleanedLabel: string | null = null

    // Primary phone.
    const phoneCell = mapping.phone_number === null ? null : (cells[mapping.phone_number] ?? null)
    const phone = normalizePhoneCell(phoneCell, format)
    const rawPhone = phoneCell === null ? undefined : cellToText(phoneCell)
    for (const code of phone.codes) {
      add(issues, code, 'phone_number', issueMessage(code, { value: rawPhone, country }))
    }
    const secondary: string[] = phone.secondary.slice()

    // Secondary phone columns: an unusable one is dropped with a warning, never fatal.
    for (const col of mapping.secondary_phones) {
      const cell = cells[col] ?? null
      if (cell === null || cell === '') continue
      const p = normalizePhoneCell(cell, format)
      if (p.e164 !== null) {
        secondary.push(p.e164)
        for (const s of p.secondary) secondary.push(s)
      } else {
        const code = p.codes[0] ?? 'PHONE_INVALID'
        add(
          issues,
          code,
          'secondary_phones',
          `Secondary number dropped: ${issueMessage(code, { value: cellToText(cell), country })}`,
          'warning',
        )
      }
    }
    const secondaryUnique = dedupeSecondary(secondary, phone.e164)

    // Email.
    let email: string | null = null
    if (mapping.email !== null) {
      const c = cleanText(cellToText(cells[mapping.email] ?? null))
      if (c.cleaned) cleanedLabel ??= 'email'
      if (c.text !== '') {
        if (c.text.length > emailMax) {
          add(
            issues,
            'VALUE_TOO_LONG',
            'email',
            issueMessage('VALUE_TOO_LONG', {
              label: 'The email',
              length: c.text.length,
              limit: emailMax,
            }),
          )
        } else if (!EMAIL_RE.test(c.text)) {
          add(issues, 'EMAIL_INVALID', 'email', issueMessage('EMAIL_INVALID', { value: c.text }))
        } else email = c.text
      }
    }

    // Variables.
    const values: Record<string, string> = Object.create(null)
    for (let i = 0; i < variables.length; i++) {
      const field = variables[i] as Field
      const col = variableColumns[i]
      let text = ''
      if (col !== null && col !== undefined) {
        const c = cleanText(cellToText(cells[col] ?? null))
        if (c.cleaned) cleanedLabel ??= field.label
        text = c.text
      }
      if (text.length > field.maxLength) {
        add(
          issues,
          'VALUE_TOO_LONG',
          field.key,
          issueMessage('VALUE_TOO_LONG', {
            label: field.label,
            length: text.length,
            limit: field.maxLength,
          }),
        )
        text = ''
      }
      if (text === '' && field.default !== undefined) text = field.default
      if (text === '' && field.required) {
        add(
          issues,
          'VARIABLE_MISSING',
          field.key,
          issueMessage('VARIABLE_MISSING', { label: field.label }),
        )
      }
      if (text !== '') values[field.key] = text
    }
    if (cleanedLabel !== null)
      add(issues, 'TEXT_CLEANED', 'values', issueMessage('TEXT_CLEANED', { label: cleanedLabel }))

    // Ragged and hidden rows.
    if (cells.length > headerLength) {
      let extra = 0
      for (let c = headerLength; c < cells.length; c++)
        if (cells[c] !== null && cells[c] !== '') extra++
      if (extra > 0)
        add(issues, 'EXTRA_VALUES', 'row', issueMessage('EXTRA_VALUES', { length: extra }))
    }
    if (hidden) add(issues, 'HIDDEN_ROW', 'row', issueMessage('HIDDEN_ROW'))

    // In-file duplicates, by primary E.164 (the extension is not part of the key).
    if (phone.e164 !== null) {
      const first = seen.get(phone.e164)
      if (first === undefined) seen.set(phone.e164, row)
      else
        add(
          issues,
          'DUPLICATE_IN_FILE',
          'phone_number',
          issueMessage('DUPLICATE_IN_FILE', { firstRow: first }),
        )
    }

    let invalid = false
    for (const issue of issues) if (issue.severity === 'error') invalid = true
    return {
      row,
      phone_e164: phone.e164,
      phone_ext: phone.ext ?? null,
      secondary_phones_e164: secondaryUnique,
      email,
      values,
      issues,
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

function dedupeSecondary(list: string[], primary: string | null): string[] {
  if (list.length === 0) return list
  const out: string[] = []
  for (const n of list) {
    if (n !== primary && !out.includes(n) && out.length < MAX_SECONDARY_PHONES) out.push(n)
  }
  return out
}
