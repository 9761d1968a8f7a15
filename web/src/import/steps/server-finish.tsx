import { useEffect, useRef, useState } from 'react'
import { useLocation } from 'wouter'
import { saveMapping } from '../campaign-import-api.ts'
import { parseBridge } from '../parse-bridge.ts'
import { megabytes, postFileImport, SERVER_FILE_LIMIT } from '../upload/post-file-import.ts'
import { changedRows, serverOptions } from '../wizard/server-options.ts'
import { useWizard } from '../wizard/store.ts'

/**
 * The review's second way out: the picked file itself goes to `POST /api/imports/file` with the
 * wizard's choices, the server imports it in the background (and emails the user), and the page
 * moves to the import's status page. Edits made in the grid are not carried: said next to it.
 */
export function ServerFinish({ onSending }: { onSending?: (sending: boolean) => void } = {}) {
  const file = useWizard((s) => s.file)
  const version = useWizard((s) => s.rowsVersion)
  const [changed, setChanged] = useState(0)
  const [sending, setSending] = useState(false)
  const [error, setError] = useState('')
  const abort = useRef<AbortController | null>(null)
  const [, navigate] = useLocation()

  // biome-ignore lint/correctness/useExhaustiveDependencies: version re-runs it after changes
  useEffect(() => {
    let live = true
    void parseBridge.api
      .editLog()
      .then((log) => live && setChanged(changedRows(log)))
      .catch(() => undefined)
    return () => {
      live = false
    }
  }, [version])
  useEffect(() => () => abort.current?.abort(), [])
  // The page's own upload waits while the file is on its way (one import, not two).
  useEffect(() => onSending?.(sending), [onSending, sending])

  if (!file) return null
  const tooLarge = file.size > SERVER_FILE_LIMIT

  const send = async () => {
    const s = useWizard.getState()
    if (!s.mapping || !s.preview || !s.file) return setError('Pick the file again.')
    const ctrl = new AbortController()
    abort.current = ctrl
    setSending(true)
    setError('')
    try {
      const options = serverOptions({
        campaignId: s.campaignId,
        format: s.format,
        mapping: s.mapping,
        read: s.read,
        preview: s.preview,
      })
      void saveMapping(s.campaignId, {
        header: s.preview.header,
        mapping: s.mapping,
        format: s.format,
      }).catch(() => undefined)
      const imp = await postFileImport(s.file, options, ctrl.signal)
      navigate(`/imports/${imp.id}`)
    } catch (err) {
      if (ctrl.signal.aborted) return
      setError(err instanceof Error ? err.message : String(err))
      setSending(false)
    }
  }

  return (
    <div className="server-finish" data-testid="server-finish">
      <div className="server-finish-text">
        <p>
          Or let the server read and import the whole file in the background; it emails you when it
          is done.
        </p>
        {tooLarge ? (
          <p className="warning" data-testid="server-finish-reason">
            The file is {megabytes(file.size)}; the server takes files up to{' '}
            {megabytes(SERVER_FILE_LIMIT)}. Use “Upload” instead.
          </p>
        ) : (
          changed > 0 && (
            <p className="warning" data-testid="server-finish-edits">
              Your {changed.toLocaleString('en-US')} {changed === 1 ? 'edit stays' : 'edits stay'}{' '}
              in this tab only: the server reads the file as it is. Use “Upload” to keep{' '}
              {changed === 1 ? 'it' : 'them'}.
            </p>
          )
        )}
        {sending && (
          <p role="status" className="muted" data-testid="server-finish-sending">
            Sending {file.name} ({megabytes(file.size)}) to the server… keep this tab open until it
            is sent.
          </p>
        )}
        {error && (
          <p className="error" role="alert" data-testid="server-finish-error">
            {error}
          </p>
        )}
      </div>
      <button
        type="button"
        className="secondary"
        data-testid="server-finish-button"
        disabled={tooLarge || sending}
        onClick={() => void send()}
      >
        Let the server finish (you can close this tab)
      </button>
    </div>
  )
}
