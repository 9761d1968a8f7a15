import type { CreateImportBody, ImportCounts } from '@leadport/shared'

/*
 * The seam between the wizard (steps 1–5, the parse worker) and the uploader (step 6–7).
 * The wizard owns the rows; the uploader owns the import session, the chunks and resuming.
 * Types only: the web bundle imports nothing but types from @leadport/shared.
 */

/** What the wizard hands to the uploader once the review is done. */
export interface UploadSource {
  /** Body of `POST /api/imports` (campaign, file name/kind, header, format, mapping, counts). */
  create: CreateImportBody
  /**
   * The JSON body `{"rows":[...]}` (text, or its UTF-8 bytes) of chunk `n` (0-based) of the rows to store, in file order,
   * after the user's edits and deletions. Built off the main thread (in the parse worker) and
   * byte-for-byte the same every time it is asked for the same `n` (a resent chunk must match).
   */
  chunkBody(n: number): Promise<string | Uint8Array<ArrayBuffer>>
  /**
   * Identifies this file + options + edits: a reloaded page finds its unfinished import by it.
   * The same file read with the same options and edits gives the same fingerprint.
   */
  fingerprint: string
  /** The picked file and the wizard's snapshot, kept in IndexedDB so a reloaded page resumes. */
  file: Blob
  wizardState: unknown
}

/** Progress of an upload, reported after every acknowledged chunk. */
export interface UploadProgress {
  importId: number
  rowsStored: number
  rowsTotal: number
  chunksDone: number
  chunksTotal: number
  /** Rows per second over the last few seconds; 0 until known. */
  rowsPerSecond: number
  /** Seconds left at that rate; null until known. */
  secondsLeft: number | null
}

/** The end of an upload: the import's final counts from the server. */
export interface UploadResult {
  importId: number
  campaignId: number
  counts: ImportCounts
}

/** Options of `startUpload`. */
export interface UploadOptions {
  onProgress?: (p: UploadProgress) => void
  /** Aborting stops sending; chunks already acknowledged stay stored (resume later). */
  signal?: AbortSignal
  /** Chunks in flight at once (default 4). */
  inFlight?: number
  /** Resume this import session (after a reload or a failure) instead of creating one. */
  resumeId?: number
}

/**
 * What a reloaded page needs to resume: saved by the uploader when an import session is created,
 * removed when it completes. `wizardState` is the wizard's own snapshot (read options, mapping,
 * format, edits), opaque to the uploader; `file` is the picked file itself (kept in IndexedDB).
 */
export interface ResumableUpload {
  importId: number
  campaignId: number
  fingerprint: string
  fileName: string
  file: Blob
  wizardState: unknown
  savedAt: string
}
