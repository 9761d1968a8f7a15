import type { Cell } from '../read/types.ts'
import { isPhoneLike } from './cell-kind.ts'
import { type Field, MAX_SECONDARY_PHONES } from './fields.ts'
import { type HeaderMatch, type MatchOptions, matchHeader } from './match-headers.ts'
import { cellText } from './normalize.ts'
import { PHONE_RANKS } from './phone-columns.ts'

/**
 * Which column (0-based index) feeds each target. Plain data: safe to store as JSON and to
 * send to a worker. `variables` has a null prototype and one key per variable target.
 */
export interface Mapping {
  phone_number: number | null
  email: number | null
  secondary_phones: number[]
  variables: Record<string, number | null>
}

/** Options of {@link autoMap}. */
export interface AutoMapOptions extends MatchOptions {
  /**
   * A few data rows (after the header). When given, a phone column with no phone-like value in
   * them is not chosen as the primary number while another phone column has some.
   */
  sampleRows?: readonly (readonly Cell[])[]
  /** Cap on secondary phone columns. Default {@link MAX_SECONDARY_PHONES}. */
  maxSecondaryPhones?: number
}

/** A mapping with no columns for the given targets. */
export function emptyMapping(targets: readonly Field[]): Mapping {
  const variables: Record<string, number | null> = Object.create(null)
  for (const t of targets) if (t.role === 'variable') variables[t.key] = null
  return { phone_number: null, email: null, secondary_phones: [], variables }
}

interface Candidate {
  col: number
  target: number
  score: number
  rank: number
}

function phoneFill(rows: readonly (readonly Cell[])[] | undefined, col: number): number {
  if (!rows) return 0
  let n = 0
  for (const row of rows) if (isPhoneLike(row[col])) n++
  return n
}

/**
 * Proposes a mapping from header names. Each column goes to at most one target and each
 * single-valued target gets at most one column: the best-scoring pairs are taken first
 * (exact synonym > header words > near-miss; earlier synonyms beat later ones; leftmost column
 * on ties; a phone target beats a variable on a tie). All phone columns are then ordered by
 * rank (`PHONE_RANKS`: primary, mobile, direct, generic, work, home, other), then left to
 * right: the first is the primary number, the rest are secondary phones in that order.
 * @example autoMap(['Ad Soyad', 'GSM', 'Tel'], buildTargets([{ key: 'customer_name', label: 'Name', required: true }]))
 * // { phone_number: 1, email: null, secondary_phones: [2], variables: { customer_name: 0 } }
 */
export function autoMap(
  headers: readonly Cell[],
  targets: readonly Field[],
  options: AutoMapOptions = {},
): Mapping {
  const mapping = emptyMapping(targets)
  const candidates: Candidate[] = []
  // Wide exports repeat headers (`Phone 1 - Label` … `Phone N - Label`): match each text once.
  const memo = new Map<string, HeaderMatch[]>()
  for (let col = 0; col < headers.length; col++) {
    const text = cellText(headers[col])
    if (text === '') continue
    let matches = memo.get(text)
    if (!matches) {
      matches = matchHeader(text, targets, options)
      memo.set(text, matches)
    }
    for (const m of matches) {
      const rank = m.phoneRank === undefined ? -1 : PHONE_RANKS.indexOf(m.phoneRank)
      candidates.push({ col, target: m.target, score: m.score, rank })
    }
  }
  candidates.sort(
    (a, b) => b.score - a.score || Number(b.rank >= 0) - Number(a.rank >= 0) || a.col - b.col,
  )
  const usedCols = new Set<number>()
  const usedTargets = new Set<number>()
  const phones: Candidate[] = []
  for (const c of candidates) {
    if (usedCols.has(c.col)) continue
    if (c.rank >= 0) {
      phones.push(c)
      usedCols.add(c.col)
      continue
    }
    if (usedTargets.has(c.target)) continue
    usedCols.add(c.col)
    usedTargets.add(c.target)
    const field = targets[c.target]
    if (field?.role === 'email') mapping.email = c.col
    else if (field?.role === 'variable') mapping.variables[field.key] = c.col
  }
  const filled = new Map(phones.map((p) => [p.col, phoneFill(options.sampleRows, p.col) > 0]))
  const anyFilled = [...filled.values()].some(Boolean)
  phones.sort(
    (a, b) =>
      (anyFilled ? Number(filled.get(b.col)) - Number(filled.get(a.col)) : 0) ||
      a.rank - b.rank ||
      a.col - b.col,
  )
  const hasPrimary = targets.some((t) => t.role === 'phone_number')
  const hasSecondary = targets.some((t) => t.role === 'secondary_phones')
  const maxSecondary = options.maxSecondaryPhones ?? MAX_SECONDARY_PHONES
  const rest = hasPrimary ? phones.slice(1) : phones
  if (hasPrimary) mapping.phone_number = phones[0]?.col ?? null
  if (hasSecondary) {
    // An empty column in the sample only demoted the primary choice; secondaries keep rank order.
    rest.sort((a, b) => a.rank - b.rank || a.col - b.col)
    mapping.secondary_phones = rest.slice(0, maxSecondary).map((p) => p.col)
  }
  return mapping
}
