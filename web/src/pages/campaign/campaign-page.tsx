import { Link } from 'wouter'
import { useAssistants } from '../../api/assistants.ts'
import { useCampaign } from '../../api/campaigns.ts'
import { ImportPanel } from '../../import/import-panel.tsx'
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
  const assistants = useAssistants()

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
  const assistant = assistants.data?.items.find((a) => a.id === c.assistant_id)
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
      <ImportPanel campaignId={c.id} variables={assistant?.variables} />
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
