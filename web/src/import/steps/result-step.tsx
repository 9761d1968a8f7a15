import { Link } from 'wouter'
import { useWizard } from '../wizard/store.ts'

/** Step 7: the server's counts, links to the leads and to the report of skipped rows. */
export function ResultStep() {
  const result = useWizard((s) => s.result)
  const summary = useWizard((s) => s.summary)
  if (!result) return null
  const c = result.counts
  const skipped = summary?.deleted ?? 0
  const notImported = c.invalid + c.duplicate_in_file + c.duplicate_in_campaign
  const report = `/api/imports/${result.importId}/report`
  return (
    <div data-testid="upload-done">
      <h2>Import finished</h2>
      <dl className="counts review-counts">
        <Item label="Inserted" value={c.inserted} id="inserted" />
        <Item label="Duplicates in the file" value={c.duplicate_in_file} id="dup-file" />
        <Item label="Already in the campaign" value={c.duplicate_in_campaign} id="dup-campaign" />
        <Item label="Invalid" value={c.invalid} id="invalid" />
        <Item label="Skipped (deleted in review)" value={skipped} id="skipped" />
      </dl>
      <p>
        <Link href={`/campaigns/${result.campaignId}`} data-testid="to-leads">
          See the campaign's leads
        </Link>
      </p>
      {notImported > 0 ? (
        <p>
          {notImported.toLocaleString('en-US')} rows were not imported. Download the report of those
          rows, with their row numbers and reasons:{' '}
          <a href={`${report}?format=xlsx`} download data-testid="report-xlsx">
            Excel (XLSX)
          </a>{' '}
          ·{' '}
          <a href={`${report}?format=csv`} download data-testid="report-csv">
            CSV
          </a>
        </p>
      ) : (
        <p className="muted">Every row sent was imported.</p>
      )}
    </div>
  )
}

function Item({ label, value, id }: { label: string; value: number; id: string }) {
  return (
    <div className="count-item">
      <dt>{label}</dt>
      <dd data-testid={`result-${id}`}>{value.toLocaleString('en-US')}</dd>
    </div>
  )
}
