import type { Import } from '@leadport/shared'
import { useQuery } from '@tanstack/react-query'
import { api } from '../../api/client.ts'

/** An import as the page reads it; `failure` says why a failed one failed (when the server says). */
export type ImportView = Import & { failure?: string | null }

/** Whether an import can still change (so the page keeps polling it). */
export function isImportRunning(status: Import['status']): boolean {
  return status === 'uploading' || status === 'processing'
}

/** One import, polled every second while it is still running. */
export function useImport(id: number) {
  return useQuery({
    queryKey: ['imports', id],
    queryFn: ({ signal }) => api<ImportView>(`/imports/${id}`, { signal }),
    // Stop once it is over, or on an error (the page offers Retry).
    refetchInterval: (q) => {
      if (q.state.error) return false
      return q.state.data && !isImportRunning(q.state.data.status) ? false : 1000
    },
  })
}
