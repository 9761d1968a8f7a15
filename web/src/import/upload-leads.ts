import type { LeadInput } from '@leadport/shared'
import { postLeads } from '../api/campaigns.ts'

/** What an upload did, summed over its batches. */
export interface UploadSummary {
  created: number
  duplicate: number
  invalid: { row: number; message: string }[]
}

const BATCH = 1000

/**
 * Posts leads to a campaign in batches, in file order, and sums the server's per-lead results.
 * `rowNumbers[i]` is the data row of `leads[i]`, so refusals point at the row the user sees.
 */
export async function uploadLeads(
  campaignId: number,
  leads: readonly LeadInput[],
  rowNumbers: readonly number[],
  signal: AbortSignal,
  onProgress: (done: number) => void,
): Promise<UploadSummary> {
  const summary: UploadSummary = { created: 0, duplicate: 0, invalid: [] }
  for (let start = 0; start < leads.length; start += BATCH) {
    const batch = leads.slice(start, start + BATCH)
    const { results } = await postLeads(campaignId, batch, signal)
    for (let i = 0; i < results.length; i++) {
      const r = results[i]
      if (r?.status === 'created') summary.created++
      else if (r?.status === 'duplicate') summary.duplicate++
      else if (r?.status === 'invalid')
        summary.invalid.push({ row: rowNumbers[start + i] ?? 0, message: r.message })
    }
    onProgress(Math.min(start + BATCH, leads.length))
  }
  return summary
}
