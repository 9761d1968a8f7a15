import type { AssistantVariable, Cell, FoundNumber, RowIssue } from '@leadport/shared'
import type { FirstIndex } from './phone-keys.ts'
import type { TextRowSource } from './row-source.ts'
import type { CheckSettings } from './types.ts'

/** The rows of a fully checked file, column-wise where it pays (one entry per data row). */
export interface CheckedRows {
  settings: CheckSettings
  variables: AssistantVariable[]
  header: string[]
  /** Cells of the rows with issues and of edited rows; of every row when `source` is null. */
  cells: (Cell[] | null)[]
  /** A text file's bytes, to read the other rows again (see `row-source.ts`). */
  source: TextRowSource | null
  rowNumbers: Int32Array
  hidden: Uint8Array
  /** 0 no issue, 1 warnings only, 2 invalid. */
  state: Uint8Array
  deleted: Uint8Array
  /** Bumped on every deletion (caches of the kept rows key on it). */
  deletions: number
  /** Each row's E.164 number as `phoneKey` digits, 0 for none (see `phone-keys.ts`). */
  phones: Float64Array
  issues: Map<number, readonly RowIssue[]>
  /** Index of the first row holding each number (in-file duplicates point at it); built by the
   * first edit that needs it. */
  firstIndex: FirstIndex | null
  inCampaign: Map<string, FoundNumber>
  edits: Map<number, Cell[]>
}

/** Everything the worker holds for the one file being imported. */
export interface Session {
  /** The file's bytes; only its head while `rest` is set. */
  bytes: Uint8Array
  /** The whole file while only its head was read (see {@link wholeBytes}). */
  rest?: Blob | null
  name: string
  /** SHA-256 of the bytes, hex; computed on first ask (only the upload needs it, and hashing a
   * big file takes this thread for a while). */
  sha256: () => Promise<string>
  checked: CheckedRows | null
}

let current: Session | null = null

/** The open file; throws when none is (the page always opens one first). */
export function session(): Session {
  if (!current) throw new Error('No file is open in the worker. Pick the file again.')
  return current
}

/** The checked rows of the open file; throws when the file was not checked yet. */
export function checkedRows(): CheckedRows {
  const c = session().checked
  if (!c) throw new Error('The file was not checked yet. Go back to the review step.')
  return c
}

const loading = new WeakMap<Session, Promise<Uint8Array>>()

/**
 * Reads the rest of a file opened by its head, once; every reader of the whole file awaits it.
 * @example const bytes = await wholeBytes(session())
 */
export function wholeBytes(s: Session): Promise<Uint8Array> {
  const rest = s.rest
  if (!rest) return Promise.resolve(s.bytes)
  let whole = loading.get(s)
  if (!whole) {
    whole = rest.arrayBuffer().then((b) => {
      s.bytes = new Uint8Array(b)
      s.rest = null
      return s.bytes
    })
    loading.set(s, whole)
  }
  return whole
}

/**
 * Bytes `[from, to)` of the open file, read from the file if they are not in memory yet.
 * @example await fileBytes(session(), 0, plan.at)
 */
export async function fileBytes(s: Session, from: number, to?: number): Promise<Uint8Array> {
  const end = to ?? (s.rest ? s.rest.size : s.bytes.length)
  if (!s.rest || end <= s.bytes.length) return s.bytes.subarray(from, end)
  return new Uint8Array(await s.rest.slice(from, end).arrayBuffer())
}

/** Replaces the open file. */
export function setSession(s: Session): void {
  current = s
}
