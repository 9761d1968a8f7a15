import { createHash } from 'node:crypto'
import {
  buildTargets,
  type ChunkRow,
  type CountryCode,
  createRowValidator,
  type ErrorCode,
  MAX_CHUNK_ROWS,
  MAX_COLUMNS,
  putChunkBody,
  type RowValidator,
} from '@leadport/shared'
import type { ImportErrorRow } from '../db/import-errors.ts'
import type { ImportOptions } from '../db/imports.ts'
import { canonicalRows } from './canonical-body.ts'

/*
 * Everything a chunk needs before it touches the database, as one pure step that runs in a
 * worker thread (validate-worker.ts) or inline: decode and parse the body, check its shape, hash
 * it, re-validate every row with the shared core and lay the valid rows out column by column,
 * sorted by number. Sorted rows make the unique index's inserts walk its pages in order, which
 * is most of the ingest speed (server/bench/INGEST-NOTES.md); columns of strings cross
 * `postMessage` far cheaper than one object per row.
 */

/** The valid rows of a chunk, one array per column, sorted by `phone` (ties keep file order). */
export interface LeadColumns {
  row: number[]
  phone: string[]
  ext: (string | null)[]
  /** JSON array text. */
  secondary: string[]
  /** JSON object text. */
  variables: string[]
  warned: boolean[]
  /** Where each lead's row is in the chunk's rows (for its raw cells, see {@link leadCells}). */
  at: number[]
}

/**
 * Where a chunk's raw rows can be read again: the body as received (handed back by the worker,
 * transferred, not copied) or the rows themselves (background file imports). Only the few rows
 * the database refuses as duplicates need their raw cells, so they are parsed again only then.
 */
export type ChunkSource = { body: Uint8Array } | { rows: readonly ChunkRow[] }

/** A chunk ready to write. */
export interface PreparedChunk {
  ok: true
  /** SHA-256 of the validated rows re-serialised: whitespace and key order do not matter. */
  hash: string
  rowCount: number
  firstRow: number
  lastRow: number
  /** Why the chunk does not fit the import's plan (wrong number, size or order), or `null`. */
  placeError: string | null
  leads: LeadColumns
  /** Rows skipped before the database: invalid, or a number an earlier row of the chunk has. */
  invalid: ImportErrorRow[]
  duplicates: ImportErrorRow[]
  source: ChunkSource
}

/** A body that is not a chunk at all: nothing is stored, the client gets this error. */
export interface RefusedChunk {
  ok: false
  code: ErrorCode
  message: string
}

/** What {@link prepareChunk} needs: the import's frozen options and plan, and the raw body. */
export interface PrepareInput {
  /** Identifies the import across id reuse: `${id}@${created_at}`. */
  key: string
  options: ImportOptions
  expectedRows: number
  chunkSize: number
  n: number
  body: Uint8Array
}

// A validator costs ~1.5 MB of typed arrays to build: keep the latest few and reset() them per
// chunk. Preparation is synchronous, so two chunks never share one at once.
const CACHE_SIZE = 8

/** Row validators per import, most recent last. */
export class ValidatorCache {
  private readonly byKey = new Map<string, RowValidator>()

  /** The import's validator, reset for a new chunk. */
  get(key: string, o: ImportOptions): RowValidator {
    let v = this.byKey.get(key)
    if (v) {
      this.byKey.delete(key)
      v.reset()
    } else {
      v = createRowValidator({
        mapping: o.mapping,
        targets: buildTargets(o.variables),
        format:
          o.format.kind === 'national'
            ? { kind: 'national', country: o.format.country as CountryCode }
            : { kind: 'international' },
        headerLength: o.header.length,
      })
    }
    this.byKey.set(key, v)
    if (this.byKey.size > CACHE_SIZE) this.byKey.delete(this.byKey.keys().next().value as string)
    return v
  }
}

const decoder = new TextDecoder()
const strictDecoder = new TextDecoder('utf-8', { fatal: true })

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/**
 * A chunk's identity in the ledger: the SHA-256 of its rows as `JSON.stringify` writes them
 * (after the schema, so whitespace and key order in the request do not matter).
 */
export function hashRows(rows: readonly ChunkRow[]): string {
  return createHash('sha256').update(JSON.stringify(rows)).digest('hex')
}

