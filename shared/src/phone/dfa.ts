// The metadata's national and type patterns use only digits, `\d`, `[0-9]` classes, `(?:…)`, `|`,
// `?`, `{n}` and `{n,m}`: regular languages over ten symbols. Tested on strings of ASCII digits,
// a lazily built DFA answers `^(?:pattern)$` with one table lookup per digit, where a RegExp call
// costs more in call overhead than in matching. Anything else in a pattern: no DFA (null).

type Node =
  | { k: 0; mask: number }
  | { k: 1; items: Node[] }
  | { k: 2; items: Node[] }
  | { k: 3; item: Node; min: number; max: number }

interface Cursor {
  s: string
  i: number
}

const ALL_DIGITS = 0x3ff
/** Most DFA states one pattern may build; past that, matching falls back to the RegExp. */
const MAX_STATES = 20_000
/** Largest expanded NFA accepted (a `{n,m}` copies its operand). */
const MAX_NFA = 200_000

function parseAlt(c: Cursor): Node | null {
  const items: Node[] = []
  for (;;) {
    const seq = parseSeq(c)
    if (seq === null) return null
    items.push(seq)
    if (c.s[c.i] !== '|') break
    c.i++
  }
  return items.length === 1 ? (items[0] as Node) : { k: 2, items }
}

function parseSeq(c: Cursor): Node | null {
  const items: Node[] = []
  while (c.i < c.s.length && c.s[c.i] !== '|' && c.s[c.i] !== ')') {
    let atom = parseAtom(c)
    if (atom === null) return null
    const q = c.s[c.i]
    if (q === '?') {
      c.i++
      atom = { k: 3, item: atom, min: 0, max: 1 }
    } else if (q === '{') {
      c.i++
      const min = parseCount(c)
      let max = min
      if (c.s[c.i] === ',') {
        c.i++
        max = parseCount(c)
      }
      if (c.s[c.i] !== '}' || min < 0 || max < min) return null
      c.i++
      atom = { k: 3, item: atom, min, max }
    }
    items.push(atom)
  }
  return { k: 1, items }
}

// A decimal count at the cursor, or -1.
function parseCount(c: Cursor): number {
  const from = c.i
  let n = 0
  for (let d = c.s.charCodeAt(c.i) - 48; d >= 0 && d <= 9; d = c.s.charCodeAt(c.i) - 48) {
    n = n * 10 + d
    c.i++
  }
  return c.i > from ? n : -1
}

function parseAtom(c: Cursor): Node | null {
  const ch = c.s[c.i] as string
  if (ch >= '0' && ch <= '9') {
    c.i++
    return { k: 0, mask: 1 << (ch.charCodeAt(0) - 48) }
  }
  if (ch === '\\' && c.s[c.i + 1] === 'd') {
    c.i += 2
    return { k: 0, mask: ALL_DIGITS }
  }
  if (ch === '[') {
    const close = c.s.indexOf(']', c.i)
    if (close < 0) return null
    let mask = 0
    for (let k = c.i + 1; k < close; k++) {
      const from = c.s.charCodeAt(k) - 48
      let to = from
      if (c.s[k + 1] === '-' && k + 2 < close) {
        to = c.s.charCodeAt(k + 2) - 48
        k += 2
      }
      if (from < 0 || from > 9 || to < from || to > 9) return null
      for (let d = from; d <= to; d++) mask |= 1 << d
    }
    c.i = close + 1
    return mask === 0 ? null : { k: 0, mask }
  }
  if (ch === '(' && c.s.startsWith('(?:', c.i)) {
    c.i += 3
    const inner = parseAlt(c)
    if (inner === null || c.s[c.i] !== ')') return null
    c.i++
    return inner
  }
  return null
}

/** A lazily determinised automaton for `^(?=(?:p1)$)(?=(?:p2)$)…` over ASCII digit strings. */
export class Dfa {
  // NFA: a state reads a digit in `mask` and goes to `out`, or (mask 0) moves freely to `eps`.
  // Each pattern is its own NFA (`part`), ending in its own accepting state.
  private readonly mask: number[] = []
  private readonly out: number[] = []
  private readonly eps: (number[] | null)[] = []
  private readonly part: number[] = []
  private readonly accepting: number[] = []
  // Parsed and built on the first match (most plans and lengths are never asked about).
  private patterns: readonly string[] | null
  private start = -1
  // DFA states are offsets (id * 10) into `trans`, where `trans[state + digit]` is the next state
  // (-1 until computed); state 0 is dead. No multiply on the hot path.
  private trans = new Int32Array(640).fill(-1)
  private accept = new Uint8Array(640)
  private readonly sets: number[][] = [[]]
  private readonly ids = new Map<string, number>()
  private full = false

  private constructor(patterns: readonly string[]) {
    this.patterns = patterns
    this.trans.fill(0, 0, 10)
  }

  /** The DFA of a full match of every one of `patterns` (built lazily). */
  static of(...patterns: string[]): Dfa {
    return new Dfa(patterns)
  }

