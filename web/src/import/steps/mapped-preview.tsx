import type { AssistantVariable } from '@leadport/shared'
import type { MapPreview } from '../worker/types.ts'

/** The first rows as they will be imported: E.164 phone, email, variables and issues. */
export function MappedPreview({
  preview,
  variables,
}: {
  preview: MapPreview | null
  variables: readonly AssistantVariable[]
}) {
  if (!preview) return <p className="muted">Preparing the preview…</p>
  return (
    <div className="scroll preview-box">
      <table
        className="table compact"
        data-testid="mapped-preview"
        aria-label="The first rows as they will be imported"
      >
        <thead>
          <tr>
            <th scope="col">Row</th>
            <th scope="col">Phone (E.164)</th>
            <th scope="col">Email</th>
            {variables.map((v) => (
              <th scope="col" key={v.key}>
                {v.label}
              </th>
            ))}
            <th scope="col">Secondary phones</th>
            <th scope="col">Issues</th>
          </tr>
        </thead>
        <tbody>
          {preview.rows.map((r) => (
            <tr key={r.row} className={r.invalid ? 'bad' : undefined}>
              <td className="muted num">{r.row}</td>
              <td className="mono">{r.phone ?? '—'}</td>
              <td>{r.email ?? ''}</td>
              {variables.map((v) => (
                <td key={v.key}>
                  <bdi>{r.values[v.key] ?? ''}</bdi>
                </td>
              ))}
              <td className="mono">{r.secondary.join(', ')}</td>
              <td>
                {r.issues.map((i) => (
                  <span
                    key={`${i.code}:${i.field}`}
                    className={i.severity === 'error' ? 'error' : 'warning'}
                    title={i.message}
                  >
                    {i.message}{' '}
                  </span>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
