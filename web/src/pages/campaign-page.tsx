import { Link } from 'wouter'
import { useCampaign, useLeads } from '../api/campaigns.ts'
import { ImportPanel } from '../import/import-panel.tsx'
import { totalLeads } from './lead-counts.ts'
import { StatusBadge } from './status-badge.tsx'

/** `/campaigns/:id`: the campaign, its lead import and its leads. */
export function CampaignPage({ idParam }: { idParam: string }) {
  const id = /^\d+$/.test(idParam) ? Number(idParam) : Number.NaN
  const campaign = useCampaign(id)
  const leads = useLeads(id)

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
        </div>
        <StatusBadge status={c.status} />
      </div>
      <ImportPanel campaignId={c.id} />
      <section className="panel">
        <h2>
          Leads{' '}
          <span className="count" data-testid="lead-total">
            {totalLeads(c.lead_counts).toLocaleString()}
          </span>
        </h2>
        {leads.isPending && <p className="muted">Loading leads…</p>}
        {leads.error && (
          <p className="error" role="alert">
            Could not load leads: {leads.error.message}
          </p>
        )}
        {leads.data && leads.data.items.length === 0 && (
          <p className="muted">No leads yet. Import a file above to add some.</p>
        )}
        {leads.data && leads.data.items.length > 0 && (
          <table className="table" data-testid="leads-table">
            <thead>
              <tr>
                <th scope="col">Phone</th>
                <th scope="col">Variables</th>
                <th scope="col">Status</th>
                <th scope="col">Added</th>
              </tr>
            </thead>
            <tbody>
              {leads.data.items.map((l) => (
                <tr key={l.id}>
                  <td className="mono">
                    {l.phone_e164}
                    {l.phone_ext ? ` ext. ${l.phone_ext}` : ''}
                  </td>
                  <td>
                    {Object.entries(l.variables).map(([k, v]) => (
                      <span key={k} className="kv">
                        <span className="muted">{k}:</span> <bdi>{v}</bdi>
                      </span>
                    ))}
                  </td>
                  <td>
                    <StatusBadge status={l.status} />
                  </td>
                  <td className="muted">{new Date(l.created_at).toLocaleString()}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
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
