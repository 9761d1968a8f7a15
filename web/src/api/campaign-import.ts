import {
  type CampaignMapping,
  type CampaignMappingBody,
  type FoundNumber,
  type LookupNumbersResponse,
  MAX_LOOKUP_PHONES,
} from '@leadport/shared'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { ApiError, api } from './client.ts'

const mappingKey = (campaignId: number) => ['campaigns', campaignId, 'mapping'] as const

/**
 * The column mapping remembered for a campaign, to offer on the next import; `null` when none
 * was saved yet (the server's 404 is an answer here, not an error).
 * @example const { data: remembered } = useCampaignMapping(1000) // CampaignMapping | null
 */
export function useCampaignMapping(campaignId: number) {
  return useQuery({
    queryKey: mappingKey(campaignId),
    queryFn: async ({ signal }): Promise<CampaignMapping | null> => {
      try {
        return await api<CampaignMapping>(`/campaigns/${campaignId}/mapping`, { signal })
      } catch (err) {
        if (err instanceof ApiError && err.status === 404) return null
        throw err
      }
    },
    enabled: Number.isSafeInteger(campaignId),
    staleTime: Number.POSITIVE_INFINITY,
  })
}

/**
 * Remembers a mapping for a campaign's next import (creating an import session also does).
 * @example useSaveCampaignMapping(1000).mutate({ header, mapping, format })
 */
export function useSaveCampaignMapping(campaignId: number) {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (body: CampaignMappingBody) =>
      api<CampaignMapping>(`/campaigns/${campaignId}/mapping`, { method: 'PUT', body }),
    onSuccess: (saved) => qc.setQueryData(mappingKey(campaignId), saved),
  })
}

/**
 * Which of these E.164 numbers the campaign already has, with each lead's id and status. Any
 * count: sent in batches of {@link MAX_LOOKUP_PHONES}, one request at a time; `onProgress` gets
 * the numbers checked so far.
 * @example const found = await lookupCampaignNumbers(1000, ['+905321234567']) // [{ phone_e164, lead_id, status }]
 */
export async function lookupCampaignNumbers(
  campaignId: number,
  phones: readonly string[],
  options: { signal?: AbortSignal; onProgress?: (checked: number) => void } = {},
): Promise<FoundNumber[]> {
  const found: FoundNumber[] = []
  for (let start = 0; start < phones.length; start += MAX_LOOKUP_PHONES) {
    const batch = phones.slice(start, start + MAX_LOOKUP_PHONES)
    const answer = await api<LookupNumbersResponse>(`/campaigns/${campaignId}/numbers/lookup`, {
      method: 'POST',
      body: { phones: batch },
      signal: options.signal,
    })
    for (const f of answer.found) found.push(f)
    options.onProgress?.(start + batch.length)
  }
  return found
}

/**
 * {@link lookupCampaignNumbers} as a mutation: the review step calls `mutate(phones)` once the
 * file's valid numbers are known and reads `data` (the numbers already in the campaign).
 * @example const lookup = useLookupCampaignNumbers(1000); lookup.mutate(['+905321234567'])
 */
export function useLookupCampaignNumbers(campaignId: number) {
  return useMutation({
    mutationFn: (phones: readonly string[]) => lookupCampaignNumbers(campaignId, phones),
  })
}
