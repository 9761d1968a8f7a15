import type { OutboxList, OutboxMessageView } from '@leadport/shared'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from '../../api/client.ts'

/** The recent emails of the outbox (admin only), refreshed every 10 seconds. */
export function useOutbox() {
  return useQuery({
    queryKey: ['outbox'],
    queryFn: ({ signal }) => api<OutboxList>('/outbox', { signal }),
    refetchInterval: 10_000,
  })
}

/** Puts a failed email back in the queue; the sender tries it at once. */
export function useRetryEmail() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (id: number) => api<OutboxMessageView>(`/outbox/${id}/retry`, { method: 'POST' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['outbox'] }),
  })
}
