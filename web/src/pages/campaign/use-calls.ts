import type { Call, CampaignActivity, CampaignStatus } from '@leadport/shared'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { api } from '../../api/client.ts'

/** How often a running campaign's calls and chart are refreshed. */
export const POLL_MS = 2000

const poll = (status: CampaignStatus) => (status === 'in_progress' ? POLL_MS : false)

/** The campaign's calls waiting for an outcome, polled while it runs. */
export function useLiveCalls(campaignId: number, status: CampaignStatus) {
  return useQuery({
    queryKey: ['campaign-calls', campaignId, 'in_progress'],
    queryFn: ({ signal }) =>
      api<{ items: Call[] }>(`/campaigns/${campaignId}/calls?status=in_progress`, { signal }),
    refetchInterval: poll(status),
  })
}

/** Lead statuses and call outcomes over time, polled while the campaign runs. */
export function useActivity(campaignId: number, status: CampaignStatus) {
  return useQuery({
    queryKey: ['campaign-activity', campaignId],
    queryFn: ({ signal }) => api<CampaignActivity>(`/campaigns/${campaignId}/activity`, { signal }),
    refetchInterval: poll(status),
  })
}

/** One lead's calls (its attempts), oldest first; polled while its campaign runs. */
export function useLeadCalls(leadId: number | null, status: CampaignStatus | undefined) {
  return useQuery({
    queryKey: ['leads', leadId, 'calls'],
    queryFn: ({ signal }) => api<{ items: Call[] }>(`/leads/${leadId}/calls`, { signal }),
    enabled: leadId !== null,
    refetchInterval: status ? poll(status) : false,
  })
}

/**
 * While the campaign runs, refetches it and its leads every {@link POLL_MS} so statuses move on
 * the page as the dialer works (and the status shows `completed` when it is done).
 */
export function useRefreshWhileRunning(campaignId: number, status: CampaignStatus) {
  const qc = useQueryClient()
  useEffect(() => {
    if (status !== 'in_progress') return
    const t = setInterval(() => {
      void qc.invalidateQueries({ queryKey: ['campaigns', campaignId], exact: true })
      void qc.invalidateQueries({ queryKey: ['campaigns', campaignId, 'leads'] })
    }, POLL_MS)
    return () => {
      clearInterval(t)
      // It stopped running (completed, paused) or the page closed: the calls and the chart get
      // one last look, or the last poll's calls in progress would stay on screen.
      void qc.invalidateQueries({ queryKey: ['campaign-calls', campaignId] })
      void qc.invalidateQueries({ queryKey: ['campaign-activity', campaignId] })
    }
  }, [qc, campaignId, status])
}
