import type { AssistantVariable, Cell, FoundNumber, RowIssue } from '@leadport/shared'
import type { CheckSettings } from './types.ts'

/** The rows of a fully checked file, column-wise where it pays (one entry per data row). */
export interface CheckedRows {
  settings: CheckSettings
  variables: AssistantVariable[]
  header: string[]
  cells: Cell[][]
  rowNumbers: Int32Array
  hidden: Uint8Array
  /** 0 no issue, 1 warnings only, 2 invalid. */
  state: Uint8Array
  deleted: Uint8Array
  /** Bumped on every deletion (caches of the kept rows key on it). */
  deletions: number
  phones: (string | null)[]
  issues: Map<number, readonly RowIssue[]>
  /** Index of the first row holding each number (in-file duplicates point at it). */
  firstIndex: Map<string, number>
  inCampaign: Map<string, FoundNumber>
  edits: Map<number, Cell[]>
}

/** Everything the worker holds for the one file being imported. */
export interface Session {
  bytes: Uint8Array
  name: string
  /** SHA-256 of the bytes, hex; computed while the file is read (WebCrypto, off this thread). */
  sha256: Promise<string>
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

/** Replaces the open file. */
export function setSession(s: Session): void {
  current = s
}
