import { type ColumnDef, flexRender, getCoreRowModel, useReactTable } from '@tanstack/react-table'
import { useVirtualizer } from '@tanstack/react-virtual'
import { type CSSProperties, type KeyboardEvent, useEffect, useMemo, useRef, useState } from 'react'
import { parseBridge } from '../parse-bridge.ts'
import type { GridRow } from '../worker/types.ts'
import { useGridRows } from './use-grid-rows.ts'

const ROW_HEIGHT = 36

interface Editing {
  k: number
  c: number
  value: string
}

interface Item {
  k: number
  start: number
  row: GridRow | undefined
}

/**
 * The editable grid of rows with issues, virtualised (only the rows on screen exist, fetched
 * from the worker). Arrows move, Enter edits (Enter saves, Escape cancels), Space selects.
 */
export function ReviewGrid({
  indexes,
  header,
  version,
  selected,
  onToggle,
  onEdited,
}: {
  indexes: Int32Array
  header: string[]
  version: number
  selected: ReadonlySet<number>
  onToggle: (index: number) => void
  onEdited: () => void
}) {
  const scroller = useRef<HTMLDivElement>(null)
  const rows = useGridRows(indexes, version)
  const [active, setActive] = useState({ k: 0, c: 0 })
  const [editing, setEditingState] = useState<Editing | null>(null)
  // Mirrors `editing` so Enter, Escape and blur never commit the same edit twice.
  const editRef = useRef<Editing | null>(null)
  const setEditing = (e: Editing | null) => {
    editRef.current = e
    setEditingState(e)
  }
  const virtual = useVirtualizer({
    count: indexes.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  })
  const items = virtual.getVirtualItems()
  const first = items[0]?.index ?? 0
  const last = items[items.length - 1]?.index ?? 0
  // biome-ignore lint/correctness/useExhaustiveDependencies: new rows (indexes, version) need fetching
  useEffect(() => rows.ensure(first, last), [rows, first, last, indexes, version])

  const data: Item[] = items.map((v) => ({ k: v.index, start: v.start, row: rows.get(v.index) }))
  const columns = useMemo<ColumnDef<Item>[]>(
    () => [
      { id: 'row', header: 'Row', cell: (c) => c.row.original.row?.row ?? '…' },
      {
        id: 'issues',
        header: 'Issues',
        cell: (c) => <Issues row={c.row.original.row} />,
      },
      ...header.map(
        (h, col): ColumnDef<Item> => ({
          id: `c${col}`,
          header: h || `Column ${col + 1}`,
          cell: (c) => <bdi>{c.row.original.row?.cells[col] ?? ''}</bdi>,
        }),
      ),
    ],
    [header],
  )
  // The data is the window on screen, new on every render: nothing may reset state on a change
  // (a reset is a state update, which renders again, with new data...).
  const table = useReactTable({
    data,
    columns,
    getCoreRowModel: getCoreRowModel(),
    autoResetAll: false,
  })
  const colCount = header.length + 2

  // Keep the focused cell in the DOM focus as it moves (after scrolling it into view).
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-run when rendered rows change
  useEffect(() => {
    if (editing) return
    const el = scroller.current?.querySelector<HTMLElement>(`[data-cell="${active.k}:${active.c}"]`)
    if (el && scroller.current?.contains(document.activeElement)) el.focus()
  }, [active, editing, first, last])

  const move = (dk: number, dc: number) => {
    const k = Math.max(0, Math.min(indexes.length - 1, active.k + dk))
    const c = Math.max(0, Math.min(colCount - 1, active.c + dc))
    setActive({ k, c })
    virtual.scrollToIndex(k)
  }

  const commit = async () => {
    const edit = editRef.current
    if (!edit) return
    const row = rows.get(edit.k)
    const { k, c, value } = edit
    setEditing(null)
    if (!row || c < 2 || row.cells[c - 2] === value) return
    const fresh = await parseBridge.api.editCell(row.index, c - 2, value)
    if (fresh) rows.put(k, fresh)
    onEdited()
    scroller.current?.querySelector<HTMLElement>(`[data-cell="${k}:${c}"]`)?.focus()
  }

  const onKeyDown = (e: KeyboardEvent) => {
    if (editing) return
    const keys: Record<string, [number, number]> = {
      ArrowDown: [1, 0],
      ArrowUp: [-1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
      PageDown: [10, 0],
      PageUp: [-10, 0],
    }
    const d = keys[e.key]
    if (d) {
      e.preventDefault()
      move(d[0], d[1])
    } else if ((e.key === 'Enter' || e.key === 'F2') && active.c >= 2) {
      e.preventDefault()
      const row = rows.get(active.k)
      if (row) setEditing({ ...active, value: row.cells[active.c - 2] ?? '' })
    } else if (e.key === ' ') {
      e.preventDefault()
      const row = rows.get(active.k)
      if (row) onToggle(row.index)
    }
  }

  const headers = table.getHeaderGroups()[0]?.headers ?? []
  return (
    <div
      ref={scroller}
      className="grid-scroll"
      data-testid="review-grid"
      // As tall as its rows, up to 12 of them; then it scrolls.
      style={{ height: Math.min(13, indexes.length + 1) * ROW_HEIGHT + 20 }}
    >
      <table
        aria-label="Rows with issues"
        aria-rowcount={indexes.length + 1}
        aria-colcount={colCount + 1}
        onKeyDown={onKeyDown}
        className="review-table"
        style={
          {
            height: virtual.getTotalSize() + ROW_HEIGHT,
            '--cols': `2.2rem 4rem 24rem repeat(${header.length}, 11rem)`,
          } as CSSProperties
        }
      >
        <thead>
          <tr className="rg-head" aria-rowindex={1}>
            <th scope="col" className="sel">
              <span className="sr-only">Selected</span>
            </th>
            {headers.map((h) => (
              <th scope="col" key={h.id}>
                {flexRender(h.column.columnDef.header, h.getContext())}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.getRowModel().rows.map((r) => {
            const { k, start, row } = r.original
            return (
              <tr
                key={k}
                aria-rowindex={k + 2}
                className={`rg-row ${row?.invalid ? 'bad' : row && row.issues.length === 0 ? 'fixed' : ''}`}
                style={{ transform: `translateY(${start}px)`, height: ROW_HEIGHT }}
                data-testid="grid-row"
              >
                <td className="sel">
                  <input
                    type="checkbox"
                    aria-label={`Select row ${row?.row ?? ''}`}
                    tabIndex={-1}
                    checked={row ? selected.has(row.index) : false}
                    onChange={() => row && onToggle(row.index)}
                  />
                </td>
                {r.getVisibleCells().map((cell, c) => {
                  const isActive = active.k === k && active.c === c
                  const isEditing = editing && editing.k === k && editing.c === c
                  return (
                    // biome-ignore lint/a11y/useKeyWithClickEvents: the grid handles keys (arrows, Enter)
                    <td
                      key={cell.id}
                      data-cell={`${k}:${c}`}
                      tabIndex={isActive ? 0 : -1}
                      className={isActive ? 'active' : undefined}
                      onClick={() => setActive({ k, c })}
                      onDoubleClick={() => {
                        if (c >= 2 && row) setEditing({ k, c, value: row.cells[c - 2] ?? '' })
                      }}
                    >
                      {isEditing ? (
                        <input
                          // biome-ignore lint/a11y/noAutofocus: the user asked to edit this cell
                          autoFocus
                          aria-label={`Edit ${headers[c]?.column.columnDef.header as string} of row ${row?.row}`}
                          data-testid="cell-editor"
                          value={editing.value}
                          onChange={(e) => setEditing({ ...editing, value: e.target.value })}
                          onKeyDown={(e) => {
                            if (e.key === 'Enter') {
                              e.preventDefault()
                              void commit()
                            } else if (e.key === 'Escape') {
                              e.preventDefault()
                              setEditing(null)
                              scroller.current
                                ?.querySelector<HTMLElement>(`[data-cell="${k}:${c}"]`)
                                ?.focus()
                            }
                            e.stopPropagation()
                          }}
                          onBlur={() => void commit()}
                        />
                      ) : (
                        flexRender(cell.column.columnDef.cell, cell.getContext())
                      )}
                    </td>
                  )
                })}
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}

function Issues({ row }: { row: GridRow | undefined }) {
  if (!row) return null
  if (row.issues.length === 0) return <span className="ok">Fixed</span>
  return (
    <span className="issue-list">
      {row.issues.map((i) => (
        <span
          key={`${i.code}:${i.field}`}
          className={i.severity === 'error' ? 'chip error' : 'chip warning'}
          title={i.message}
        >
          {i.code}
        </span>
      ))}
      {row.inCampaign && (
        <span className="chip" data-testid="in-campaign-status">
          lead {row.inCampaign.lead_id}: {row.inCampaign.status}
        </span>
      )}
      <span className="issue-text">{row.issues[0]?.message}</span>
    </span>
  )
}
