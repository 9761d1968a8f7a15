import type { LeadStatus } from '@leadport/shared'

/** Sum of a campaign's lead counts over all statuses. */
export function totalLeads(counts: Partial<Record<LeadStatus, number>>): number {
  let n = 0
  for (const v of Object.values(counts)) n += v ?? 0
  return n
}
