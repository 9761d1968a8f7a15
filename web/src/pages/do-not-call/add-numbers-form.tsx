import { type FormEvent, useState } from 'react'
import { CountrySelect } from './country-select.tsx'
import { useAddDoNotCall } from './use-do-not-call.ts'

/** Type or paste numbers (one a line, or separated by commas) with an optional reason. */
export function AddNumbersForm() {
  const add = useAddDoNotCall()
  const [text, setText] = useState('')
  const [country, setCountry] = useState('')
  const [reason, setReason] = useState('')
  const numbers = text
    .split(/[\n;]+/)
    .map((s) => s.trim())
    .filter(Boolean)
  const submit = (e: FormEvent) => {
    e.preventDefault()
    add.mutate(
      { numbers, reason, ...(country ? { country } : {}) },
      { onSuccess: (r) => r.invalid === 0 && setText('') },
    )
  }
  const r = add.data
  const invalid = r?.results.flatMap((x) => (x.status === 'invalid' ? [x] : [])) ?? []
  return (
    <form onSubmit={submit} data-testid="dnc-add-form">
      <label htmlFor="dnc-numbers">Numbers, one a line</label>
      <textarea
        id="dnc-numbers"
        data-testid="dnc-numbers"
        rows={4}
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={'+90 532 123 45 67\n+1 213 373 4250'}
      />
      <div className="inline-form">
        <CountrySelect id="dnc-country" value={country} onChange={setCountry} />
        <label htmlFor="dnc-reason">Reason</label>
        <input
          id="dnc-reason"
          data-testid="dnc-reason"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder="Asked not to be called"
          maxLength={500}
        />
        <button
          type="submit"
          data-testid="dnc-add"
          disabled={add.isPending || numbers.length === 0}
        >
          Add to the list
        </button>
      </div>
      {add.error && (
        <p className="error" role="alert" data-testid="dnc-add-error">
          {add.error.message}
        </p>
      )}
      {r && (
        <p className="muted" role="status" data-testid="dnc-add-result">
          Added {r.added}, already listed {r.duplicate}
          {r.suppressed_leads > 0 ? `; ${r.suppressed_leads} waiting leads will not be called` : ''}
          .
        </p>
      )}
      {invalid.length > 0 && (
        <ul className="error" data-testid="dnc-add-invalid">
          {invalid.map((x, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the same input may be refused twice
            <li key={i}>{x.message}</li>
          ))}
        </ul>
      )}
    </form>
  )
}
