import { type FormEvent, useState } from 'react'
import { Link, useLocation } from 'wouter'
import { useCampaigns, useCreateCampaign } from '../api/campaigns.ts'
import { totalLeads } from './lead-counts.ts'
import { LeadCountsView } from './lead-counts-view.tsx'
import { StatusBadge } from './status-badge.tsx'

/** `/`: the campaigns with their lead counts, and a form to create one. */
export function CampaignsPage() {
  const campaigns = useCampaigns()
  const create = useCreateCampaign()
  const [name, setName] = useState('')
  const [, navigate] = useLocation()

  const submit = (e: FormEvent) => {
    e.preventDefault()
    create.mutate({ name: name.trim() }, { onSuccess: (c) => navigate(`/campaigns/${c.id}`) })
  }

  return (
    <>
      <div className="page-head">
        <h1>Campaigns</h1>
      </div>
      <section className="panel">
        <h2>New campaign</h2>
        <form className="inline-form" onSubmit={submit}>
          <label htmlFor="campaign-name">Name</label>
          <input
            id="campaign-name"
            data-testid="campaign-name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="e.g. Istanbul retail, Q3"
            maxLength={200}
            required
          />
          <button
            type="submit"
            data-testid="create-campaign"
            disabled={create.isPending || !name.trim()}
          >
            {create.isPending ? 'Creating…' : 'Create campaign'}
          </button>
        </form>
        {create.error && (
          <p className="error" role="alert">
            {create.error.message}
          </p>
        )}
      </section>
      <section className="panel">
        {campaigns.isPending && <p className="muted">Loading campaigns…</p>}
        {campaigns.error && (
          <p className="error" role="alert">
            Could not load campaigns: {campaigns.error.message}{' '}
            <button type="button" className="link" onClick={() => campaigns.refetch()}>
              Retry
            </button>
          </p>
        )}
        {campaigns.data && campaigns.data.items.length === 0 && (
          <p className="muted">No campaigns yet. Create one above, then import its leads.</p>
        )}
        {campaigns.data && campaigns.data.items.length > 0 && (
          <table className="table" data-testid="campaigns-table">
            <thead>
              <tr>
                <th scope="col">ID</th>
                <th scope="col">Name</th>
                <th scope="col">Status</th>
                <th scope="col" className="num">
                  Leads
                </th>
                <th scope="col">By status</th>
                <th scope="col">Created</th>
              </tr>
            </thead>
            <tbody>
              {campaigns.data.items.map((c) => (
                <tr key={c.id} data-testid={`campaign-row-${c.id}`}>
                  <td className="mono">{c.id}</td>
                  <td>
                    <Link href={`/campaigns/${c.id}`}>{c.name}</Link>
                  </td>
                  <td>
                    <StatusBadge status={c.status} />
                  </td>
                  <td className="num">{totalLeads(c.lead_counts).toLocaleString()}</td>
                  <td>
                    <LeadCountsView counts={c.lead_counts} />
                  </td>
                  <td className="muted">{new Date(c.created_at).toLocaleString()}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  )
}
