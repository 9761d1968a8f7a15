import type { CampaignMapping, CampaignMappingBody, FoundNumber } from '@leadport/shared'
import { ApiError, api } from '../api/client.ts'

/**
 * Numbers of one lookup body (built in the worker) that the campaign already has.
 * @example await lookupNumbers(1050, '{"phones":["+905321234567"]}')
 */
export async function lookupNumbers(campaignId: number, body: string): Promise<FoundNumber[]> {
  const res = await fetch(`/api/campaigns/${campaignId}/numbers/lookup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  })
  const json = (await res.json().catch(() => null)) as {
    found?: FoundNumber[]
    error?: { code: string; message: string }
  } | null
  if (!res.ok) {
    throw new ApiError(
      res.status,
      json?.error?.code ?? 'HTTP',
      json?.error?.message ?? `The server answered ${res.status}.`,
    )
  }
  return json?.found ?? []
}

/** The mapping remembered for a campaign, or null when there is none. */
export async function loadSavedMapping(campaignId: number): Promise<CampaignMapping | null> {
  try {
    return await api<CampaignMapping>(`/campaigns/${campaignId}/mapping`)
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return null
    throw err
  }
}

/** Remembers a mapping for the campaign's next import. */
export function saveMapping(campaignId: number, body: CampaignMappingBody): Promise<unknown> {
  return api(`/campaigns/${campaignId}/mapping`, { method: 'PUT', body })
}
