/** Short names of the row issue codes for counts and filters. */
export const ISSUE_LABELS: Record<string, string> = {
  PHONE_MISSING: 'No phone number',
  PHONE_INVALID: 'Invalid phone number',
  PHONE_SCIENTIFIC_NOTATION: 'Number in scientific notation',
  PHONE_HAS_LETTERS: 'Letters in the number',
  EMAIL_INVALID: 'Invalid email',
  VALUE_TOO_LONG: 'Value too long',
  DUPLICATE_IN_FILE: 'Duplicate in the file',
  DUPLICATE_IN_CAMPAIGN: 'Already in the campaign',
  DNC_LISTED: 'On the do-not-call list',
  PHONE_FROM_NUMBER_CELL: 'Read from a number cell',
  PHONE_SPLIT: 'Several numbers in one cell',
  PHONE_EXTENSION: 'Extension kept apart',
  VARIABLE_MISSING: 'Required value missing',
  HIDDEN_ROW: 'Hidden row',
  EXTRA_VALUES: 'Values past the last column',
  TEXT_CLEANED: 'Invisible characters removed',
}

/** The label of a code (the code itself when unknown). */
export function issueLabel(code: string): string {
  return ISSUE_LABELS[code] ?? code
}
