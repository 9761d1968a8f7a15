import type { Field } from './fields.ts'
import { allowedEdits, editDistance, nearMiss } from './fuzzy.ts'
import { type HeaderKey, normalizeHeader, sortedKey } from './normalize.ts'
import { isNeverPhone, looksLikePhoneHeader, type PhoneRank, phoneRank } from './phone-columns.ts'

/** How a header matched a target. */
export type MatchKind = 'exact' | 'words' | 'fuzzy'

/** One candidate target for one column, scored in (0, 1]: exact > 0.9 > words, fuzzy ≥ 0.7. */
export interface HeaderMatch {
  /** Index into the targets; all phone targets share the first phone target's index. */
  target: number
  score: number
  kind: MatchKind
  /** For phone targets: how good a primary number this column would be. */
  phoneRank?: PhoneRank
}

/** Options of {@link matchHeader}. */
export interface MatchOptions {
  /** Allow near-miss spellings (`Phone Numbr`, `Compnay`). Default true. */
  fuzzy?: boolean
}

interface Entry {
  target: number
  pos: number
}
interface TargetIndex {
  full: Map<string, Entry[]>
  sorted: Map<string, Entry[]>
  byLength: Map<number, Array<{ key: string; entry: Entry }>>
  phone: number
  email: number
}

const WORDS_SCORE = 0.85
const FUZZY_WEIGHT = 0.88
const EMAIL_WORDS = new Set(['email', 'emails', 'mail', 'mails', 'eposta', 'epostasi'])
const EMAIL_QUALIFIERS = new Set([
  'address',
  'adres',
  'adresi',
  'addr',
  'primary',
  'main',
  'work',
  'business',
  'office',
  'corporate',
  'kurumsal',
  'personal',
  'private',
  'home',
  'is',
  'kisisel',
  'ozel',
  'secondary',
  'other',
  'diger',
  'ikinci',
  'alternate',
  'contact',
  'iletisim',
])

// Synonyms are normalised once per distinct string, across all target lists.
const synonymKeys = new Map<string, HeaderKey>()
function synonymKey(synonym: string): HeaderKey {
  let key = synonymKeys.get(synonym)
  if (!key) {
    key = normalizeHeader(synonym)
    synonymKeys.set(synonym, key)
  }
  return key
}

function push<K>(map: Map<K, Entry[]>, key: K, entry: Entry): void {
  const list = map.get(key)
  if (list) list.push(entry)
  else map.set(key, [entry])
}

const indexes = new WeakMap<readonly Field[], TargetIndex>()
function indexTargets(targets: readonly Field[]): TargetIndex {
  const cached = indexes.get(targets)
  if (cached) return cached
  const index: TargetIndex = {
    full: new Map(),
    sorted: new Map(),
    byLength: new Map(),
    phone: targets.findIndex((t) => t.type === 'phone'),
    email: targets.findIndex((t) => t.type === 'email'),
  }
  targets.forEach((field, target) => {
    // Phone targets share one synonym list: index it once, under the first phone target.
    if (field.type === 'phone' && target !== index.phone) return
    const seen = new Set<string>()
    field.synonyms.forEach((synonym, pos) => {
      const key = synonymKey(synonym)
      if (key.full === '' || seen.has(key.full)) return
      seen.add(key.full)
      const entry = { target, pos: Math.min(pos, 40) }
      push(index.full, key.full, entry)
      push(index.sorted, sortedKey(key.tokens), entry)
      const bucket = index.byLength.get(key.full.length)
      if (bucket) bucket.push({ key: key.full, entry })
      else index.byLength.set(key.full.length, [{ key: key.full, entry }])
    })
  })
  indexes.set(targets, index)
  return index
}

function looksLikeEmailHeader(key: HeaderKey): boolean {
  const isEmailWord = (t: string) =>
    EMAIL_WORDS.has(t) || (t.length >= 5 && editDistance(t, 'email', 1) <= 1)
  return (
    key.core.some(isEmailWord) && key.core.every((t) => isEmailWord(t) || EMAIL_QUALIFIERS.has(t))
  )
}

/**
 * Scores one header against every target: exact synonym (after normalisation, also with owner
 * words and position numbers dropped, or words reordered), then header words (any phone or
 * email header with only known qualifiers), then near-miss spelling. At most one match per
 * target, best first. Fax/pager/label/type headers never match a phone target.
 * @example matchHeader('Cep Telefonu', buildTargets([]))[0] // { target: 0, kind: 'exact', ... }
 */
export function matchHeader(
  header: string,
  targets: readonly Field[],
  options: MatchOptions = {},
): HeaderMatch[] {
  const index = indexTargets(targets)
  const key = normalizeHeader(header)
  if (key.full === '') return []
  const best = new Map<number, HeaderMatch>()
  const offer = (target: number, score: number, kind: MatchKind) => {
    if (target < 0) return
    if (target === index.phone && isNeverPhone(key)) return
    const prev = best.get(target)
    if (!prev || prev.score < score) best.set(target, { target, score, kind })
  }
  // Synonym order dominates; dropping owner words or numbers, or reordering, costs a hair.
  const exact = (map: Map<string, Entry[]>, k: string, base: number) => {
    for (const e of map.get(k) ?? []) offer(e.target, base - e.pos * 0.002, 'exact')
  }
  exact(index.full, key.full, 1)
  exact(index.full, key.compact, 0.999)
  exact(index.sorted, sortedKey(key.core), 0.998)
  if (looksLikePhoneHeader(key)) offer(index.phone, WORDS_SCORE, 'words')
  if (looksLikeEmailHeader(key)) offer(index.email, WORDS_SCORE, 'words')
  if (options.fuzzy !== false && allowedEdits(key.compact.length) > 0) {
    const len = key.compact.length
    for (let l = len - 2; l <= len + 2; l++) {
      for (const { key: syn, entry } of index.byLength.get(l) ?? []) {
        if (best.get(entry.target)?.kind === 'exact') continue
        const sim = nearMiss(key.compact, syn)
        if (sim > 0) offer(entry.target, FUZZY_WEIGHT * sim - entry.pos * 0.002, 'fuzzy')
      }
    }
  }
  const matches = [...best.values()].sort((a, b) => b.score - a.score)
  for (const m of matches) if (m.target === index.phone) m.phoneRank = phoneRank(key, header)
  return matches
}

/** The target index all phone targets share in {@link HeaderMatch.target} (-1 if none). */
export function phoneTargetIndex(targets: readonly Field[]): number {
  return indexTargets(targets).phone
}
