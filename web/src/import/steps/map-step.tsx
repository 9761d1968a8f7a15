import type { CampaignMapping, PhoneFormat } from '@leadport/shared'
import { useEffect, useState } from 'react'
import { loadSavedMapping } from '../campaign-import-api.ts'
import { setWizard, useWizard } from '../wizard/store.ts'
import { MappedPreview } from './mapped-preview.tsx'
import { type ColumnChoice, choiceOf, choiceOptions, setChoice } from './mapping-choices.ts'
import { StepNav } from './step-nav.tsx'
import { useMapPreview } from './use-map-preview.ts'

function sameHeader(a: readonly (string | null)[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((h, i) => (h ?? '') === b[i])
}

/** Step 3: which column feeds which field, proposed from the header and corrected by the user. */
export function MapStep() {
  const campaignId = useWizard((s) => s.campaignId)
  const preview = useWizard((s) => s.preview)
  const mapping = useWizard((s) => s.mapping)
  const format = useWizard((s) => s.format)
  const variables = useWizard((s) => s.variables)
  const mapped = useMapPreview(mapping, format)
  const [saved, setSaved] = useState<CampaignMapping | null>(null)

  useEffect(() => {
    loadSavedMapping(campaignId).then(setSaved, () => setSaved(null))
  }, [campaignId])

  if (!preview || !mapping) return null
  const options = choiceOptions(variables)
  const offer = saved && sameHeader(saved.header, preview.header) ? saved : null
  const errors = mapped?.issues.filter((i) => i.severity === 'error') ?? []
  const warnings = mapped?.issues.filter((i) => i.severity === 'warning') ?? []

  return (
    <div data-testid="step-map">
      {offer && (
        <div className="resume" data-testid="saved-mapping">
          <p>
            This file has the same columns as your last import into this campaign (
            {new Date(offer.saved_at).toLocaleString()}).
          </p>
          <button
            type="button"
            onClick={() => {
              setWizard({ mapping: offer.mapping, format: offer.format as PhoneFormat })
              setSaved(null)
            }}
          >
            Use the saved mapping
          </button>
        </div>
      )}
      <div className="scroll">
        <table className="table compact" aria-label="Columns of the file">
          <thead>
            <tr>
              <th scope="col">Column</th>
              <th scope="col">Header</th>
              <th scope="col">First values</th>
              <th scope="col">Import as</th>
            </tr>
          </thead>
          <tbody>
            {preview.header.map((h, col) => {
              const samples = preview.rows
                .filter((r) => r.row > preview.headerRow)
                .slice(0, 3)
                .map((r) => r.cells[col] ?? '')
                .filter(Boolean)
              const choice = choiceOf(mapping, col)
              return (
                <tr key={col} className={choice ? 'hl' : undefined}>
                  <td className="mono muted">{columnLetter(col)}</td>
                  <td>
                    <bdi>{h || <span className="muted">(no header)</span>}</bdi>
                  </td>
                  <td className="muted ellipsis">
                    <bdi>{samples.join(' · ')}</bdi>
                  </td>
                  <td>
                    <select
                      aria-label={`Import column ${columnLetter(col)} (${h || 'no header'}) as`}
                      data-testid={`map-col-${col}`}
                      value={choice}
                      onChange={(e) =>
                        setWizard({
                          mapping: setChoice(mapping, col, e.target.value as ColumnChoice),
                        })
                      }
                    >
                      {options.map((o) => (
                        <option key={o.value} value={o.value}>
                          {o.label}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
      {errors.map((i) => (
        <p key={i.code + (i.target ?? '')} className="error" role="alert">
          {i.message}
        </p>
      ))}
      {warnings.map((i) => (
        <p key={i.code + (i.target ?? '')} className="warning">
          {i.message}
        </p>
      ))}
      <h2>Preview: the first {mapped?.rows.length ?? 0} rows as they will be imported</h2>
      <MappedPreview preview={mapped} variables={variables} />
      <StepNav
        back="read"
        next="format"
        nextDisabled={mapping.phone_number === null || errors.length > 0}
      />
    </div>
  )
}

function columnLetter(index: number): string {
  let s = ''
  let n = index + 1
  while (n > 0) {
    const r = (n - 1) % 26
    s = String.fromCharCode(65 + r) + s
    n = Math.floor((n - 1) / 26)
  }
  return s
}
