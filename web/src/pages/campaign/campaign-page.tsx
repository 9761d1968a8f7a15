import { Link } from 'wouter'
import { useCampaign } from '../../api/campaigns.ts'
import { LeadCountsView } from '../lead-counts-view.tsx'
import { ActivityChart } from './activity-chart.tsx'
import { LeadAttempts } from './lead-attempts.tsx'
import { LeadsTable } from './leads-table.tsx'
import { LifecycleBar } from './lifecycle-bar.tsx'
import { LiveCalls } from './live-calls.tsx'
import { SettingsForm } from './settings-form.tsx'

/** `/campaigns/:id`: the campaign's status and settings, its lead import and its leads. */
export function CampaignPage({ idParam }: { idParam: string }) {
  const id = /^\d+$/.test(idParam) ? Number(idParam) : Number.NaN
  const campaign = useCampaign(id)

  if (!Number.isSafeInteger(id)) return <NotFound what={idParam} />
  if (campaign.isPending) return <p className="muted">Loading campaign…</p>
  if (campaign.error) {
    return 'status' in campaign.error && campaign.error.status === 404 ? (
      <NotFound what={idParam} />
    ) : (
      <p className="error" role="alert">
        Could not load the campaign: {campaign.error.message}
      </p>
    )
  }
  const c = campaign.data
  return (
    <>
      <div className="page-head">
        <div>
          <p className="crumbs">
            <Link href="/">Campaigns</Link> / <span className="mono">{c.id}</span>
          </p>
          <h1 data-testid="campaign-title">{c.name}</h1>
          <p className="muted" data-testid="campaign-counts">
            <LeadCountsView counts={c.lead_counts} />
          </p>
        </div>
        <LifecycleBar campaign={c} />
      </div>
      <SettingsForm key={c.id} campaign={c} />
      <section className="panel import-cta" aria-labelledby="import-title">
        <h2 id="import-title">Import leads</h2>
        <p className="muted">
          From a CSV, XLSX or XLS file: map the columns, fix bad rows before upload, and see what
          the campaign already has.
        </p>
        <Link href={`/campaigns/${c.id}/import`} className="button" data-testid="import-leads">
          Import leads
        </Link>
      </section>
      <LiveCalls campaign={c} />
      <ActivityChart campaign={c} />
      <LeadsTable campaign={c} />
      <LeadAttempts campaignId={c.id} />
    </>
  )
}

function NotFound({ what }: { what: string }) {
  return (
    <div className="panel">
      <h1>Campaign not found</h1>
      <p>
        There is no campaign {what}. <Link href="/">Back to your campaigns</Link>.
      </p>
    </div>
  )
}
