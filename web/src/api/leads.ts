import type { Lead, LeadStatus, Page } from '@leadport/shared'
import { useInfiniteQuery } from '@tanstack/react-query'
import { api } from './client.ts'

/** Filters of the leads table. */
export interface LeadFilter {
  status: LeadStatus | ''
  phone: string
}

const PAGE = 200

/** A campaign's leads, a page at a time (cursor paging: nothing loads until it is needed). */
export function useLeadPages(campaignId: number, filter: LeadFilter) {
  return useInfiniteQuery({
    queryKey: ['campaigns', campaignId, 'leads', filter],
    initialPageParam: '',
    queryFn: ({ pageParam, signal }) => {
      const q = new URLSearchParams({ limit: String(PAGE) })
      if (filter.status) q.set('status', filter.status)
      if (filter.phone) q.set('phone', filter.phone)
      if (pageParam) q.set('cursor', pageParam)
      return api<Page<Lead>>(`/campaigns/${campaignId}/leads?${q}`, { signal })
    },
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  })
}
