import type { Lead } from '@leadport/shared'
import { create } from 'zustand'

/** The lead whose attempts are shown under the leads table (the virtualised rows stay fixed). */
export const useLeadSelection = create<{
  lead: Lead | null
  toggle(lead: Lead): void
  clear(): void
}>((set, get) => ({
  lead: null,
  toggle: (lead) => set({ lead: get().lead?.id === lead.id ? null : lead }),
  clear: () => set({ lead: null }),
}))
