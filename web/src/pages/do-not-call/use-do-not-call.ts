import type {
  AddDoNotCallBody,
  AddDoNotCallResponse,
  DoNotCallEntry,
  DoNotCallFileResponse,
  ErrorBody,
  Page,
} from '@leadport/shared'
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query'
import { ApiError, api } from '../../api/client.ts'

const KEY = ['do-not-call']

/** The do-not-call list, newest first or searched (`q`: digits for numbers, text for reasons). */
export function useDoNotCallPages(q: string) {
  return useInfiniteQuery({
    queryKey: [...KEY, q],
    initialPageParam: '',
    queryFn: ({ pageParam, signal }) => {
      const p = new URLSearchParams({ limit: '50' })
      if (q) p.set('q', q)
      if (pageParam) p.set('cursor', pageParam)
      return api<Page<DoNotCallEntry>>(`/do-not-call?${p}`, { signal })
    },
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  })
}

/** Leads change status when numbers are listed: campaigns (and their leads) are refetched too. */
function useRefresh() {
  const qc = useQueryClient()
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: KEY }),
      qc.invalidateQueries({ queryKey: ['campaigns'] }),
    ])
}

/** Adds typed numbers. */
export function useAddDoNotCall() {
  const refresh = useRefresh()
  return useMutation({
    mutationFn: (body: Partial<AddDoNotCallBody> & { numbers: string[] }) =>
      api<AddDoNotCallResponse>('/do-not-call', { method: 'POST', body }),
    onSuccess: refresh,
  })
}

/** Uploads a CSV/XLSX/XLS file with a phone column. */
export function useUploadDoNotCall() {
  const refresh = useRefresh()
  return useMutation({
    mutationFn: async (input: { file: File; country: string; reason: string }) => {
      const form = new FormData()
      form.append('file', input.file, input.file.name)
      const options = { reason: input.reason, ...(input.country ? { country: input.country } : {}) }
      form.append('options', JSON.stringify(options))
      let res: Response
      try {
        res = await fetch('/api/do-not-call/file', { method: 'POST', body: form })
      } catch {
        throw new ApiError(0, 'NETWORK', 'The server could not be reached. Try again.')
      }
      const body = (await res.json().catch(() => null)) as unknown
      if (!res.ok) {
        const e = (body as Partial<ErrorBody> | null)?.error
        const message =
          res.status === 413
            ? 'The file is larger than 1 MB. Split it, or send the numbers through the API.'
            : (e?.message ?? `The server answered ${res.status}.`)
        throw new ApiError(res.status, e?.code ?? 'HTTP', message)
      }
      return body as DoNotCallFileResponse
    },
    onSuccess: refresh,
  })
}

/** Removes one entry. */
export function useDeleteDoNotCall() {
  const refresh = useRefresh()
  return useMutation({
    mutationFn: (id: number) => api<null>(`/do-not-call/${id}`, { method: 'DELETE' }),
    onSuccess: refresh,
  })
}
