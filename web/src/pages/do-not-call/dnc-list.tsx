import { useEffect, useState } from 'react'
import { useDeleteDoNotCall, useDoNotCallPages } from './use-do-not-call.ts'

/** The list: search (digits: numbers starting with them; text: reasons), load more, remove. */
export function DncList() {
  const [search, setSearch] = useState('')
  const [q, setQ] = useState('')
  useEffect(() => {
    const t = setTimeout(() => setQ(search.trim()), 250)
    return () => clearTimeout(t)
  }, [search])
  const pages = useDoNotCallPages(q)
  const remove = useDeleteDoNotCall()
  const rows = pages.data?.pages.flatMap((p) => p.items) ?? []
  return (
    <>
      <div className="inline-form">
        <label htmlFor="dnc-search">Search</label>
        <input
          id="dnc-search"
          data-testid="dnc-search"
          type="search"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          placeholder="+90532… or a word of the reason"
        />
      </div>
      {pages.isPending && <p className="muted">Loading the list…</p>}
      {pages.error && (
        <p className="error" role="alert">
          Could not load the list: {pages.error.message}
        </p>
      )}
      {remove.error && (
        <p className="error" role="alert">
          Could not remove the number: {remove.error.message}
        </p>
      )}
      {pages.data && rows.length === 0 && (
        <p className="muted" data-testid="dnc-empty">
          {q ? 'No listed number matches.' : 'The list is empty: every lead may be called.'}
        </p>
      )}
      {rows.length > 0 && (
        <table className="table" data-testid="dnc-table">
          <thead>
            <tr>
              <th scope="col">Number</th>
              <th scope="col">Reason</th>
              <th scope="col">Added by</th>
              <th scope="col">Added</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((e) => (
              <tr key={e.id} data-testid={`dnc-${e.phone_e164}`}>
                <td className="mono">{e.phone_e164}</td>
                <td>
                  <bdi>{e.reason}</bdi>
                </td>
                <td className="muted">
                  {e.added_by} ({e.source})
                </td>
                <td className="muted">{new Date(e.created_at).toLocaleString()}</td>
                <td>
                  <button
                    type="button"
                    className="secondary"
                    data-testid={`dnc-remove-${e.phone_e164}`}
                    disabled={remove.isPending}
                    onClick={() => {
                      if (
                        window.confirm(`Remove ${e.phone_e164}? Leads already suppressed stay so.`)
                      )
                        remove.mutate(e.id)
                    }}
                  >
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {pages.hasNextPage && (
        <button
          type="button"
          className="secondary"
          onClick={() => pages.fetchNextPage()}
          disabled={pages.isFetchingNextPage}
        >
          Load more
        </button>
      )}
    </>
  )
}
