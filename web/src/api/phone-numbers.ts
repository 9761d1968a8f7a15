import type { CreatePhoneNumberBody, PhoneNumber } from '@leadport/shared'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from './client.ts'

/** All caller numbers. */
export function usePhoneNumbers() {
  return useQuery({
    queryKey: ['phone-numbers'],
    queryFn: ({ signal }) => api<{ items: PhoneNumber[] }>('/phone-numbers', { signal }),
  })
}

/** Adds a caller number. */
export function useCreatePhoneNumber() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (body: Partial<CreatePhoneNumberBody> & { phone_number: string }) =>
      api<PhoneNumber>('/phone-numbers', { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['phone-numbers'] }),
  })
}

/** Changes a caller number's label. */
export function useRelabelPhoneNumber() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: ({ id, label }: { id: number; label: string }) =>
      api<PhoneNumber>(`/phone-numbers/${id}`, { method: 'PATCH', body: { label } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['phone-numbers'] }),
  })
}
