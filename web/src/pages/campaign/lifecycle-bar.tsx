import type { Campaign } from '@leadport/shared'
import { useCampaignTransition } from '../../api/campaigns.ts'
import { StatusBadge } from '../status-badge.tsx'

/** The campaign's status with Start / Pause, and the server's reason when one is refused. */
export function LifecycleBar({ campaign }: { campaign: Campaign }) {
  const transition = useCampaignTransition(campaign.id)
  const { status } = campaign
  const canStart = status === 'draft' || status === 'paused'
  return (
    <div className="lifecycle">
      <span data-testid="campaign-status">
        <StatusBadge status={status} />
      </span>
      {canStart && (
        <button
          type="button"
          data-testid="start-campaign"
          disabled={transition.isPending}
          onClick={() => transition.mutate('start')}
        >
          {status === 'paused' ? 'Resume calling' : 'Start calling'}
        </button>
      )}
      {status === 'in_progress' && (
        <button
          type="button"
          className="secondary"
          data-testid="pause-campaign"
          disabled={transition.isPending}
          onClick={() => transition.mutate('pause')}
        >
          Pause
        </button>
      )}
      {transition.error && (
        <p className="error lifecycle-error" role="alert" data-testid="lifecycle-error">
          {transition.error.message}
        </p>
      )}
    </div>
  )
}
