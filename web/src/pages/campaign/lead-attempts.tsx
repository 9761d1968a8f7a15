import { useEffect } from 'react'
import { useCampaign } from '../../api/campaigns.ts'
import { StatusBadge } from '../status-badge.tsx'
import { useLeadSelection } from './lead-selection.ts'
import { useLeadCalls } from './use-calls.ts'

/** The selected lead's attempts: each call with its number, caller, outcome and duration. */
export function LeadAttempts({ campaignId }: { campaignId: number }) {
  const { lead, clear } = useLeadSelection()
  // A lead picked on another campaign's page is not this one's.
  useEffect(() => {
    if (lead && lead.campaign_id !== campaignId) clear()
  }, [lead, campaignId, clear])
  const status = useCampaign(campaignId).data?.status
  const calls = useLeadCalls(lead && lead.campaign_id === campaignId ? lead.id : null, status)
  if (!lead || lead.campaign_id !== campaignId) return null
  const items = calls.data?.items ?? []
  return (
    <section className="panel" aria-labelledby="attempts-title" data-testid="lead-attempts">
      <h2 id="attempts-title">
        Attempts of <span className="mono">{lead.phone_e164}</span>{' '}
        <button type="button" className="link" onClick={clear} data-testid="close-attempts">
          Close
        </button>
      </h2>
      {calls.isPending && <p className="muted">Loading attempts…</p>}
      {calls.error && (
        <p className="error" role="alert">
          Could not load the attempts: {calls.error.message}
        </p>
      )}
      {calls.data && items.length === 0 && (
        <p className="muted" data-testid="attempts-empty">
          Not called yet. <StatusBadge status={lead.status} />
        </p>
      )}
      {items.length > 0 && (
        <table className="table" data-testid="attempts-table">
          <thead>
            <tr>
              <th scope="col">Round</th>
              <th scope="col">Number</th>
              <th scope="col">From</th>
              <th scope="col">Outcome</th>
              <th scope="col">Duration</th>
              <th scope="col">Started</th>
            </tr>
          </thead>
          <tbody>
            {items.map((c) => (
              <tr key={c.id} data-testid="attempt-row">
                <td className="num">{c.attempt}</td>
                <td className="mono">
                  {c.to_e164}
                  {c.phone_index > 0 && <span className="muted"> (secondary {c.phone_index})</span>}
                </td>
                <td className="mono">{c.from_e164}</td>
                <td data-testid="attempt-outcome">
                  {c.outcome ? c.outcome.replace('_', ' ') : 'in progress'}
                </td>
                <td className="num">
                  {c.duration_seconds === null ? '' : `${c.duration_seconds} s`}
                </td>
                <td className="muted">{new Date(c.created_at).toLocaleString()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
