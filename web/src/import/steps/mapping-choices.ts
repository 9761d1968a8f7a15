import type { AssistantVariable, Mapping } from '@leadport/shared'

/** What one column feeds: nothing, the phone, a secondary phone, the email or a variable. */
export type ColumnChoice = '' | 'phone_number' | 'secondary' | 'email' | `var:${string}`

/** The choice of column `col` in a mapping. */
export function choiceOf(mapping: Mapping, col: number): ColumnChoice {
  if (mapping.phone_number === col) return 'phone_number'
  if (mapping.email === col) return 'email'
  if (mapping.secondary_phones.includes(col)) return 'secondary'
  for (const [key, c] of Object.entries(mapping.variables)) if (c === col) return `var:${key}`
  return ''
}

/**
 * The mapping with column `col` set to `choice`; a single-valued target moves from the column
 * that had it (which then feeds nothing).
 * @example setChoice(mapping, 3, 'phone_number')
 */
export function setChoice(mapping: Mapping, col: number, choice: ColumnChoice): Mapping {
  const variables: Record<string, number | null> = Object.create(null)
  for (const [k, c] of Object.entries(mapping.variables)) variables[k] = c === col ? null : c
  const next: Mapping = {
    phone_number: mapping.phone_number === col ? null : mapping.phone_number,
    email: mapping.email === col ? null : mapping.email,
    secondary_phones: mapping.secondary_phones.filter((c) => c !== col),
    variables,
  }
  if (choice === 'phone_number') next.phone_number = col
  else if (choice === 'email') next.email = col
  else if (choice === 'secondary')
    next.secondary_phones = [...next.secondary_phones, col].sort((a, b) => a - b)
  else if (choice.startsWith('var:')) next.variables[choice.slice(4)] = col
  return next
}

/** The options every column's picker offers. */
export function choiceOptions(variables: readonly AssistantVariable[]) {
  return [
    { value: '', label: "Don't import" },
    { value: 'phone_number', label: 'Phone number' },
    { value: 'secondary', label: 'Secondary phone' },
    { value: 'email', label: 'Email' },
    ...variables.map((v) => ({
      value: `var:${v.key}`,
      label: `${v.label}${v.required ? ' (required)' : ''}`,
    })),
  ]
}
