import type { AuthState, LoginBody, SetupBody, User } from '@leadport/shared'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { api, UNAUTHORIZED_EVENT } from './client.ts'

const KEY = ['auth-state']

/** Who is signed in, and whether the first admin must be created; re-checked after any 401. */
export function useAuthState() {
  const qc = useQueryClient()
  useEffect(() => {
    const recheck = () => void qc.invalidateQueries({ queryKey: KEY })
    window.addEventListener(UNAUTHORIZED_EVENT, recheck)
    return () => window.removeEventListener(UNAUTHORIZED_EVENT, recheck)
  }, [qc])
  return useQuery({
    queryKey: KEY,
    queryFn: ({ signal }) => api<AuthState>('/auth/state', { signal }),
  })
}

// Whoever is signed in now, nothing cached for the previous one is shown: reset every query
// (the active ones, starting with the auth state, refetch).
function useSignedIn() {
  const qc = useQueryClient()
  return () => qc.resetQueries()
}

/** Signs in with email and password. */
export function useLogin() {
  const signedIn = useSignedIn()
  return useMutation({
    mutationFn: (body: LoginBody) => api<{ user: User }>('/auth/login', { method: 'POST', body }),
    onSuccess: signedIn,
  })
}

/** Creates the first admin (first run) and signs them in. */
export function useSetup() {
  const signedIn = useSignedIn()
  return useMutation({
    mutationFn: (body: SetupBody) => api<{ user: User }>('/auth/setup', { method: 'POST', body }),
    onSuccess: signedIn,
  })
}

/** Signs out. */
export function useLogout() {
  const signedIn = useSignedIn()
  return useMutation({
    mutationFn: () => api<null>('/auth/logout', { method: 'POST' }),
    onSuccess: signedIn,
  })
}
