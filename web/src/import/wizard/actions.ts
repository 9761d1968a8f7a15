import type { AssistantVariable, Mapping, PhoneFormat } from '@leadport/shared'
import { proxy as proxyProgress } from 'comlink'
import { lookupNumbers } from '../campaign-import-api.ts'
import { parseBridge } from '../parse-bridge.ts'
import type { ResumableUpload } from '../upload/contract.ts'
import type { CheckSettings, EditLog, ReadOptions } from '../worker/types.ts'
import { checkAhead, checkKey, dropCheckAhead, settingsOf, takeCheckAhead } from './check-ahead.ts'
import { checkInHalves } from './check-in-halves.ts'
import { setWizard, useWizard, type WizardState } from './store.ts'

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

function failPick(message: string): void {
  dropCheckAhead()
  setWizard({ busy: null, error: message, file: null })
}

/**
 * Opens a picked file in the worker and reads its top with nothing overridden.
 * @example await pickFile(file)
 */
export async function pickFile(file: File): Promise<void> {
  const signal = nextSignal()
  setWizard({ busy: { label: `Opening ${file.name}…` }, error: null, file, read: {} })
  performance.mark('import:pick')
  // The full check starts at once on the other core, with what the preview will propose.
  const { variables, format } = useWizard.getState()
  checkAhead(
    file,
    {},
    (p) => (p.autoMapping.phone_number === null ? null : settingsOf({}, p, p.autoMapping, format)),
    variables,
  )
  try {
    const opened = await parseBridge.open(file, file.name, signal)
    performance.mark('import:opened')
    if (!opened.ok) return failPick(opened.error.message)
    const preview = await parseBridge.run(signal, (api) => api.readPreview({}, variables))
    performance.mark('import:preview')
    if (!preview.ok) return failPick(preview.error.message)
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
    startCheckAhead()
  } catch (err) {
    fail(err)
  }
}

/** The settings a full check uses now: the read options as previewed, made explicit. */
function checkSettings(s: WizardState): CheckSettings | null {
  const { preview, mapping, format } = s
  // Read exactly as the user saw it: the header row and sheet of the preview, made explicit.
  return mapping && preview ? settingsOf(s.read, preview, mapping, format) : null
}

/** Starts the full check ahead with the current choices (see `check-ahead.ts`). */
export function startCheckAhead(): void {
  const s = useWizard.getState()
  const settings = checkSettings(s)
  if (s.file && settings && settings.mapping.phone_number !== null) {
    const key = checkKey(settings, s.variables)
    checkAhead(s.file, settings.read, () => settings, s.variables, key)
  }
}

/**
 * Restarts the check ahead a moment after the mapping or the phone format changes on their
 * steps; returns the function that stops following.
 * @example useEffect(() => followChoices(), [])
 */
export function followChoices(): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined
  const unsubscribe = useWizard.subscribe((s, prev) => {
    if (s.mapping === prev.mapping && s.format === prev.format) return
    if (s.step !== 'map' && s.step !== 'format') return
    clearTimeout(timer)
    timer = setTimeout(startCheckAhead, 300)
  })
  return () => {
    clearTimeout(timer)
    unsubscribe()
  }
}

/** Reads and validates every row, then shows the review (and checks the campaign's numbers). */
export async function runCheck(): Promise<void> {
  const signal = nextSignal()
  const settings = checkSettings(useWizard.getState())
  if (!settings) return
  const { read } = settings
  const { variables } = useWizard.getState()
  setWizard({ read })
  const progress = (fraction: number) =>
    setWizard({ busy: { label: 'Checking every row…', fraction } })
  setWizard({ busy: { label: 'Checking every row…', fraction: 0 }, error: null })
  performance.mark('import:check')
  try {
    const res =
      (await takeCheckAhead(checkKey(settings, variables), signal, progress)) ??
      (await parseBridge.run(signal, (api) => {
        const { file, opened } = useWizard.getState()
        return file
          ? checkInHalves(api, file, opened?.kind, settings, variables, progress)
          : api.checkFile(settings, variables, proxyProgress(progress))
      }))
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
  dropCheckAhead()
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
  dropCheckAhead()
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
    const settings = { read: snap.read, mapping: snap.mapping, format: snap.format }
    const res = await parseBridge.run(signal, (api) =>
      checkInHalves(api, file, opened.data.kind, settings, snap.variables, (fraction) =>
        setWizard({ busy: { label: `Reading ${record.fileName} again…`, fraction } }),
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
