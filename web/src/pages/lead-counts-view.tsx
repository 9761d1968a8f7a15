import { LEAD_STATUSES, type LeadStatus } from '@leadport/shared'
import { StatusBadge } from './status-badge.tsx'

/** A campaign's lead counts as one badge per status that has leads. */
export function LeadCountsView({ counts }: { counts: Partial<Record<LeadStatus, number>> }) {
  const present = LEAD_STATUSES.filter((s) => (counts[s] ?? 0) > 0)
  if (present.length === 0) return <span className="muted">No leads</span>
  return (
    <span className="counts">
      {present.map((s) => (
        <span key={s} className="count-item" data-testid={`count-${s}`}>
          <StatusBadge status={s} /> {(counts[s] ?? 0).toLocaleString()}
        </span>
      ))}
    </span>
  )
}
