import type { ApiKey, CreatedApiKey } from '@leadport/shared'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from './client.ts'

/** The live API keys (metadata only). */
export function useApiKeys() {
  return useQuery({
    queryKey: ['api-keys'],
    queryFn: ({ signal }) => api<{ items: ApiKey[] }>('/api-keys', { signal }),
  })
}

/** Creates a key; the answer carries the whole key, shown this once. */
export function useCreateApiKey() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (name: string) =>
      api<CreatedApiKey>('/api-keys', { method: 'POST', body: { name } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['api-keys'] }),
  })
}

/** Revokes a key. */
export function useRevokeApiKey() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (id: number) => api<null>(`/api-keys/${id}`, { method: 'DELETE' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['api-keys'] }),
  })
}
