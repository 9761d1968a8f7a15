import { type Assistant, type AssistantVariable, createAssistantBody } from '@leadport/shared'
import { type FormEvent, useState } from 'react'
import { useSaveAssistant } from '../../api/assistants.ts'
import { ScriptPreview } from './script-preview.tsx'
import { VariablesEditor } from './variables-editor.tsx'

const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'

/** Creates an assistant, or edits `assistant`: name, time zone, variables, script and preview. */
export function AssistantForm({
  assistant,
  onSaved,
}: {
  assistant: Assistant | null
  onSaved: (a: Assistant) => void
}) {
  const save = useSaveAssistant()
  const [name, setName] = useState(assistant?.name ?? '')
  const [timeZone, setTimeZone] = useState(assistant?.time_zone ?? browserZone())
  const [variables, setVariables] = useState<AssistantVariable[]>(assistant?.variables ?? [])
  const [script, setScript] = useState(assistant?.script ?? '')
  const [problem, setProblem] = useState<string | null>(null)

  const submit = (e: FormEvent) => {
    e.preventDefault()
    const body = { name, time_zone: timeZone, variables, script }
    const parsed = createAssistantBody.safeParse(body)
    if (!parsed.success) return setProblem(parsed.error.issues[0]?.message ?? 'Check the form.')
    setProblem(null)
    save.mutate({ id: assistant?.id, body: parsed.data }, { onSuccess: onSaved })
  }

  return (
    <section className="panel" aria-labelledby="assistant-form-title">
      <h2 id="assistant-form-title">{assistant ? `Edit ${assistant.name}` : 'New assistant'}</h2>
      <form onSubmit={submit} data-testid="assistant-form">
        <div className="settings-grid">
          <div className="field">
            <label htmlFor="assistant-name">Name</label>
            <input
              id="assistant-name"
              data-testid="assistant-name"
              value={name}
              onChange={(e) => setName(e.target.value)}
              maxLength={200}
              required
            />
          </div>
          <div className="field">
            <label htmlFor="assistant-time-zone">Time zone</label>
            <input
              id="assistant-time-zone"
              data-testid="assistant-time-zone"
              value={timeZone}
              onChange={(e) => setTimeZone(e.target.value)}
              required
            />
            <span className="hint">
              IANA name, e.g. Europe/Istanbul. Campaigns use it by default.
            </span>
          </div>
        </div>
        <VariablesEditor variables={variables} onChange={setVariables} />
        <div className="field">
          <label htmlFor="assistant-script">Script / greeting</label>
          <textarea
            id="assistant-script"
            data-testid="assistant-script"
            value={script}
            onChange={(e) => setScript(e.target.value)}
            rows={4}
            maxLength={20_000}
            placeholder="Hello {{customer_name}}, this is Ayla from Acme…"
          />
          <span className="hint">Use {'{{key}}'} for a variable.</span>
        </div>
        <ScriptPreview script={script} variables={variables} />
        <div className="inline-form">
          <button type="submit" data-testid="save-assistant" disabled={save.isPending}>
            {save.isPending ? 'Saving…' : assistant ? 'Save assistant' : 'Create assistant'}
          </button>
          {save.isSuccess && !problem && <span className="muted">Saved.</span>}
          {(problem || save.error) && (
            <span className="error" role="alert" data-testid="assistant-error">
              {problem ?? save.error?.message}
            </span>
          )}
        </div>
      </form>
    </section>
  )
}
