// Many metadata prefixes are small finite languages: `268`, `0|180020`, `8001|8[024]9`,
// `74576|(?:16|7[56])24`. Expanded to their strings, they are tested with `startsWith`, which is
// several times cheaper than a RegExp call on the hot path.

const MAX_LITERALS = 64

/**
 * The strings a quantifier-free pattern of digits, `[...]` classes, `|` and `(?:...)` matches, in
 * the order a backtracking RegExp tries them; null for anything else or more than 64 strings.
 */
export function expandLiterals(pattern: string): string[] | null {
  const state = { s: pattern, i: 0 }
  const out = alternation(state)
  return out !== null && state.i === pattern.length ? out : null
}

interface State {
  s: string
  i: number
}

function alternation(st: State): string[] | null {
  const out: string[] = []
  for (;;) {
    const seq = sequence(st)
    if (seq === null) return null
    out.push(...seq)
    if (out.length > MAX_LITERALS) return null
    if (st.s[st.i] !== '|') return out
    st.i++
  }
}

function sequence(st: State): string[] | null {
  let acc = ['']
  while (st.i < st.s.length && st.s[st.i] !== '|' && st.s[st.i] !== ')') {
    const atom = item(st)
    if (atom === null) return null
    const next: string[] = []
    for (const a of acc) for (const b of atom) next.push(a + b)
    if (next.length > MAX_LITERALS) return null
    acc = next
  }
  return acc
}

function item(st: State): string[] | null {
  const ch = st.s[st.i] as string
  if (ch >= '0' && ch <= '9') {
    st.i++
    return [ch]
  }
  if (ch === '[') return charClass(st)
  if (ch === '(' && st.s.startsWith('(?:', st.i)) {
    st.i += 3
    const inner = alternation(st)
    if (inner === null || st.s[st.i] !== ')') return null
    st.i++
    return inner
  }
  return null
}

function charClass(st: State): string[] | null {
  const close = st.s.indexOf(']', st.i)
  if (close < 0) return null
  const body = st.s.slice(st.i + 1, close)
  const out: string[] = []
  for (let k = 0; k < body.length; k++) {
    const from = body[k] as string
    if (from < '0' || from > '9') return null
    let to = from
    if (body[k + 1] === '-') {
      to = body[k + 2] ?? ''
      if (to < from || to > '9') return null
      k += 2
    }
    for (let d = from.charCodeAt(0); d <= to.charCodeAt(0); d++) out.push(String.fromCharCode(d))
  }
  st.i = close + 1
  return out.length > 0 ? out : null
}

/** Length of the first literal that starts `text`, or -1 (a RegExp's first match at 0). */
export function matchLiteralPrefix(text: string, literals: readonly string[]): number {
  for (let i = 0; i < literals.length; i++) {
    const lit = literals[i] as string
    if (text.startsWith(lit)) return lit.length
  }
  return -1
}
