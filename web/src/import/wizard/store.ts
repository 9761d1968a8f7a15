import type { AssistantVariable, Mapping, PhoneFormat } from '@leadport/shared'
import { create } from 'zustand'
import type { UploadResult } from '../upload/contract.ts'
import type { OpenedFile, ReadOptions, ReadPreview, ReviewSummary } from '../worker/types.ts'

/** The wizard's steps, in order. */
export const STEPS = ['file', 'read', 'map', 'format', 'review', 'upload', 'done'] as const
export type Step = (typeof STEPS)[number]

/** Titles of the steps as the step list shows them. */
export const STEP_TITLES: Record<Step, string> = {
  file: 'File',
  read: 'Read options',
  map: 'Map columns',
  format: 'Phone format',
  review: 'Review',
  upload: 'Upload',
  done: 'Result',
}

/** Everything the wizard knows; the rows themselves live in the parse worker. */
export interface WizardState {
  campaignId: number
  variables: AssistantVariable[]
  /** The campaign already has leads: its numbers are checked before upload. */
  campaignHasLeads: boolean
  step: Step
  file: File | null
  opened: OpenedFile | null
  read: ReadOptions
  /** The first read, with nothing overridden: what was detected. */
  detected: ReadPreview | null
  preview: ReadPreview | null
  mapping: Mapping | null
  format: PhoneFormat
  summary: ReviewSummary | null
  /** Bumped after every change to the rows (edits, deletions, campaign check). */
  rowsVersion: number
  /** `checking` while numbers are looked up in the campaign, then `done` or a message. */
  campaignCheck: 'idle' | 'checking' | 'done' | { error: string }
  resumeId: number | null
  result: UploadResult | null
  /** What the worker is doing, with a fraction when known. */
  busy: { label: string; fraction?: number } | null
  error: string | null
}

/** The initial state for a campaign. */
export function initialState(
  campaignId: number,
  variables: AssistantVariable[],
  campaignHasLeads: boolean,
): WizardState {
  return {
    campaignId,
    variables,
    campaignHasLeads,
    step: 'file',
    file: null,
    opened: null,
    read: {},
    detected: null,
    preview: null,
    mapping: null,
    format: { kind: 'international' },
    summary: null,
    rowsVersion: 0,
    campaignCheck: 'idle',
    resumeId: null,
    result: null,
    busy: null,
    error: null,
  }
}

/** The wizard's store (one wizard on screen at a time). */
export const useWizard = create<WizardState>(() => initialState(0, [], false))

/** Merges a change into the wizard's state. */
export const setWizard = (patch: Partial<WizardState>) => useWizard.setState(patch)
