import type { AssistantVariable, Mapping, PhoneFormat } from '@leadport/shared'
import { proxy as proxyProgress } from 'comlink'
import { lookupNumbers } from '../campaign-import-api.ts'
import { parseBridge } from '../parse-bridge.ts'
import type { ResumableUpload } from '../upload/contract.ts'
import type { EditLog, ReadOptions } from '../worker/types.ts'
import { setWizard, useWizard } from './store.ts'

/** What the wizard saves with an upload so a reloaded page can rebuild the same chunks. */
export interface WizardSnapshot {
  read: ReadOptions
  mapping: Mapping
  format: PhoneFormat
  variables: AssistantVariable[]
  log: EditLog
}

let running: AbortController | null = null

/** A fresh signal for the next worker job; the previous one is aborted. */
function nextSignal(): AbortSignal {
  running?.abort(new DOMException('Replaced by a newer request', 'AbortError'))
  running = new AbortController()
  return running.signal
}

function fail(err: unknown): void {
  if (err instanceof DOMException && err.name === 'AbortError') return
  setWizard({ busy: null, error: err instanceof Error ? err.message : String(err) })
}

/**
 * Opens a picked file in the worker and reads its top with nothing overridden.
 * @example await pickFile(file)
 */
export async function pickFile(file: File): Promise<void> {
  const signal = nextSignal()
  setWizard({ busy: { label: `Opening ${file.name}…` }, error: null, file, read: {} })
  try {
    performance.mark('import:pick')
    const opened = await parseBridge.open(file, file.name, signal)
    performance.mark('import:opened')
    if (!opened.ok) return setWizard({ busy: null, error: opened.error.message, file: null })
    const { variables } = useWizard.getState()
    const preview = await parseBridge.run(signal, (api) => api.readPreview({}, variables))
    performance.mark('import:preview')
    if (!preview.ok) return setWizard({ busy: null, error: preview.error.message, file: null })
    setWizard({
      busy: null,
      opened: opened.data,
      detected: preview.data,
      preview: preview.data,
      mapping: preview.data.autoMapping,
      step: 'read',
    })
  } catch (err) {
    fail(err)
  }
}

/**
 * Reads the top of the file again with changed options (live preview); the header may move, so
 * the mapping is proposed again.
 * @example await changeRead({ encoding: 'windows-1254' })
 */
export async function changeRead(patch: ReadOptions): Promise<void> {
  const signal = nextSignal()
  const { read, variables } = useWizard.getState()
  const next: ReadOptions = { ...read, ...patch }
  // A new sheet has its own header row.
  if (patch.sheet !== undefined && patch.headerRow === undefined) delete next.headerRow
  for (const k of Object.keys(next) as (keyof ReadOptions)[])
    if (next[k] === undefined) delete next[k]
  setWizard({ read: next, error: null })
  try {
    const preview = await parseBridge.run(signal, (api) => api.readPreview(next, variables))
    if (!preview.ok) return setWizard({ error: preview.error.message })
    setWizard({ preview: preview.data, mapping: preview.data.autoMapping })
  } catch (err) {
    fail(err)
  }
}

/** Reads and validates every row, then shows the review (and checks the campaign's numbers). */
export async function runCheck(): Promise<void> {
  const signal = nextSignal()
  const { preview, mapping, format, variables } = useWizard.getState()
  if (!mapping || !preview) return
  // Read exactly as the user saw it: the header row and sheet of the preview, made explicit.
  const read: ReadOptions = { ...useWizard.getState().read, headerRow: preview.headerRow }
  if (preview.sheet !== undefined) read.sheet = preview.sheet
  setWizard({ read })
  setWizard({ busy: { label: 'Checking every row…', fraction: 0 }, error: null })
  performance.mark('import:check')
  try {
    const res = await parseBridge.run(signal, (api) =>
      api.checkFile(
        { read, mapping, format },
        variables,
        proxyProgress((fraction: number) =>
          setWizard({ busy: { label: 'Checking every row…', fraction } }),
        ),
      ),
    )
    performance.mark('import:checked')
    if (!res.ok) return setWizard({ busy: null, error: res.error.message })
    setWizard({ busy: null, summary: res.data, step: 'review', campaignCheck: 'idle' })
    void checkCampaign()
  } catch (err) {
    fail(err)
  }
}

/** Stops a running check (the worker is terminated) and opens the file again. */
export async function cancelCheck(): Promise<void> {
  running?.abort(new DOMException('Cancelled', 'AbortError'))
  const { file, read, variables } = useWizard.getState()
  setWizard({ busy: null })
  if (!file) return
  const signal = nextSignal()
  try {
    await parseBridge.open(file, file.name, signal)
    await parseBridge.run(signal, (api) => api.readPreview(read, variables))
  } catch (err) {
    fail(err)
  }
}

/** Counts again after the rows changed, and tells the grid to reload. */
export async function refreshRows(): Promise<void> {
  const summary = await parseBridge.api.summary()
  setWizard({ summary, rowsVersion: useWizard.getState().rowsVersion + 1 })
}

/** Looks the file's numbers up in the campaign and marks the ones it already has. */
export async function checkCampaign(): Promise<void> {
  const { campaignId, campaignHasLeads } = useWizard.getState()
  if (!campaignHasLeads) return setWizard({ campaignCheck: 'done' })
  setWizard({ campaignCheck: 'checking' })
  try {
    // One body at a time from the worker: a million numbers never cross to this thread at once.
    const count = await parseBridge.api.lookupCount()
    for (let n = 0; n < count; n++) {
      const found = await lookupNumbers(campaignId, await parseBridge.api.lookupBody(n))
      if (found.length > 0) await parseBridge.api.markInCampaign(found)
    }
    await refreshRows()
    setWizard({ campaignCheck: 'done' })
  } catch (err) {
    setWizard({ campaignCheck: { error: err instanceof Error ? err.message : String(err) } })
  }
}

/**
 * Rebuilds the state of an interrupted upload from its saved record: the same file read with
 * the same options and edits, so the chunks are the same; then goes to the upload step.
 * @example await resumeUpload(record)
 */
export async function resumeUpload(record: ResumableUpload): Promise<void> {
  const signal = nextSignal()
  const snap = record.wizardState as WizardSnapshot
  const file = new File([record.file], record.fileName)
  setWizard({
    busy: { label: `Reading ${record.fileName} again…`, fraction: 0 },
    error: null,
    file,
    read: snap.read,
    mapping: snap.mapping,
    format: snap.format,
    variables: snap.variables,
  })
  try {
    const opened = await parseBridge.open(file, file.name, signal)
    if (!opened.ok) return setWizard({ busy: null, error: opened.error.message })
    const res = await parseBridge.run(signal, (api) =>
      api.checkFile(
        { read: snap.read, mapping: snap.mapping, format: snap.format },
        snap.variables,
        proxyProgress((fraction: number) =>
          setWizard({ busy: { label: `Reading ${record.fileName} again…`, fraction } }),
        ),
      ),
    )
    if (!res.ok) return setWizard({ busy: null, error: res.error.message })
    const summary = await parseBridge.api.replayEdits(snap.log)
    const plan = await parseBridge.api.uploadPlan()
    if (plan.fingerprint !== record.fingerprint) {
      return setWizard({
        busy: null,
        error:
          'The saved file no longer reads the same way, so the upload cannot be resumed safely. Discard it and import the file again.',
      })
    }
    setWizard({
      busy: null,
      opened: opened.data,
      summary,
      resumeId: record.importId,
      step: 'upload',
    })
  } catch (err) {
    fail(err)
  }
}
