/**
 * Optimal-string-alignment (restricted Damerau-Levenshtein) distance, giving up past `max`.
 * Returns `max + 1` when the distance is larger, so callers can compare cheaply.
 * @example editDistance('compnay', 'company', 2) // 1 (one transposition)
 */
export function editDistance(a: string, b: string, max: number): number {
  const n = a.length
  const m = b.length
  if (Math.abs(n - m) > max) return max + 1
  if (n === 0 || m === 0) return Math.max(n, m)
  // Three rolling rows: the one before the previous is needed for transpositions.
  let prev2 = new Array<number>(m + 1).fill(0)
  let prev = new Array<number>(m + 1)
  let cur = new Array<number>(m + 1)
  for (let j = 0; j <= m; j++) prev[j] = j
  for (let i = 1; i <= n; i++) {
    cur[0] = i
    let rowMin = i
    const ca = a.charCodeAt(i - 1)
    for (let j = 1; j <= m; j++) {
      const cb = b.charCodeAt(j - 1)
      const cost = ca === cb ? 0 : 1
      let v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost)
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) {
        v = Math.min(v, (prev2[j - 2] ?? 0) + 1)
      }
      cur[j] = v
      if (v < rowMin) rowMin = v
    }
    if (rowMin > max) return max + 1
    const t = prev2
    prev2 = prev
    prev = cur
    cur = t
  }
  return Math.min(prev[m] ?? max + 1, max + 1)
}

/**
 * How many edits a near-miss of this length may have: none under 6 characters (`stage` is not
 * `state`), one from 6, two from 10.
 */
export function allowedEdits(length: number): number {
  if (length >= 10) return 2
  if (length >= 6) return 1
  return 0
}

/**
 * Similarity in [0, 1] of two compact strings when they are a near-miss under
 * {@link allowedEdits}, else 0.
 * @example nearMiss('phonenumbr', 'phonenumber') // ≈ 0.91
 */
export function nearMiss(a: string, b: string): number {
  const len = Math.max(a.length, b.length)
  const max = allowedEdits(Math.min(a.length, b.length))
  if (max === 0) return a === b ? 1 : 0
  const d = editDistance(a, b, max)
  return d > max ? 0 : 1 - d / len
}
