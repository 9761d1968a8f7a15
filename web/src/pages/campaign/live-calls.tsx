import type { Campaign } from '@leadport/shared'
import { useEffect, useState } from 'react'
import { useLiveCalls, useRefreshWhileRunning } from './use-calls.ts'

function useNow(everyMs: number) {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), everyMs)
    return () => clearInterval(t)
  }, [everyMs])
  return now
}

/** Calls in progress right now, refreshed every few seconds while the campaign runs. */
export function LiveCalls({ campaign }: { campaign: Campaign }) {
  const calls = useLiveCalls(campaign.id, campaign.status)
  useRefreshWhileRunning(campaign.id, campaign.status)
  const now = useNow(1000)
  const items = calls.data?.items ?? []
  return (
    <section className="panel" aria-labelledby="live-calls-title">
      <h2 id="live-calls-title">
        Calls in progress{' '}
        <span className="count" data-testid="live-call-count">
          {items.length}
        </span>
      </h2>
      {calls.error && (
        <p className="error" role="alert">
          Could not load calls: {calls.error.message}
        </p>
      )}
      {calls.data && items.length === 0 && (
        <p className="muted" data-testid="live-calls-empty">
          {campaign.status === 'in_progress'
            ? 'No call right now: waiting for due leads inside the calling hours.'
            : campaign.status === 'completed'
              ? 'No call in progress: the campaign is completed.'
              : campaign.status === 'paused'
                ? 'No call in progress: the campaign is paused. Resume it to go on calling.'
                : 'No call in progress. Start the campaign to dial its leads.'}
        </p>
      )}
      {items.length > 0 && (
        <table className="table" data-testid="live-calls">
          <thead>
            <tr>
              <th scope="col">To</th>
              <th scope="col">From</th>
              <th scope="col">Attempt</th>
              <th scope="col">Ringing for</th>
            </tr>
          </thead>
          <tbody>
            {items.map((c) => (
              <tr key={c.id} data-testid={`live-call-${c.to_e164}`}>
                <td className="mono">
                  {c.to_e164}
                  {c.phone_index > 0 && <span className="muted"> (secondary {c.phone_index})</span>}
                </td>
                <td className="mono">{c.from_e164}</td>
                <td className="num">{c.attempt}</td>
                <td className="num">
                  {Math.max(0, Math.round((now - Date.parse(c.created_at)) / 1000))} s
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