  /** Whether the DFA can answer: the patterns use only the metadata's syntax (builds it). */
  usable(): boolean {
    return this.start >= 0 || this.init() >= 0
  }

  // Builds the NFA and the start state; -1 when a pattern has other syntax or is too large.
  private init(): number {
    const patterns = this.patterns
    if (patterns === null) return -1
    this.patterns = null
    const nodes: Node[] = []
    for (const pattern of patterns) {
      const c = { s: pattern, i: 0 }
      const node = parseAlt(c)
      if (node === null || c.i !== pattern.length) {
        this.full = true
        return -1
      }
      nodes.push(node)
    }
    const entries: number[] = []
    try {
      for (let p = 0; p < nodes.length; p++) {
        const accepting = this.add(p, 0, -1, null)
        this.accepting.push(accepting)
        entries.push(this.compile(p, nodes[p] as Node, accepting))
      }
    } catch {
      this.full = true
      return -1
    }
    this.start = this.state(entries)
    return this.start
  }

  /** Whether all of `digits` is in the language; undefined when the DFA cannot tell. */
  matches(digits: string): boolean | undefined {
    let s = this.start
    if (s < 0) {
      s = this.init()
      if (s < 0) return undefined
    }
    let trans = this.trans
    for (let i = 0; i < digits.length; i++) {
      const d = digits.charCodeAt(i) - 48
      if (d < 0 || d > 9) return undefined
      let next = trans[s + d] as number
      if (next <= 0) {
        if (next === 0) return false
        if (this.full) return undefined
        next = this.build(s, d)
        if (next < 0) return undefined
        if (next === 0) return false
        trans = this.trans
      }
      s = next
    }
    return this.accept[s] === 1
  }

  private add(part: number, mask: number, out: number, eps: number[] | null): number {
    if (this.mask.length >= MAX_NFA) throw new Error('pattern too large')
    this.mask.push(mask)
    this.out.push(out)
    this.eps.push(eps)
    this.part.push(part)
    return this.mask.length - 1
  }

  // Builds the NFA of `node` followed by state `next`; returns its entry state.
  private compile(part: number, node: Node, next: number): number {
    switch (node.k) {
      case 0:
        return this.add(part, node.mask, next, null)
      case 1: {
        let s = next
        for (let i = node.items.length - 1; i >= 0; i--) {
          s = this.compile(part, node.items[i] as Node, s)
        }
        return s
      }
      case 2: {
        const alts = node.items.map((n) => this.compile(part, n, next))
        return this.add(part, 0, -1, alts)
      }
      default: {
        let s = next
        for (let i = node.min; i < node.max; i++) {
          s = this.add(part, 0, -1, [this.compile(part, node.item, s), s])
        }
        for (let i = 0; i < node.min; i++) s = this.compile(part, node.item, s)
        return s
      }
    }
  }

  // The DFA state of the NFA states reachable from `seeds` without reading a digit: dead (0)
  // when some pattern has no live state left; accepting when every pattern accepts.
  private state(seeds: number[]): number {
    const seen = new Set<number>()
    const reading: number[] = []
    const live = new Uint8Array(this.accepting.length)
    let accepts = 0
    const stack = seeds.slice()
    while (stack.length > 0) {
      const s = stack.pop() as number
      if (seen.has(s)) continue
      seen.add(s)
      const part = this.part[s] as number
      if (s === this.accepting[part]) {
        accepts++
        live[part] = 1
      }
      const eps = this.eps[s]
      if (eps) for (const e of eps) stack.push(e)
      else if ((this.mask[s] as number) !== 0) {
        reading.push(s)
        live[part] = 1
      }
    }
    if (live.indexOf(0) >= 0) return 0
    const accept = accepts === this.accepting.length
    reading.sort((a, b) => a - b)
    const key = `${accept ? 1 : 0}:${reading.join(',')}`
    const known = this.ids.get(key)
    if (known !== undefined) return known
    const id = this.sets.length
    if (id >= MAX_STATES) {
      this.full = true
      return -1
    }
    this.sets.push(reading)
    if ((id + 1) * 10 > this.trans.length) {
      const trans = new Int32Array(this.trans.length * 2).fill(-1)
      trans.set(this.trans)
      this.trans = trans
      const acc = new Uint8Array(this.accept.length * 2)
      acc.set(this.accept)
      this.accept = acc
    }
    this.accept[id * 10] = accept ? 1 : 0
    this.ids.set(key, id * 10)
    return id * 10
  }

  private build(from: number, digit: number): number {
    const bit = 1 << digit
    const seeds: number[] = []
    for (const s of this.sets[from / 10] as number[]) {
      if (((this.mask[s] as number) & bit) !== 0) seeds.push(this.out[s] as number)
    }
    const next = seeds.length === 0 ? 0 : this.state(seeds)
    if (next >= 0) this.trans[from + digit] = next
    return next
  }
}