/** Parses and checks a chunk body; a refusal says what is wrong and what to do. */
export function parseChunkBody(
  body: Uint8Array,
): { rows: ChunkRow[]; hash: string } | RefusedChunk {
  let raw: unknown
  // Strict UTF-8 first: only then can the bytes stand for the text (canonical-body.ts).
  let strict = true
  let text: string
  try {
    text = strictDecoder.decode(body)
  } catch {
    strict = false
    text = decoder.decode(body)
  }
  try {
    raw = JSON.parse(text)
  } catch {
    return { ok: false, code: 'BAD_REQUEST', message: 'The chunk is not valid JSON.' }
  }
  const rows = (raw as { rows?: unknown } | null)?.rows
  if (Array.isArray(rows) && rows.length > MAX_CHUNK_ROWS) {
    return {
      ok: false,
      code: 'PAYLOAD_TOO_LARGE',
      message: `A chunk may hold at most ${MAX_CHUNK_ROWS.toLocaleString('en-US')} rows; this one has ${rows.length.toLocaleString('en-US')}.`,
    }
  }
  if (isCanonicalChunk(raw)) {
    // The bytes as sent are hashed when they are what JSON.stringify would write.
    const bytes = strict ? canonicalRows(body, keyCount(raw.rows)) : null
    return { rows: raw.rows, hash: bytes ? sha256(bytes) : hashRows(raw.rows) }
  }
  const parsed = putChunkBody.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue && issue.path.length > 0 ? ` (at ${issue.path.join('.')})` : ''
    return {
      ok: false,
      code: 'BAD_REQUEST',
      message: `${issue?.message ?? 'Invalid chunk'}${where}`,
    }
  }
  return { rows: parsed.data.rows, hash: hashRows(parsed.data.rows) }
}

/**
 * The fast path of {@link parseChunkBody}: whether `raw` is a valid chunk body (the same rules as
 * `putChunkBody`) whose rows already have the keys in the schema's order — what every client that
 * serialises with `JSON.stringify` sends. Such a body is exactly what the schema would output, so
 * it skips the schema's copy (a third of the preparation time) and hashes the same.
 * Anything else (other key order, an error to explain) goes through the schema.
 */
function isCanonicalChunk(raw: unknown): raw is { rows: ChunkRow[] } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return false
  let keys = 0
  for (const k in raw) if (k !== 'rows' || ++keys > 1) return false
  const rows = (raw as { rows?: unknown }).rows
  if (!Array.isArray(rows) || rows.length < 1 || rows.length > MAX_CHUNK_ROWS) return false
  for (const r of rows) {
    if (typeof r !== 'object' || r === null || Array.isArray(r)) return false
    let i = 0
    for (const k in r) {
      if (k !== ROW_KEYS[i++]) return false
    }
    if (i < 2) return false
    const row = (r as { row: unknown }).row
    if (typeof row !== 'number' || !Number.isInteger(row) || row < 1 || row > MAX_ROW) return false
    const cells = (r as { cells: unknown }).cells
    if (!Array.isArray(cells) || cells.length > MAX_COLUMNS) return false
    for (const c of cells) {
      const t = typeof c
      if (c !== null && t !== 'string' && t !== 'boolean' && t !== 'number') return false
    }
    if (i === 3 && typeof (r as { hidden: unknown }).hidden !== 'boolean') return false
  }
  return true
}

const ROW_KEYS = ['row', 'cells', 'hidden']

/** Object keys in a canonical body: `rows`, and each row's two or three. */
function keyCount(rows: readonly ChunkRow[]): number {
  let keys = 1
  for (const r of rows) keys += 'hidden' in r ? 3 : 2
  return keys
}
const MAX_ROW = 2 ** 31 - 1

/** Why chunk `n` of `rows` does not fit the import's plan, or `null` when it does. */
export function placeError(
  plan: { expectedRows: number; chunkSize: number },
  n: number,
  rows: readonly ChunkRow[],
): string | null {
  const total = Math.ceil(plan.expectedRows / plan.chunkSize)
  if (n >= total)
    return `This import has ${total} chunks (0 to ${total - 1}); there is no chunk ${n}.`
  const want = n < total - 1 ? plan.chunkSize : plan.expectedRows - n * plan.chunkSize
  if (rows.length !== want) {
    return `Chunk ${n} must hold ${want} rows (chunk size ${plan.chunkSize}, ${plan.expectedRows} rows in all); it has ${rows.length}.`
  }
  for (let i = 1; i < rows.length; i++) {
    if ((rows[i] as ChunkRow).row <= (rows[i - 1] as ChunkRow).row) {
      return 'Rows in a chunk must be in file order (row ascending).'
    }
  }
  return null
}

const EMPTY_SECONDARY = '[]'

