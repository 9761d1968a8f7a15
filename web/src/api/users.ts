import type { CreateUserBody, User } from '@leadport/shared'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from './client.ts'

/** The team's members. */
export function useUsers() {
  return useQuery({
    queryKey: ['users'],
    queryFn: ({ signal }) => api<{ items: User[] }>('/users', { signal }),
  })
}

/** Adds a member (admin only). */
export function useCreateUser() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (body: Omit<CreateUserBody, 'role'> & { role?: CreateUserBody['role'] }) =>
      api<User>('/users', { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['users'] }),
  })
}

/** Removes a member (admin only). */
export function useDeleteUser() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (id: number) => api<null>(`/users/${id}`, { method: 'DELETE' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['users'] }),
  })
}
