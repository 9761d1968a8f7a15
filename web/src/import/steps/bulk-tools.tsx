import { useState } from 'react'
import { parseBridge } from '../parse-bridge.ts'
import type { ProblemFilter, ReviewSummary } from '../worker/types.ts'
import { CountryPicker } from './country-picker.tsx'
import { issueLabel } from './issue-labels.ts'

/**
 * Fixes for many rows at once: find and replace in a column of the shown rows, a country for
 * the selected rows, deleting the selected rows or every row with an issue.
 */
export function BulkTools({
  header,
  filter,
  shown,
  selected,
  summary,
  onChanged,
}: {
  header: string[]
  filter: ProblemFilter
  shown: number
  selected: ReadonlySet<number>
  summary: ReviewSummary
  onChanged: (message: string) => void
}) {
  const [col, setCol] = useState(0)
  const [find, setFind] = useState('')
  const [replace, setReplace] = useState('')
  const [country, setCountry] = useState('TR')
  const [code, setCode] = useState('')
  // The country list renders only once the user opens it (245 options).
  const [picking, setPicking] = useState(false)
  const codes = Object.keys(summary.by_code).filter((c) => (summary.by_code[c] ?? 0) > 0)
  const deleteCode = code || codes[0] || ''

  return (
    <fieldset className="bulk">
      <legend className="sr-only">Fix many rows</legend>
      <form
        className="bulk-item"
        onSubmit={async (e) => {
          e.preventDefault()
          const n = await parseBridge.api.replaceInColumn(filter, col, find, replace)
          onChanged(`Replaced in ${n.toLocaleString()} rows.`)
        }}
      >
        <strong>Find and replace</strong>
        <label>
          Column
          <select
            data-testid="replace-column"
            value={col}
            onChange={(e) => setCol(Number(e.target.value))}
          >
            {header.map((h, i) => (
              <option key={i} value={i}>
                {h || `Column ${i + 1}`}
              </option>
            ))}
          </select>
        </label>
        <label>
          Find
          <input
            data-testid="replace-find"
            value={find}
            onChange={(e) => setFind(e.target.value)}
          />
        </label>
        <label>
          Replace with
          <input
            data-testid="replace-with"
            value={replace}
            onChange={(e) => setReplace(e.target.value)}
          />
        </label>
        <button type="submit" disabled={find === '' || shown === 0}>
          Replace in {shown.toLocaleString()} shown rows
        </button>
      </form>
      <div className="bulk-item">
        <strong>Selected rows ({selected.size.toLocaleString()})</strong>
        <details onToggle={(e) => setPicking(e.currentTarget.open)}>
          <summary>Apply a country to their numbers</summary>
          {picking && (
            <CountryPicker
              label="Country"
              value={country}
              onChange={setCountry}
              testId="bulk-country"
            />
          )}
          <button
            type="button"
            disabled={selected.size === 0}
            onClick={async () => {
              const n = await parseBridge.api.applyCountry([...selected], country)
              onChanged(
                `${n.toLocaleString()} of ${selected.size.toLocaleString()} numbers read as ${country} numbers.`,
              )
            }}
          >
            Apply {country} to selected
          </button>
        </details>
        <button
          type="button"
          className="danger"
          disabled={selected.size === 0}
          data-testid="delete-selected"
          onClick={async () => {
            await parseBridge.api.deleteRows([...selected])
            onChanged(`${selected.size.toLocaleString()} rows left out of the import.`)
          }}
        >
          Delete selected
        </button>
      </div>
      <div className="bulk-item">
        <strong>Every row with an issue</strong>
        <label>
          Issue
          <select
            data-testid="delete-code"
            value={deleteCode}
            onChange={(e) => setCode(e.target.value)}
          >
            {codes.map((c) => (
              <option key={c} value={c}>
                {issueLabel(c)} ({(summary.by_code[c] ?? 0).toLocaleString()})
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="danger"
          disabled={!deleteCode}
          onClick={async () => {
            const n = await parseBridge.api.deleteByCode(deleteCode)
            onChanged(
              `${n.toLocaleString()} rows with "${issueLabel(deleteCode)}" left out of the import.`,
            )
          }}
        >
          Delete these rows
        </button>
      </div>
    </fieldset>
  )
}
