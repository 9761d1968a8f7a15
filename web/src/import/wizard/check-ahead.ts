import type { AssistantVariable, PhoneFormat } from '@leadport/shared'
import { parseBridge } from '../parse-bridge.ts'
import type {
  CheckSettings,
  ReadOptions,
  ReadPreview,
  ReviewSummary,
  WorkerResult,
} from '../worker/types.ts'
import { checkInHalves, type Helper, openHelper } from './check-in-halves.ts'

/*
 * The full check, started ahead in a spare worker (from the file pick on), so the other core
 * reads and validates the file while the user looks at the read options, the mapping and the
 * phone format. When the user asks for the review with the same settings, the spare worker's
 * rows are taken over; any other settings drop it and check afresh. Either way the rows are the
 * ones one check with the final settings gives.
 */

interface Ahead {
  /** The settings' key, known once the spare worker has read the top of the file. */
  key: Promise<string | null>
  keyNow: string | null
  result: Promise<WorkerResult<ReviewSummary>>
  fraction: number
  onProgress: ((fraction: number) => void) | null
  /** The helper for the file's second half, reading the file from the start of the job. */
  helper: Helper | null
}

let ahead: Ahead | null = null
// A check ahead is being taken over: a new one must not end its worker meanwhile.
let taking = false

// Key order must not matter: the same settings built in another order are the same check.
function stableKey(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  )
}

/**
 * The identity of a check: the same key, the same rows.
 * @example checkKey({ read: {}, mapping, format }, variables)
 */
export function checkKey(settings: CheckSettings, variables: AssistantVariable[]): string {
  return stableKey([settings.read, settings.mapping, settings.format, variables])
}

/**
 * The settings a check uses for what a preview shows: its header row and sheet made explicit.
 * @example settingsOf({}, preview, preview.autoMapping, { kind: 'international' })
 */
export function settingsOf(
  read: ReadOptions,
  preview: ReadPreview,
  mapping: CheckSettings['mapping'],
  format: PhoneFormat,
): CheckSettings {
  const explicit: ReadOptions = { ...read, headerRow: preview.headerRow }
  if (preview.sheet !== undefined) explicit.sheet = preview.sheet
  return { read: explicit, mapping, format }
}

const notChecked = (message: string): WorkerResult<ReviewSummary> => ({
  ok: false,
  error: { code: 'NOT_CHECKED', message },
})

/**
 * Starts checking `file` in the spare worker: it reads the top with `read`, `choose` turns that
 * preview into the check's settings (null: nothing to check), then it checks. An earlier check
 * ahead is dropped unless it has the same settings (`key`, when the page knows them already).
 * @example checkAhead(file, {}, (p) => settingsOf({}, p, p.autoMapping, format), variables)
 */
export function checkAhead(
  file: File,
  read: ReadOptions,
  choose: (preview: ReadPreview) => CheckSettings | null,
  variables: AssistantVariable[],
  key?: string,
): void {
  if (taking || (key !== undefined && ahead?.keyNow === key)) return
  dropCheckAhead()
  const api = parseBridge.startSpare()
  let settle: (key: string | null) => void = () => undefined
  const job: Ahead = {
    key: new Promise((resolve) => {
      settle = resolve
    }),
    keyNow: null,
    result: Promise.resolve(notChecked('Not started.')),
    fraction: 0,
    onProgress: null,
    helper: openHelper(file),
  }
  const progress = (f: number) => {
    job.fraction = f
    job.onProgress?.(f)
  }
  let handed = false
  job.result = (async (): Promise<WorkerResult<ReviewSummary>> => {
    try {
      const opened = await api.open(file, file.name)
      if (!opened.ok) return opened
      // The preview rows too, so the spare worker answers everything the page's worker would.
      const preview = await api.readPreview(read, variables)
      const settings = preview.ok ? choose(preview.data) : null
      if (!settings) return notChecked('Nothing to check with these settings.')
      job.keyNow = checkKey(settings, variables)
      settle(job.keyNow)
      const { kind } = opened.data
      handed = true
      return await checkInHalves(api, file, kind, settings, variables, progress, job.helper)
    } finally {
      settle(null)
      // Not handed to the check: nothing else ends it.
      if (!handed && job.helper) parseBridge.dropHelper(job.helper.handle)
    }
  })()
  job.result.catch(() => undefined)
  ahead = job
}

/**
 * The check ahead with these settings, if one runs or ran: awaiting it (or `signal` aborting,
 * which drops it) gives its result, and its worker becomes the page's worker. Null when no
 * check ahead has these settings (any other one is dropped) or it failed (the page's worker
 * checks again and says why).
 * @example const res = await takeCheckAhead(key, signal, (f) => {}); if (res) …
 */
export async function takeCheckAhead(
  key: string,
  signal: AbortSignal,
  onProgress: (fraction: number) => void,
): Promise<WorkerResult<ReviewSummary> | null> {
  const job = ahead
  if (!job) return null
  taking = true
  try {
    const res = await new Promise<WorkerResult<ReviewSummary> | null>((resolve, reject) => {
      const onAbort = () => {
        dropCheckAhead()
        reject(signal.reason)
      }
      if (signal.aborted) return onAbort()
      signal.addEventListener('abort', onAbort, { once: true })
      const done = (r: WorkerResult<ReviewSummary> | null) => {
        signal.removeEventListener('abort', onAbort)
        resolve(r)
      }
      job.key.then((k) => {
        if (k !== key) return done(null)
        job.onProgress = onProgress
        onProgress(job.fraction)
        job.result.then(done, () => done(null))
      })
    })
    ahead = null
    if (!res?.ok) {
      parseBridge.dropSpare()
      return null
    }
    parseBridge.adoptSpare()
    return res
  } finally {
    taking = false
  }
}

/** Drops the check ahead, if any (its worker ends). */
export function dropCheckAhead(): void {
  if (ahead?.helper) parseBridge.dropHelper(ahead.helper.handle)
  ahead = null
  parseBridge.dropSpare()
}
