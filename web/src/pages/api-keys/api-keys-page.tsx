import type { CreatedApiKey } from '@leadport/shared'
import { type FormEvent, useState } from 'react'
import { useApiKeys, useCreateApiKey, useRevokeApiKey } from '../../api/api-keys.ts'
import { QueryState } from '../query-state.tsx'

/** `/api-keys`: keys for CRMs, shown once on creation; revoke; last used. */
export function ApiKeysPage() {
  const keys = useApiKeys()
  const create = useCreateApiKey()
  const revoke = useRevokeApiKey()
  const [name, setName] = useState('')
  const [created, setCreated] = useState<CreatedApiKey | null>(null)
  const [copied, setCopied] = useState(false)
  const submit = (e: FormEvent) => {
    e.preventDefault()
    create.mutate(name, {
      onSuccess: (k) => {
        setCreated(k)
        setCopied(false)
        setName('')
      },
    })
  }
  const copy = async () => {
    if (!created) return
    await navigator.clipboard.writeText(created.key)
    setCopied(true)
  }
  return (
    <>
      <div className="page-head">
        <h1>API keys</h1>
      </div>
      <section className="panel">
        <h2>Create a key</h2>
        <p className="hint">
          CRMs send it as <code>Authorization: Bearer &lt;key&gt;</code>. See the{' '}
          <a href="/api/docs">API docs</a>.
        </p>
        <form className="inline-form" onSubmit={submit}>
          <label htmlFor="key-name">Name</label>
          <input
            id="key-name"
            data-testid="key-name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="HubSpot sync"
            maxLength={100}
            required
          />
          <button type="submit" data-testid="create-key" disabled={create.isPending}>
            Create key
          </button>
        </form>
        {create.error && (
          <p className="error" role="alert">
            {create.error.message}
          </p>
        )}
        {created && (
          <div className="new-key" data-testid="new-key" role="status">
            <p>
              <strong>Copy the key for “{created.name}” now.</strong> It is shown only this once;
              Leadport keeps only a hash of it.
            </p>
            <label htmlFor="new-key-value">New API key</label>
            <span className="inline">
              <input
                id="new-key-value"
                data-testid="new-key-value"
                className="mono"
                value={created.key}
                readOnly
              />
              <button type="button" data-testid="copy-key" onClick={() => void copy()}>
                {copied ? 'Copied' : 'Copy'}
              </button>
              <button type="button" className="secondary" onClick={() => setCreated(null)}>
                Done
              </button>
            </span>
          </div>
        )}
      </section>
      <section className="panel">
        <QueryState what="API keys" query={keys}>
          {keys.data?.items.length === 0 ? (
            <p className="muted" data-testid="keys-empty">
              No API keys yet.
            </p>
          ) : (
            <table className="table" data-testid="keys-table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Key</th>
                  <th scope="col">Created by</th>
                  <th scope="col">Last used</th>
                  <th scope="col">Revoke</th>
                </tr>
              </thead>
              <tbody>
                {keys.data?.items.map((k) => (
                  <tr key={k.id} data-testid={`key-${k.id}`}>
                    <td>
                      <bdi>{k.name}</bdi>
                    </td>
                    <td className="mono">{k.prefix}_…</td>
                    <td>{k.created_by ?? '—'}</td>
                    <td data-testid="key-last-used">
                      {k.last_used_at ? new Date(k.last_used_at).toLocaleString() : 'Never'}
                    </td>
                    <td>
                      <button
                        type="button"
                        className="secondary"
                        aria-label={`Revoke ${k.name}`}
                        data-testid={`revoke-${k.id}`}
                        onClick={() => revoke.mutate(k.id)}
                      >
                        Revoke
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </QueryState>
      </section>
    </>
  )
}
