import type { AssistantVariable } from '@leadport/shared'
import { useEffect, useState } from 'react'
import { parseBridge } from '../parse-bridge.ts'
import { FileStep } from '../steps/file-step.tsx'
import { FormatStep } from '../steps/format-step.tsx'
import { MapStep } from '../steps/map-step.tsx'
import { ReadStep } from '../steps/read-step.tsx'
import { ResultStep } from '../steps/result-step.tsx'
import { ReviewStep } from '../steps/review-step.tsx'
import { UploadStep } from '../steps/upload-step.tsx'
import { cancelCheck, followChoices } from './actions.ts'
import { dropCheckAhead } from './check-ahead.ts'
import { initialState, STEP_TITLES, STEPS, useWizard } from './store.ts'

/**
 * The import wizard of one campaign: file, read options, mapping, phone format, review,
 * upload, result. The rows stay in the parse worker; this page holds counts and choices.
 */
export function ImportWizard({
  campaignId,
  variables,
  campaignHasLeads,
}: {
  campaignId: number
  variables: AssistantVariable[]
  campaignHasLeads: boolean
}) {
  // Once per wizard (keyed by campaign), before anything reads the store: a later refetch of
  // the campaign (its lead counts change during an import) must not restart the wizard.
  useState(() => useWizard.setState(initialState(campaignId, variables, campaignHasLeads), true))
  // Leaving the page ends the worker, unless an upload is running: it goes on in the background
  // (the worker builds its chunks), and a later visit offers to resume it if it stops.
  // The worker's code loads while the user picks a file; the check ahead follows the choices.
  useEffect(() => {
    parseBridge.warm()
    const unfollow = followChoices()
    return () => {
      unfollow()
      dropCheckAhead()
      parseBridge.dropHelper()
      if (useWizard.getState().step !== 'upload') parseBridge.stop()
    }
  }, [])
  const step = useWizard((s) => s.step)
  const busy = useWizard((s) => s.busy)
  const error = useWizard((s) => s.error)

  const at = STEPS.indexOf(step)
  return (
    <section className="panel wizard" aria-labelledby="wizard-title">
      <h1 id="wizard-title">Import leads</h1>
      <ol className="steps" aria-label="Import steps">
        {STEPS.map((s, i) => (
          <li
            key={s}
            className={i === at ? 'current' : i < at ? 'done' : undefined}
            aria-current={i === at ? 'step' : undefined}
          >
            <span className="step-no">{i + 1}</span> {STEP_TITLES[s]}
          </li>
        ))}
      </ol>
      {error && (
        <p className="error" role="alert" data-testid="wizard-error">
          {error}
        </p>
      )}
      {busy && (
        <div className="busy" role="status" data-testid="wizard-busy">
          {busy.label}{' '}
          {busy.fraction !== undefined && (
            <>
              <progress value={busy.fraction} max={1} aria-label={busy.label} />{' '}
              {Math.round(busy.fraction * 100)}%{' '}
              <button type="button" className="secondary" onClick={() => void cancelCheck()}>
                Cancel
              </button>
            </>
          )}
        </div>
      )}
      {step === 'file' && <FileStep />}
      {step === 'read' && <ReadStep />}
      {step === 'map' && <MapStep />}
      {step === 'format' && <FormatStep />}
      {step === 'review' && <ReviewStep />}
      {step === 'upload' && <UploadStep />}
      {step === 'done' && <ResultStep />}
    </section>
  )
}
