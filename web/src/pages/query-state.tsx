import type { ReactNode } from 'react'

/** Loading and error states of a query, the same everywhere; renders `children` once loaded. */
export function QueryState({
  what,
  query,
  children,
}: {
  what: string
  query: { isPending: boolean; error: Error | null; refetch: () => unknown }
  children: ReactNode
}) {
  if (query.isPending) return <p className="muted">Loading {what}…</p>
  if (query.error) {
    return (
      <p className="error" role="alert">
        Could not load {what}: {query.error.message}{' '}
        <button type="button" className="link" onClick={() => query.refetch()}>
          Retry
        </button>
      </p>
    )
  }
  return <>{children}</>
}
