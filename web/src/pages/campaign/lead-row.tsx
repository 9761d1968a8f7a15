import type { Lead } from '@leadport/shared'
import type { CSSProperties } from 'react'
import { StatusBadge } from '../status-badge.tsx'
import { useLeadSelection } from './lead-selection.ts'

/** One row of the virtualised leads table; every value rendered as text. */
export function LeadRow({ lead, style }: { lead: Lead; style: CSSProperties }) {
  const toggle = useLeadSelection((s) => s.toggle)
  return (
    <tr className="vrow" style={style} data-testid={`lead-${lead.phone_e164}`}>
      <td className="mono">
        {lead.phone_e164}
        {lead.phone_ext ? ` ext. ${lead.phone_ext}` : ''}
        {lead.secondary_phones.length > 0 && (
          <span className="muted" title={lead.secondary_phones.join(', ')}>
            {' '}
            +{lead.secondary_phones.length}
          </span>
        )}
      </td>
      <td className="ellipsis">
        {Object.entries(lead.variables).map(([k, v]) => (
          <span key={k} className="kv">
            <span className="muted">{k}:</span> <bdi>{v}</bdi>
          </span>
        ))}
      </td>
      <td data-testid="lead-status">
        <StatusBadge status={lead.status} />
      </td>
      <td className="num">
        <button
          type="button"
          className="link"
          data-testid="lead-attempts-toggle"
          title="Show this lead's calls"
          onClick={() => toggle(lead)}
        >
          {lead.attempts}
        </button>
      </td>
      <td className="muted">{new Date(lead.created_at).toLocaleString()}</td>
    </tr>
  )
}
