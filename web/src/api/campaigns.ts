import type { Campaign, Lead, LeadInput, LeadResult, Page } from '@leadport/shared'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from './client.ts'

/** All campaigns. */
export function useCampaigns() {
  return useQuery({
    queryKey: ['campaigns'],
    queryFn: ({ signal }) => api<{ items: Campaign[] }>('/campaigns', { signal }),
  })
}

/** One campaign with its lead counts. */
export function useCampaign(id: number) {
  return useQuery({
    queryKey: ['campaigns', id],
    queryFn: ({ signal }) => api<Campaign>(`/campaigns/${id}`, { signal }),
  })
}

/** The first page of a campaign's leads. */
export function useLeads(campaignId: number) {
  return useQuery({
    queryKey: ['campaigns', campaignId, 'leads'],
    queryFn: ({ signal }) =>
      api<Page<Lead>>(`/campaigns/${campaignId}/leads?limit=200`, { signal }),
  })
}

/** Creates a campaign and refreshes the list. */
export function useCreateCampaign() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (name: string) => api<Campaign>('/campaigns', { method: 'POST', body: { name } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['campaigns'] }),
  })
}

/** Posts one batch of leads to a campaign. */
export function postLeads(campaignId: number, leads: LeadInput[], signal?: AbortSignal) {
  return api<{ results: LeadResult[] }>(`/campaigns/${campaignId}/leads`, {
    method: 'POST',
    body: { leads },
    signal,
  })
}
