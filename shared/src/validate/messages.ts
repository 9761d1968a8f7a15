import type { RowIssueCode } from '../errors/codes.ts'

/** Whether a row issue stops the row (`error`) or only tells the user (`warning`). */
export type Severity = 'error' | 'warning'

/** One problem found in a row, as shown in the grid, the report, the API and the CLI. */
export interface RowIssue {
  code: RowIssueCode
  /** The field it concerns: `phone_number`, `email`, `secondary_phones` or a variable key. */
  field: string
  severity: Severity
  message: string
}

/** Facts a message may mention. */
export interface MessageContext {
  /** The value as written in the file (shortened). */
  value?: string
  /** Field label as the user knows it. */
  label?: string
  /** First row with the same number, for duplicates. */
  firstRow?: number
  /** Length or count, for limits. */
  length?: number
  limit?: number
  /** Country of National mode. */
  country?: string
}

const ERRORS = new Set<RowIssueCode>([
  'PHONE_MISSING',
  'PHONE_INVALID',
  'PHONE_SCIENTIFIC_NOTATION',
  'PHONE_HAS_LETTERS',
  'EMAIL_INVALID',
  'VALUE_TOO_LONG',
  'DUPLICATE_IN_FILE',
  'DUPLICATE_IN_CAMPAIGN',
  'DNC_LISTED',
])

/** The severity a code has on the primary phone or a value (see `validateRow` for exceptions). */
export function severityOf(code: RowIssueCode): Severity {
  return ERRORS.has(code) ? 'error' : 'warning'
}

function quote(value: string | undefined): string {
  if (value === undefined) return 'The value'
  const short = value.length > 40 ? `${value.slice(0, 40)}…` : value
  return `"${short}"`
}

/**
 * A plain message for a row issue: what is wrong and what to do about it.
 * @example issueMessage('PHONE_SCIENTIFIC_NOTATION', { value: '9.05551E+11' })
 */
export function issueMessage(code: RowIssueCode, ctx: MessageContext = {}): string {
  const v = quote(ctx.value)
  switch (code) {
    case 'PHONE_MISSING':
      return 'No phone number. Add one, or delete the row.'
    case 'PHONE_INVALID':
      return ctx.country
        ? `${v} is not a valid phone number for ${ctx.country}. Check the digits, or write it with + and the country code.`
        : `${v} is not a valid phone number. In International format it must start with + (or 00) and the country code.`
    case 'PHONE_SCIENTIFIC_NOTATION':
      return `${v} is in scientific notation: Excel has already lost digits. Format the column as Text in Excel, re-enter or re-export the numbers, then import again.`
    case 'PHONE_HAS_LETTERS':
      return `${v} contains letters. Write the number with digits only.`
    case 'EMAIL_INVALID':
      return `${v} is not an email address. Fix it or clear the cell.`
    case 'VALUE_TOO_LONG':
      return `${ctx.label ?? 'This value'} is ${ctx.length?.toLocaleString('en-US')} characters long; the limit is ${ctx.limit?.toLocaleString('en-US')}. Shorten it.`
    case 'DUPLICATE_IN_FILE':
      return `The same number as row ${ctx.firstRow}. Only the first row with a number is imported.`
    case 'DUPLICATE_IN_CAMPAIGN':
      return 'This number is already a lead in this campaign. It is left as it is.'
    case 'DNC_LISTED':
      return 'This number is on the do-not-call list and will not be dialled.'
    case 'PHONE_FROM_NUMBER_CELL':
      return 'Read from a number cell: the exact digits were used. Check the country if the number lost its + or leading 0.'
    case 'PHONE_SPLIT':
      return 'The cell held several numbers: the first valid one is the main number, the others are secondary numbers.'
    case 'PHONE_EXTENSION':
      return 'The extension was kept apart from the number.'
    case 'VARIABLE_MISSING':
      return `${ctx.label ?? 'A required variable'} is empty: the assistant's script will have a gap. Fill it in, or give the variable a default.`
    case 'HIDDEN_ROW':
      return 'This row is hidden in the workbook. It is imported like the others; delete it here if it should not be.'
    case 'EXTRA_VALUES':
      return `The row has ${ctx.length} more values than the header has columns; they are not imported. Check for a stray delimiter.`
    case 'TEXT_CLEANED':
      return `Invisible characters (control, zero-width or direction marks) were removed from ${ctx.label ?? 'a value'}.`
  }
}
