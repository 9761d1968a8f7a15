import { Link } from 'wouter'
import { QueryState } from '../query-state.tsx'
import { ImportCounts } from './import-counts.tsx'
import { type ImportView, isImportRunning, useImport } from './use-import.ts'

const STATUS: Record<ImportView['status'], string> = {
  uploading: 'Importing',
  processing: 'Importing',
  completed: 'Completed',
  failed: 'Failed',
}

/** `/imports/:id`: an import's status, progress (live while it runs), counts and its report. */
export function ImportStatusPage({ idParam }: { idParam: string }) {
  const id = Number(idParam)
  const valid = /^[1-9]\d{0,15}$/.test(idParam)
  const query = useImport(valid ? id : 0)
  if (!valid) {
    return (
      <p className="error" role="alert">
        “{idParam}” is not an import number. <Link href="/">Go to your campaigns</Link>.
      </p>
    )
  }
  return (
    <QueryState what={`import ${id}`} query={query}>
      {query.data && <ImportDetails imp={query.data} />}
    </QueryState>
  )
}

function ImportDetails({ imp }: { imp: ImportView }) {
  const running = isImportRunning(imp.status)
  const skipped =
    imp.counts.invalid + imp.counts.duplicate_in_file + imp.counts.duplicate_in_campaign
  const fraction = imp.expected_rows > 0 ? Math.min(1, imp.counts.rows / imp.expected_rows) : 1
  const report = `/api/imports/${imp.id}/report`
  return (
    <>
      <div className="page-head">
        <div>
          <p className="crumbs">
            <Link href={`/campaigns/${imp.campaign_id}`}>Campaign {imp.campaign_id}</Link> / Import{' '}
            <span className="mono">{imp.id}</span>
          </p>
          <h1 data-testid="import-title">{imp.file_name}</h1>
          <p className="muted">
            <span className={`badge badge-${imp.status}`} data-testid="import-status">
              {STATUS[imp.status]}
            </span>{' '}
            {imp.file_kind === 'api' ? 'rows sent through the API' : imp.file_kind.toUpperCase()}
            {' · started '}
            {new Date(imp.created_at).toLocaleString()}
            {imp.completed_at && ` · finished ${new Date(imp.completed_at).toLocaleString()}`}
          </p>
        </div>
      </div>
      <section className="panel" aria-labelledby="progress-title">
        <h2 id="progress-title">Progress</h2>
        <progress
          value={fraction}
          max={1}
          aria-label="Import progress"
          data-testid="import-progress"
        />{' '}
        <span data-testid="import-progress-text">
          {imp.counts.rows.toLocaleString('en-US')} of {imp.expected_rows.toLocaleString('en-US')}{' '}
          rows · {imp.committed_chunks.length} of {imp.total_chunks} chunks
        </span>
        {running && (
          <p className="hint" data-testid="import-running">
            Still importing; this page updates by itself. You may leave it: the import goes on.
          </p>
        )}
        {imp.status === 'failed' && (
          <p className="error" role="alert" data-testid="import-failure">
            This import failed{imp.failure ? `: ${imp.failure}` : '.'} Rows stored before that are
            kept.
          </p>
        )}
        <ImportCounts counts={imp.counts} />
      </section>
      <section className="panel" aria-labelledby="report-title">
        <h2 id="report-title">Skipped rows</h2>
        {skipped === 0 && !running ? (
          <p className="ok" data-testid="no-skipped">
            No row was skipped.
          </p>
        ) : (
          <p>
            Every skipped row with its row number in your file and the reason:{' '}
            <a href={`${report}?format=xlsx`} download data-testid="report-xlsx">
              Download XLSX
            </a>{' '}
            ·{' '}
            <a href={`${report}?format=csv`} download data-testid="report-csv">
              Download CSV
            </a>
          </p>
        )}
      </section>
    </>
  )
}
