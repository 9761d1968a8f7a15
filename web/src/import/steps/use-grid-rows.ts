import { useCallback, useRef, useState } from 'react'
import { parseBridge } from '../parse-bridge.ts'
import type { GridRow } from '../worker/types.ts'

/** Rows fetched from the worker per request. */
const PAGE = 100

/**
 * The grid's rows, fetched from the worker a page at a time as they scroll into view. A new
 * `version` (rows edited) refetches while still showing the old rows; new `indexes` start over.
 * @example const rows = useGridRows(indexes, version); rows.ensure(0, 40); rows.get(3)
 */
export function useGridRows(indexes: Int32Array, version: number) {
  const state = useRef({
    indexes,
    version,
    pages: new Map<number, GridRow[]>(),
    stale: new Map<number, GridRow[]>(),
    pending: new Set<number>(),
  })
  const [, setTick] = useState(0)
  const s = state.current
  if (s.indexes !== indexes) {
    state.current = { indexes, version, pages: new Map(), stale: new Map(), pending: new Set() }
  } else if (s.version !== version) {
    state.current = { indexes, version, pages: new Map(), stale: s.pages, pending: new Set() }
  }

  const get = useCallback((k: number): GridRow | undefined => {
    const p = Math.floor(k / PAGE)
    const cur = state.current
    return (cur.pages.get(p) ?? cur.stale.get(p))?.[k % PAGE]
  }, [])

  const ensure = useCallback((from: number, to: number) => {
    const cur = state.current
    for (let p = Math.floor(from / PAGE); p <= Math.floor(to / PAGE); p++) {
      if (p * PAGE >= cur.indexes.length || cur.pages.has(p) || cur.pending.has(p)) continue
      cur.pending.add(p)
      const ids = Array.from(cur.indexes.subarray(p * PAGE, (p + 1) * PAGE))
      void parseBridge.api.rows(ids).then((rows) => {
        if (state.current !== cur) return
        cur.pages.set(p, rows)
        cur.pending.delete(p)
        setTick((t) => t + 1)
      })
    }
  }, [])

  /** Shows a row the worker just re-validated, without waiting for a refetch. */
  const put = useCallback((k: number, row: GridRow) => {
    const cur = state.current
    const page = cur.pages.get(Math.floor(k / PAGE)) ?? cur.stale.get(Math.floor(k / PAGE))
    if (page) page[k % PAGE] = row
    setTick((t) => t + 1)
  }, [])

  return { get, ensure, put }
}
