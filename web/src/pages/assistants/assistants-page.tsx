import type { Assistant } from '@leadport/shared'
import { useState } from 'react'
import { useAssistants } from '../../api/assistants.ts'
import { QueryState } from '../query-state.tsx'
import { AssistantForm } from './assistant-form.tsx'

/** `/assistants`: the assistants, and a form to create one or edit the picked one. */
export function AssistantsPage() {
  const assistants = useAssistants()
  const [editing, setEditing] = useState<Assistant | null>(null)
  return (
    <>
      <div className="page-head">
        <h1>Assistants</h1>
        {editing && (
          <button type="button" className="secondary" onClick={() => setEditing(null)}>
            New assistant
          </button>
        )}
      </div>
      <section className="panel">
        <QueryState what="assistants" query={assistants}>
          {assistants.data?.items.length === 0 ? (
            <p className="muted" data-testid="assistants-empty">
              No assistants yet. An assistant holds the script your calls use and the variables it
              needs from each lead; create one below.
            </p>
          ) : (
            <table className="table" data-testid="assistants-table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Variables</th>
                  <th scope="col">Time zone</th>
                  <th scope="col">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {assistants.data?.items.map((a) => (
                  <tr key={a.id} className={editing?.id === a.id ? 'hl' : undefined}>
                    <td>{a.name}</td>
                    <td className="mono">{a.variables.map((v) => v.key).join(', ') || '—'}</td>
                    <td>{a.time_zone}</td>
                    <td className="num">
                      <button type="button" className="link" onClick={() => setEditing(a)}>
                        Edit
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </QueryState>
      </section>
      <AssistantForm key={editing?.id ?? 'new'} assistant={editing} onSaved={setEditing} />
    </>
  )
}
