import type { CheckedFile } from './worker/parse-worker.ts'

/** The checked file: how it was read, counts, the first rows as mapped, and the rows with problems. */
export function CheckedView({
  fileName,
  checked,
  onImport,
}: {
  fileName: string
  checked: CheckedFile
  onImport: () => void
}) {
  const { file, header, mapping, summary, preview, clean, problems } = checked
  const role = (c: number) =>
    c === mapping.phone_number
      ? 'phone'
      : mapping.secondary_phones.includes(c)
        ? 'secondary phone'
        : c === mapping.email
          ? 'email'
          : (Object.entries(mapping.variables).find(([, col]) => col === c)?.[0] ?? null)
  const shownProblems = problems.slice(0, 50)
  return (
    <div data-testid="import-preview">
      <p>
        <strong>{fileName}</strong> ({file.kind.toUpperCase()}
        {file.sheet ? `, sheet "${file.sheet}"` : ''}, header on row {file.headerRow}):{' '}
        {summary.rows.toLocaleString()} rows —{' '}
        <span data-testid="ready-count">{summary.valid.toLocaleString()} ready to import</span>,{' '}
        <span className={summary.invalid > 0 ? 'error' : undefined}>
          {summary.invalid.toLocaleString()} with errors
        </span>
        {summary.warnings > 0 ? `, ${summary.warnings.toLocaleString()} with warnings` : ''}.
      </p>
      {file.notes.map((n) => (
        <p key={n} className="muted">
          {n}
        </p>
      ))}
      <div className="scroll">
        <table className="table compact">
          <thead>
            <tr>
              <th scope="col">Row</th>
              {header.map((h, c) => (
                <th scope="col" key={c} className={role(c) ? 'hl' : undefined}>
                  <bdi>{h}</bdi>
                  {role(c) && <div className="map-target">→ {role(c)}</div>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.map((p) => (
              <tr key={p.row}>
                <td className="muted">{p.row}</td>
                {header.map((_, c) => (
                  <td key={c} className={role(c) ? 'hl' : undefined}>
                    <bdi>{p.cells[c]}</bdi>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {shownProblems.length > 0 && (
        <div data-testid="problems">
          <h3>Rows to check</h3>
          <ul className="issues">
            {shownProblems.flatMap((p) =>
              p.issues.map((i) => (
                <li
                  key={`${p.row}:${i.code}:${i.field}`}
                  className={i.severity === 'error' ? 'error' : 'warning'}
                >
                  Row {p.row}: {i.message}
                </li>
              )),
            )}
          </ul>
          {problems.length > shownProblems.length && (
            <p className="muted">
              …and {(problems.length - shownProblems.length).toLocaleString()} more rows.
            </p>
          )}
        </div>
      )}
      <button
        type="button"
        data-testid="import-submit"
        onClick={onImport}
        disabled={clean.length === 0}
      >
        Import {clean.length.toLocaleString()} leads
      </button>
    </div>
  )
}
