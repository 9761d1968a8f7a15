import { describe, expect, it } from 'vitest'
import { choiceOf, setChoice } from './mapping-choices.ts'

const base = () => ({
  phone_number: 0,
  email: null,
  secondary_phones: [3],
  variables: Object.assign(Object.create(null), { customer_name: 1, company: null }),
})

describe('column choices', () => {
  it('reads what each column feeds', () => {
    const m = base()
    expect([0, 1, 2, 3].map((c) => choiceOf(m, c))).toEqual([
      'phone_number',
      'var:customer_name',
      '',
      'secondary',
    ])
  })

  it('moves a single-valued target to the new column, leaving the old one unmapped', () => {
    const m = setChoice(base(), 2, 'phone_number')
    expect(m.phone_number).toBe(2)
    expect(choiceOf(m, 0)).toBe('')
    const v = setChoice(m, 0, 'var:customer_name')
    expect(v.variables.customer_name).toBe(0)
    expect(choiceOf(v, 1)).toBe('')
  })

  it('keeps several secondary phone columns in column order and drops one on "Don\'t import"', () => {
    const m = setChoice(setChoice(base(), 1, 'secondary'), 2, 'secondary')
    expect(m.secondary_phones).toEqual([1, 2, 3])
    expect(setChoice(m, 2, '').secondary_phones).toEqual([1, 3])
  })
})
