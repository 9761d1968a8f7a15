import type { PhoneNumber } from '@leadport/shared'
import { type FormEvent, useState } from 'react'
import {
  useCreatePhoneNumber,
  usePhoneNumbers,
  useRelabelPhoneNumber,
} from '../../api/phone-numbers.ts'
import { QueryState } from '../query-state.tsx'

const COUNTRIES = ['TR', 'US', 'GB', 'DE', 'FR', 'IN', 'BR']

/** `/numbers`: the caller numbers (caller ID) campaigns call from. */
export function NumbersPage() {
  const numbers = usePhoneNumbers()
  const create = useCreatePhoneNumber()
  const [phone, setPhone] = useState('')
  const [country, setCountry] = useState('')
  const [label, setLabel] = useState('')
  const submit = (e: FormEvent) => {
    e.preventDefault()
    create.mutate(
      { phone_number: phone, label, ...(country ? { country } : {}) },
      {
        onSuccess: () => {
          setPhone('')
          setLabel('')
        },
      },
    )
  }
  return (
    <>
      <div className="page-head">
        <h1>Caller numbers</h1>
      </div>
      <section className="panel">
        <h2>Add a number</h2>
        <form className="inline-form" onSubmit={submit} data-testid="number-form">
          <label htmlFor="number-phone">Number</label>
          <input
            id="number-phone"
            data-testid="number-phone"
            type="tel"
            value={phone}
            onChange={(e) => setPhone(e.target.value)}
            placeholder="+90 212 123 45 67"
            required
          />
          <label htmlFor="number-country">Format</label>
          <select
            id="number-country"
            value={country}
            onChange={(e) => setCountry(e.target.value)}
            className="short"
          >
            <option value="">International (+)</option>
            {COUNTRIES.map((c) => (
              <option key={c} value={c}>
                National: {c}
              </option>
            ))}
          </select>
          <label htmlFor="number-label">Label</label>
          <input
            id="number-label"
            data-testid="number-label"
            value={label}
            onChange={(e) => setLabel(e.target.value)}
            placeholder="Istanbul office"
            maxLength={100}
          />
          <button
            type="submit"
            data-testid="add-number"
            disabled={create.isPending || !phone.trim()}
          >
            Add number
          </button>
        </form>
        {create.error && (
          <p className="error" role="alert" data-testid="number-error">
            {create.error.message}
          </p>
        )}
      </section>
      <section className="panel">
        <QueryState what="caller numbers" query={numbers}>
          {numbers.data?.items.length === 0 ? (
            <p className="muted" data-testid="numbers-empty">
              No caller numbers yet. A campaign needs at least one to start.
            </p>
          ) : (
            <table className="table" data-testid="numbers-table">
              <thead>
                <tr>
                  <th scope="col">Number</th>
                  <th scope="col">Label</th>
                  <th scope="col">Added</th>
                </tr>
              </thead>
              <tbody>
                {numbers.data?.items.map((n) => (
                  <NumberRow key={n.id} number={n} />
                ))}
              </tbody>
            </table>
          )}
        </QueryState>
      </section>
    </>
  )
}

function NumberRow({ number }: { number: PhoneNumber }) {
  const relabel = useRelabelPhoneNumber()
  const [label, setLabel] = useState(number.label)
  const changed = label.trim() !== number.label
  return (
    <tr>
      <td className="mono">{number.phone_e164}</td>
      <td>
        <span className="inline">
          <input
            aria-label={`Label of ${number.phone_e164}`}
            value={label}
            onChange={(e) => setLabel(e.target.value)}
            maxLength={100}
          />
          {changed && (
            <button
              type="button"
              className="secondary"
              onClick={() => relabel.mutate({ id: number.id, label })}
            >
              Save
            </button>
          )}
        </span>
        {relabel.error && <span className="error">{relabel.error.message}</span>}
      </td>
      <td className="muted">{new Date(number.created_at).toLocaleString()}</td>
    </tr>
  )
}
