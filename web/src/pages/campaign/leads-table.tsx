import { type Campaign, LEAD_STATUSES, type LeadStatus } from '@leadport/shared'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useRef, useState } from 'react'
import { type LeadFilter, useLeadPages } from '../../api/leads.ts'
import { totalLeads } from '../lead-counts.ts'
import { StatusBadge } from '../status-badge.tsx'
import { LeadRow } from './lead-row.tsx'

const ROW_HEIGHT = 41

/**
 * The campaign's leads: filter by status, search by phone, and a virtualised list that loads the
 * next page (cursor paging) only when the user scrolls near the end: a million leads render
 * one screen at a time.
 */
export function LeadsTable({ campaign }: { campaign: Campaign }) {
  const [status, setStatus] = useState<LeadStatus | ''>('')
  const [search, setSearch] = useState('')
  const [phone, setPhone] = useState('')
  useEffect(() => {
    const t = setTimeout(() => setPhone(search.replace(/[^\d+]/g, '')), 250)
    return () => clearTimeout(t)
  }, [search])
  const filter: LeadFilter = { status, phone }
  const pages = useLeadPages(campaign.id, filter)
  const rows = pages.data?.pages.flatMap((p) => p.items) ?? []
  const scroller = useRef<HTMLDivElement>(null)
  const virtual = useVirtualizer({
    count: rows.length + (pages.hasNextPage ? 1 : 0),
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  })
  const items = virtual.getVirtualItems()
  const lastIndex = items[items.length - 1]?.index ?? -1
  useEffect(() => {
    if (lastIndex >= rows.length - 1 && pages.hasNextPage && !pages.isFetchingNextPage) {
      void pages.fetchNextPage()
    }
  }, [lastIndex, rows.length, pages.hasNextPage, pages.isFetchingNextPage, pages.fetchNextPage])

  const total = totalLeads(campaign.lead_counts)
  const matching = phone ? null : status ? (campaign.lead_counts[status] ?? 0) : total
  return (
    <section className="panel" aria-labelledby="leads-title">
      <h2 id="leads-title">
        Leads{' '}
        <span className="count" data-testid="lead-total">
          {total.toLocaleString()}
        </span>
      </h2>
      <div className="inline-form">
        <label htmlFor="lead-status">Status</label>
        <select
          id="lead-status"
          data-testid="lead-status-filter"
          value={status}
          onChange={(e) => setStatus(e.target.value as LeadStatus | '')}
          className="short"
        >
          <option value="">All</option>
          {LEAD_STATUSES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
        <label htmlFor="lead-search">Phone starts with</label>
        <input
          id="lead-search"
          data-testid="lead-search"
          type="search"
          inputMode="tel"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          placeholder="+90532…"
        />
        <span className="muted" data-testid="lead-shown">
          {rows.length.toLocaleString()}
          {matching !== null ? ` of ${matching.toLocaleString()}` : ''} loaded
        </span>
      </div>
      {pages.isPending && <p className="muted">Loading leads…</p>}
      {pages.error && (
        <p className="error" role="alert">
          Could not load leads: {pages.error.message}{' '}
          <button type="button" className="link" onClick={() => pages.refetch()}>
            Retry
          </button>
        </p>
      )}
      {pages.data && rows.length === 0 && (
        <p className="muted" data-testid="leads-empty">
          {total === 0
            ? 'No leads yet. Import a file above, or post them through the API.'
            : 'No leads match this filter.'}
        </p>
      )}
      {rows.length > 0 && (
        <div ref={scroller} className="vscroll">
          <table className="vtable" data-testid="leads-table">
            <thead>
              <tr className="vrow vhead">
                <th scope="col">Phone</th>
                <th scope="col">Variables</th>
                <th scope="col">Status</th>
                <th scope="col">Attempts</th>
                <th scope="col">Added</th>
              </tr>
            </thead>
            <tbody style={{ height: virtual.getTotalSize() }}>
              {items.map((v) => {
                const lead = rows[v.index]
                const style = { transform: `translateY(${v.start}px)`, height: ROW_HEIGHT }
                return lead ? (
                  <LeadRow key={lead.id} lead={lead} style={style} />
                ) : (
                  <tr key="more" className="vrow muted" style={style}>
                    <td>Loading more…</td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      )}
      <p className="hint">
        <StatusBadge status="created" /> waits for Start; <StatusBadge status="scheduled" /> is
        queued for calling.
      </p>
    </section>
  )
}
