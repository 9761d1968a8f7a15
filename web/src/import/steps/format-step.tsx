import type { CountryCode } from '@leadport/shared'
import { runCheck } from '../wizard/actions.ts'
import { setWizard, useWizard } from '../wizard/store.ts'
import { CountryPicker } from './country-picker.tsx'
import { MappedPreview } from './mapped-preview.tsx'
import { StepNav } from './step-nav.tsx'
import { useMapPreview } from './use-map-preview.ts'

/** Step 4: International numbers (with +), or National numbers of one country. */
export function FormatStep() {
  const format = useWizard((s) => s.format)
  const mapping = useWizard((s) => s.mapping)
  const variables = useWizard((s) => s.variables)
  const busy = useWizard((s) => s.busy)
  const mapped = useMapPreview(mapping, format)
  const country = format.kind === 'national' ? format.country : ''

  return (
    <div data-testid="step-format">
      <fieldset className="field">
        <legend>How are the numbers written?</legend>
        <label className="check">
          <input
            type="radio"
            name="phone-format"
            data-testid="format-international"
            checked={format.kind === 'international'}
            onChange={() => setWizard({ format: { kind: 'international' } })}
          />
          International: every number starts with + or 00 and its country code (countries may be
          mixed)
        </label>
        <label className="check">
          <input
            type="radio"
            name="phone-format"
            data-testid="format-national"
            checked={format.kind === 'national'}
            onChange={() => setWizard({ format: { kind: 'national', country: country || 'TR' } })}
          />
          National: numbers of one country, written as dialled there (0532 123 45 67)
        </label>
      </fieldset>
      {format.kind === 'national' && (
        <CountryPicker
          label="Country"
          testId="format-country"
          value={country}
          onChange={(c) => setWizard({ format: { kind: 'national', country: c as CountryCode } })}
        />
      )}
      <h2>Preview with this format</h2>
      <MappedPreview preview={mapped} variables={variables} />
      <StepNav back="map" nextDisabled={busy !== null} onNext={() => void runCheck()} />
    </div>
  )
}
