import type { ReactNode } from 'react'
import { type Step, setWizard } from '../wizard/store.ts'

/** Back and Next (or another forward button) at the foot of a step. */
export function StepNav({
  back,
  next,
  nextLabel = 'Next',
  nextDisabled = false,
  onNext,
  children,
}: {
  back?: Step
  next?: Step
  nextLabel?: string
  nextDisabled?: boolean
  onNext?: () => void
  children?: ReactNode
}) {
  return (
    <div className="step-nav">
      {back && (
        <button
          type="button"
          className="secondary"
          onClick={() => setWizard({ step: back, error: null })}
        >
          Back
        </button>
      )}
      {children}
      <button
        type="button"
        disabled={nextDisabled}
        onClick={() => (onNext ? onNext() : next && setWizard({ step: next, error: null }))}
      >
        {nextLabel}
      </button>
    </div>
  )
}
