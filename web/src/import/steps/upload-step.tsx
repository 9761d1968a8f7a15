import { useCallback, useEffect, useRef, useState } from 'react'
import { saveMapping } from '../campaign-import-api.ts'
import { CHUNK_SIZE } from '../chunk-size.ts'
import { parseBridge } from '../parse-bridge.ts'
import type { UploadProgress, UploadSource } from '../upload/contract.ts'
import { startUpload } from '../upload/start-upload.ts'
import type { WizardSnapshot } from '../wizard/actions.ts'
import { setWizard, useWizard } from '../wizard/store.ts'

function duration(seconds: number): string {
  if (seconds < 60) return `${Math.ceil(seconds)} s`
  const m = Math.floor(seconds / 60)
  return `${m} min ${Math.ceil(seconds - m * 60)} s`
}

async function buildSource(): Promise<UploadSource> {
  const s = useWizard.getState()
  if (!s.mapping || !s.opened || !s.file) throw new Error('Pick the file again.')
  const plan = await parseBridge.api.uploadPlan()
  const log = await parseBridge.api.editLog()
  const snapshot: WizardSnapshot = {
    read: s.read,
    mapping: s.mapping,
    format: s.format,
    variables: s.variables,
    log,
  }
  const readOptions: Record<string, string | number> = {}
  for (const [k, v] of Object.entries(s.read)) if (v !== undefined) readOptions[k] = v
  return {
    create: {
      campaign_id: s.campaignId,
      file_name: s.opened.name,
      file_kind: s.opened.kind,
      header: plan.header,
      format: s.format,
      mapping: s.mapping,
      read_options: readOptions,
      expected_rows: plan.expectedRows,
      chunk_size: CHUNK_SIZE,
    },
    chunkBody: (n) => parseBridge.api.chunkBody(n),
    fingerprint: plan.fingerprint,
    file: s.file,
    wizardState: snapshot,
  }
}

/** Step 6: sends the rows in chunks with progress; cancel, and resume after a failure. */
export function UploadStep() {
  const resumeId = useWizard((s) => s.resumeId)
  const [progress, setProgress] = useState<UploadProgress | null>(null)
  const [state, setState] = useState<'sending' | 'stopped' | 'failed'>('sending')
  const [failure, setFailure] = useState('')
  const abort = useRef<AbortController | null>(null)
  const started = useRef(false)
  const importId = useRef<number | null>(resumeId)

  const run = useCallback(async () => {
    const ctrl = new AbortController()
    abort.current = ctrl
    setState('sending')
    setFailure('')
    try {
      const source = await buildSource()
      if (importId.current === null) {
        const s = useWizard.getState()
        if (s.mapping) {
          void saveMapping(s.campaignId, {
            header: source.create.header,
            mapping: s.mapping,
            format: s.format,
          }).catch(() => undefined)
        }
      }
      const result = await startUpload(source, {
        signal: ctrl.signal,
        resumeId: importId.current ?? undefined,
        onProgress: (p) => {
          importId.current = p.importId
          setProgress(p)
        },
      })
      // The page may have moved on (the upload finished in the background): only show it here.
      if (useWizard.getState().step === 'upload') setWizard({ result, step: 'done' })
    } catch (err) {
      if (ctrl.signal.aborted) return setState('stopped')
      setFailure(err instanceof Error ? err.message : String(err))
      setState('failed')
    }
  }, [])

  useEffect(() => {
    if (started.current) return
    started.current = true
    void run()
  }, [run])

  const pct = progress && progress.rowsTotal > 0 ? progress.rowsStored / progress.rowsTotal : 0
  return (
    <div data-testid="step-upload">
      <progress
        className="upload-bar"
        value={pct}
        max={1}
        aria-label="Upload progress"
        data-testid="upload-progress"
      />
      <p data-testid="upload-status">
        {progress
          ? `${progress.rowsStored.toLocaleString('en-US')} of ${progress.rowsTotal.toLocaleString('en-US')} rows stored (${progress.chunksDone} of ${progress.chunksTotal} chunks)`
          : 'Starting the upload…'}
        {progress && progress.rowsPerSecond > 0 && state === 'sending' && (
          <>
            {' '}
            · {Math.round(progress.rowsPerSecond).toLocaleString('en-US')} rows/s
            {progress.secondsLeft !== null && ` · about ${duration(progress.secondsLeft)} left`}
          </>
        )}
      </p>
      {state === 'sending' && (
        <button type="button" className="secondary" onClick={() => abort.current?.abort()}>
          Cancel
        </button>
      )}
      {state === 'stopped' && (
        <p role="status">
          Upload stopped. The rows already stored stay stored; resume to send the rest (also
          possible later from this page).{' '}
          <button type="button" onClick={() => void run()}>
            Resume upload
          </button>
        </p>
      )}
      {state === 'failed' && (
        <p className="error" role="alert" data-testid="upload-failed">
          The upload stopped: {failure} Nothing stored is lost; resume to send the rest.{' '}
          <button type="button" onClick={() => void run()}>
            Resume upload
          </button>
        </p>
      )}
      <p className="hint">
        You may leave this page: a reloaded page offers to resume, and the server keeps every stored
        chunk.
      </p>
    </div>
  )
}
