import type { Cell } from '../read/types.ts'
import { isEmailLike, isPhoneLike } from './cell-kind.ts'
import type { Field } from './fields.ts'
import { matchHeader } from './match-headers.ts'
import { cellText } from './normalize.ts'

/** Where the header row is (0-based) and how sure we are, in [0, 1]. */
export interface HeaderRowGuess {
  index: number
  confidence: number
}

/** A merged range as SheetJS gives it in `!merges` (0-based, inclusive). */
export interface MergeRange {
  s: { r: number; c: number }
  e: { r: number; c: number }
}

/** Rows scanned for a header. */
export const HEADER_SCAN_ROWS = 20
// Header cells are short labels; wide sheets are sampled on their first columns only.
const SCAN_COLUMNS = 256
const MAX_LABEL_LENGTH = 60
const MIN_SCORE = 0.3

interface RowStats {
  filled: number
  labels: number
  hits: number
  data: boolean
}

function rowStats(row: readonly Cell[] | undefined, targets: readonly Field[]): RowStats {
  const stats: RowStats = { filled: 0, labels: 0, hits: 0, data: false }
  if (!row) return stats
  const n = Math.min(row.length, SCAN_COLUMNS)
  for (let c = 0; c < n; c++) {
    const cell = row[c]
    const text = cellText(cell)
    if (text === '') continue
    stats.filled++
    if (isPhoneLike(cell) || isEmailLike(cell)) {
      stats.data = true
      continue
    }
    if (typeof cell !== 'string' || text.length > MAX_LABEL_LENGTH || /^[\d\s.,:/-]+$/.test(text)) {
      continue
    }
    stats.labels++
    if (matchHeader(text, targets).some((m) => m.score >= 0.8)) stats.hits++
  }
  return stats
}

/**
 * Finds the header row among the first 20 rows: title rows ("Lead list Q3"), blank rows and
 * export preambles (LinkedIn's `Notes:` lines) above it are common. Each row scores by its share
 * of short text cells (against the widest row), how many cells match known headers, and whether
 * the next rows hold phone or email values; a row that itself holds phones or emails is data.
 * Falls back to row 0 when nothing scores well; `confidence` is the winning score.
 * @example detectHeaderRow([['Lead list Q3'], [], ['Name', 'Phone'], ['Ali', '+905321234567']], targets)
 * // { index: 2, confidence: 0.9... }
 */
export function detectHeaderRow(
  rows: readonly (readonly Cell[])[],
  targets: readonly Field[],
): HeaderRowGuess {
  const scan = Math.min(rows.length, HEADER_SCAN_ROWS)
  const stats: RowStats[] = []
  for (let r = 0; r < scan + 3 && r < rows.length; r++) stats.push(rowStats(rows[r], targets))
  const width = Math.max(1, ...stats.map((s) => s.filled))
  let best = { index: 0, confidence: 0 }
  for (let r = 0; r < scan; r++) {
    const s = stats[r]
    if (!s || s.filled === 0) continue
    let below = 0
    let seen = 0
    for (let k = r + 1; k < stats.length && seen < 3; k++) {
      const next = stats[k]
      if (!next || next.filled === 0) continue
      seen++
      if (next.data) below++
    }
    const score =
      0.3 * (s.labels / width) +
      0.5 * Math.min(1, s.hits / 2) +
      0.2 * (seen > 0 ? below / seen : 0) -
      (s.data ? 0.5 : 0)
    if (score > best.confidence + 1e-9) best = { index: r, confidence: score }
  }
  if (best.confidence < MIN_SCORE) return { index: 0, confidence: Math.max(0, best.confidence) }
  return { index: best.index, confidence: Math.min(1, Math.round(best.confidence * 100) / 100) }
}

/**
 * Copies a merged header label across its span, so each column under a merged cell is
 * mappable by that label. Only blank cells are filled; merges not covering `row` are ignored;
 * spans are clipped to the header's length. Returns a new array.
 * @example fillMergedHeader(['Phone', null, 'Name'], [{ s: { r: 0, c: 0 }, e: { r: 0, c: 1 } }])
 * // ['Phone', 'Phone', 'Name']
 */
export function fillMergedHeader(
  headerCells: readonly Cell[],
  merges: readonly MergeRange[],
  row = 0,
): Cell[] {
  const out = [...headerCells]
  for (const m of merges) {
    if (row < m.s.r || row > m.e.r) continue
    const from = Math.max(0, m.s.c)
    const to = Math.min(out.length - 1, m.e.c)
    let label: Cell = null
    for (let c = from; c <= to && label === null; c++) {
      if (cellText(out[c]) !== '') label = out[c] ?? null
    }
    if (label === null) continue
    for (let c = from; c <= to; c++) if (cellText(out[c]) === '') out[c] = label
  }
  return out
}