/**
 * Re-validates rows with the import's validator (the server trusts nothing the browser
 * computed) and lays out the valid ones by column, sorted by number.
 * @example checkRows(cache.get(key, options), rows).leads.phone // ['+90532…', …]
 */
export function checkRows(
  validator: RowValidator,
  rows: readonly ChunkRow[],
): Pick<PreparedChunk, 'leads' | 'invalid' | 'duplicates'> {
  const valid: {
    at: number
    phone: string
    ext: string | null
    secondary: string
    variables: string
    warned: boolean
  }[] = []
  const invalid: ImportErrorRow[] = []
  const duplicates: ImportErrorRow[] = []
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] as ChunkRow
    const v = validator.validate(r.cells, r.row, r.hidden === true)
    if (!v.invalid) {
      const values = v.email === null ? v.values : { ...v.values, email: v.email }
      valid.push({
        at: i,
        phone: v.phone_e164 as string,
        ext: v.phone_ext,
        secondary:
          v.secondary_phones_e164.length === 0
            ? EMPTY_SECONDARY
            : JSON.stringify(v.secondary_phones_e164),
        variables: JSON.stringify(values),
        warned: v.issues.length > 0,
      })
      continue
    }
    const error: ImportErrorRow = {
      row_number: r.row,
      cells: r.cells,
      codes: v.issues.map((x) => x.code),
      messages: v.issues.map((x) => x.message),
    }
    let onlyDuplicate = true
    for (const x of v.issues) {
      if (x.severity === 'error' && x.code !== 'DUPLICATE_IN_FILE') onlyDuplicate = false
    }
    if (onlyDuplicate) duplicates.push(error)
    else invalid.push(error)
  }
  // Numbers are distinct within a chunk (the validator refuses in-chunk duplicates).
  valid.sort((a, b) => (a.phone < b.phone ? -1 : a.phone > b.phone ? 1 : a.at - b.at))
  const leads = emptyColumns()
  for (const l of valid) {
    leads.row.push((rows[l.at] as ChunkRow).row)
    leads.phone.push(l.phone)
    leads.ext.push(l.ext)
    leads.secondary.push(l.secondary)
    leads.variables.push(l.variables)
    leads.warned.push(l.warned)
    leads.at.push(l.at)
  }
  return { leads, invalid, duplicates }
}

/**
 * Prepares chunk `n` of an import from its raw body: parse, shape, hash, plan, validation.
 * @example prepareChunk({ key, options, expectedRows, chunkSize, n: 0, body }, cache)
 */
export function prepareChunk(
  input: PrepareInput,
  cache: ValidatorCache,
): PreparedChunk | RefusedChunk {
  const parsed = parseChunkBody(input.body)
  if ('ok' in parsed) return parsed
  return prepareRows(input, parsed.rows, parsed.hash, cache, { body: input.body })
}

/** {@link prepareChunk} for rows already parsed (background file imports). */
export function prepareRows(
  input: Omit<PrepareInput, 'body'>,
  rows: readonly ChunkRow[],
  hash: string,
  cache: ValidatorCache,
  source: ChunkSource = { rows },
): PreparedChunk {
  const place = placeError(input, input.n, rows)
  const checked = place
    ? { leads: emptyColumns(), invalid: [], duplicates: [] }
    : checkRows(cache.get(input.key, input.options), rows)
  return {
    ok: true,
    hash,
    rowCount: rows.length,
    firstRow: rows[0]?.row ?? 0,
    lastRow: rows[rows.length - 1]?.row ?? 0,
    placeError: place,
    ...checked,
    source,
  }
}

const reparsed = new WeakMap<PreparedChunk, readonly ChunkRow[]>()

/**
 * Lead `i`'s raw cells as JSON text, for the error report of a row the database refused. The
 * body is parsed again on the first call for a chunk (rare: only chunks with such rows pay).
 * @example leadCells(prepared, 0) // '["Ayşe","+905321234567",null]'
 */
export function leadCells(p: PreparedChunk, i: number): string {
  let rows = 'rows' in p.source ? p.source.rows : reparsed.get(p)
  if (!rows) {
    const body = (p.source as { body: Uint8Array }).body
    rows = (JSON.parse(decoder.decode(body)) as { rows: ChunkRow[] }).rows
    reparsed.set(p, rows)
  }
  return JSON.stringify((rows[p.leads.at[i] as number] as ChunkRow).cells)
}

function emptyColumns(): LeadColumns {
  return {
    row: [],
    phone: [],
    ext: [],
    secondary: [],
    variables: [],
    warned: [],
    at: [],
  }
}
