import type { Assistant, CreateAssistantBody, UpdateAssistantBody } from '@leadport/shared'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from './client.ts'

/** All assistants. */
export function useAssistants() {
  return useQuery({
    queryKey: ['assistants'],
    queryFn: ({ signal }) => api<{ items: Assistant[] }>('/assistants', { signal }),
  })
}

/** Creates an assistant (`id` absent) or saves one. */
export function useSaveAssistant() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: ({ id, body }: { id?: number; body: CreateAssistantBody | UpdateAssistantBody }) =>
      id === undefined
        ? api<Assistant>('/assistants', { method: 'POST', body })
        : api<Assistant>(`/assistants/${id}`, { method: 'PATCH', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['assistants'] }),
  })
}
