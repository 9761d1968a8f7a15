import type {
  Campaign,
  CreateCampaignBody,
  LeadInput,
  LeadResult,
  UpdateCampaignBody,
} from '@leadport/shared'
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
    enabled: Number.isSafeInteger(id),
  })
}

/** Creates a campaign and refreshes the list. */
export function useCreateCampaign() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (body: Partial<CreateCampaignBody> & { name: string }) =>
      api<Campaign>('/campaigns', { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['campaigns'] }),
  })
}

/** Saves some settings of a campaign. */
export function useUpdateCampaign(id: number) {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (body: UpdateCampaignBody) =>
      api<Campaign>(`/campaigns/${id}`, { method: 'PATCH', body }),
    onSuccess: (c) => {
      qc.setQueryData(['campaigns', id], c)
      return qc.invalidateQueries({ queryKey: ['campaigns'], exact: true })
    },
  })
}

/** Starts or pauses a campaign; its leads change status, so they are refetched too. */
export function useCampaignTransition(id: number) {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (action: 'start' | 'pause') =>
      api<Campaign>(`/campaigns/${id}/${action}`, { method: 'POST' }),
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
