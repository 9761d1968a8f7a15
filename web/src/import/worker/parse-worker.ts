/// <reference lib="webworker" />
import type { AssistantVariable, FoundNumber, Mapping, PhoneFormat } from '@leadport/shared'
import { sniffFile } from '@leadport/shared'
import { expose, transfer } from 'comlink'
import { getCountries, getCountryCallingCode } from 'libphonenumber-js/max'
import { checkFile, splitPlanOf } from './check-file.ts'
import { chunkBody, hashBytes, lookupBodies, markInCampaign, uploadPlan } from './chunks.ts'
import {
  applyCountry,
  deleteByCode,
  deleteRows,
  editCell,
  editLog,
  replaceInColumn,
  replayEdits,
} from './edits.ts'
import { previewMapping, readPreview } from './read-preview.ts'
import { gridRows, problemIndexes, summarize } from './review.ts'
import { sampleXlsx } from './sample.ts'
import { checkedRows, type Session, session, setSession, wholeBytes } from './session.ts'
import { checkPart, type PartResult } from './split.ts'
import type {
  CheckSettings,
  EditLog,
  OpenedFile,
  ProblemFilter,
  ReadOptions,
  ReviewSummary,
  WorkerResult,
} from './types.ts'

let lookups: string[] = []
const utf8 = new TextEncoder()
/** Bytes read at first from a big file (its head), enough for every preview. */
const HEAD_BYTES = 4 << 20

/*
 * The one parse worker: it holds the picked file's bytes and, once checked, every row, so the
 * page only ever sees counts, the rows on screen and finished chunk bodies.
 */
const api = {
  /**
   * Takes the picked file (a Blob handle: its bytes are read here, never on the page's thread;
   * an ArrayBuffer is taken as transferred) and sniffs its kind.
   */
  async open(file: Blob | ArrayBuffer, name: string): Promise<WorkerResult<OpenedFile>> {
    // A big file is read by its head first: the previews need no more, and while a spare worker
    // checks the file ahead, this one never needs the rest (see `wholeBytes`).
    const headOnly = !(file instanceof ArrayBuffer) && file.size > 2 * HEAD_BYTES
    const blob = headOnly ? file.slice(0, HEAD_BYTES) : file
    let u8 = new Uint8Array(blob instanceof ArrayBuffer ? blob : await blob.arrayBuffer())
    const sniffed = sniffFile(u8, name)
    if (!sniffed.ok) return sniffed
    // Workbooks keep their directory at the end: read whole at once.
    const textHead = headOnly && sniffed.data.kind === 'csv'
    if (headOnly && !textHead) u8 = new Uint8Array(await (file as Blob).arrayBuffer())
    const size = file instanceof ArrayBuffer ? file.byteLength : file.size
    // Hashed on first ask: only the upload's fingerprint needs it.
    let hash: Promise<string> | null = null
    const s: Session = {
      bytes: u8,
      rest: textHead ? (file as Blob) : null,
      name,
      checked: null,
      sha256: () => {
        hash ??= wholeBytes(s).then(hashBytes)
        return hash
      },
    }
    setSession(s)
    return { ok: true, data: { name, size, kind: sniffed.data.kind } }
  },
  /** The top of the file read with `options`, the header row and a proposed mapping. */
  readPreview: (options: ReadOptions, variables: AssistantVariable[]) =>
    readPreview(options, variables),
  /** The first data rows as they will be imported with this mapping and format. */
  previewMapping: (mapping: Mapping, format: PhoneFormat, variables: AssistantVariable[]) =>
    previewMapping(mapping, format, variables),
  /**
   * Reads and validates every row; progress as a fraction through a Comlink proxy. With a port
   * to a helper worker running `checkPart`, this worker checks the first half of a big text file
   * and takes the second from the helper.
   */
  checkFile: async (
    settings: CheckSettings,
    variables: AssistantVariable[],
    onProgress?: (fraction: number) => void,
    helper?: MessagePort,
  ): Promise<WorkerResult<ReviewSummary>> => {
    const plan = helper ? await splitPlanOf(settings) : null
    if (!plan || !helper) return checkFile(settings, variables, onProgress)
    const result = new Promise<WorkerResult<PartResult>>((resolve) => {
      helper.onmessage = (e: MessageEvent<WorkerResult<PartResult>>) => resolve(e.data)
    })
    // The first half is checked as it is read, and kept; the helper sends the second half.
    const s = session()
    const text = s.rest ? s.rest.slice(0, plan.at).stream() : s.bytes.subarray(0, plan.at)
    const size = s.rest ? s.rest.size : s.bytes.length
    return checkFile(settings, variables, onProgress, { plan, text, size, result })
  },
  /**
   * As a helper: checks the second half of the open file (the same cut the page's worker makes)
   * and posts the rows to `port`, typed arrays transferred; posts a failure when the file is
   * checked whole. Answers whether a half was posted.
   */
  async checkPart(
    settings: CheckSettings,
    variables: AssistantVariable[],
    port: MessagePort,
  ): Promise<boolean> {
    let out: WorkerResult<PartResult>
    // The page's worker posts the line number of the cut first (0: it checks the file whole).
    try {
      out = await checkSecondHalf(settings, variables)
    } catch (err) {
      out = { ok: false, error: { code: 'HELPER_FAILED', message: String(err) } }
    }
    const moved = out.ok
      ? [
          out.data.tail,
          out.data.rowNumbers,
          out.data.state,
          out.data.phones,
          out.data.issueRows,
        ].map((a) => a.buffer)
      : []
    port.postMessage(out, moved)
    port.close()
    return out.ok
  },
  /** Current counts. */
  summary: () => summarize(checkedRows()),
  /** Rows with issues passing `filter`, as indexes (transferred). */
  problems(filter: ProblemFilter): Int32Array {
    const list = problemIndexes(checkedRows(), filter)
    return transfer(list, [list.buffer as ArrayBuffer])
  },
  /** The grid's view of these rows. */
  rows: (indexes: number[]) => gridRows(checkedRows(), indexes),
  /** Edits one cell; answers the row re-validated. */
  editCell(index: number, col: number, value: string) {
    const c = checkedRows()
    editCell(c, index, col, value)
    return gridRows(c, [index])[0]
  },
  replaceInColumn: (filter: ProblemFilter, col: number, find: string, replace: string) =>
    replaceInColumn(checkedRows(), filter, col, find, replace),
  applyCountry: (indexes: number[], country: string) =>
    applyCountry(checkedRows(), indexes, country),
  deleteRows: (indexes: number[]) => deleteRows(checkedRows(), indexes),
  deleteByCode: (code: string) => deleteByCode(checkedRows(), code),
  editLog: () => editLog(checkedRows()),
  replayEdits: (log: EditLog) => {
    replayEdits(checkedRows(), log)
    return summarize(checkedRows())
  },
  /** How many lookup bodies the kept numbers make (computed now, then asked one at a time). */
  lookupCount: () => {
    lookups = lookupBodies(checkedRows())
    return lookups.length
  },
  lookupBody: (n: number) => lookups[n] ?? '',
  markInCampaign: (found: FoundNumber[]) => markInCampaign(checkedRows(), found),
  uploadPlan: () => uploadPlan(session(), checkedRows()),
  /**
   * Chunk `n`'s body as UTF-8 bytes (transferred). Bytes, not a string: Chromium's `fetch` spent
   * ~60 ms of the page's main thread encoding each 300 KB string body.
   */
  chunkBody(n: number): Uint8Array<ArrayBuffer> {
    const bytes = utf8.encode(chunkBody(checkedRows(), n))
    return transfer(bytes, [bytes.buffer])
  },
  /** An XLSX sample file (transferred). */
  sampleXlsx(header: string[], rows: string[][]): ArrayBuffer {
    const out = sampleXlsx(header, rows)
    return transfer(out, [out])
  },
  /** Countries with their calling codes, for the country picker. */
  countries: () =>
    getCountries().map((code) => ({ code, callingCode: getCountryCallingCode(code) })),
}

async function checkSecondHalf(
  settings: CheckSettings,
  variables: AssistantVariable[],
): Promise<WorkerResult<PartResult>> {
  const notSplit = { ok: false, error: { code: 'NOT_SPLIT', message: 'Checked whole.' } } as const
  const plan = await splitPlanOf(settings)
  if (!plan) return notSplit
  // The header and the detected encoding and delimiter, exactly as the first half reads them.
  const preview = await readPreview(settings.read, variables)
  if (!preview.ok) return preview
  const { encoding, delimiter, header } = preview.data
  if (!encoding || !delimiter) {
    return { ok: false, error: { code: 'NOT_SPLIT', message: 'Not a text file.' } }
  }
  const setup = { encoding, delimiter, headerLength: header.length }
  // From the line break before the cut, checked as it is read.
  const s = session()
  const tail = s.rest ? s.rest.slice(plan.at - 1).stream() : s.bytes.subarray(plan.at - 1)
  const size = s.rest ? s.rest.size : s.bytes.length
  return checkPart(tail, size - plan.at + 1, plan, setup, settings, variables)
}

expose(api)

/** The worker's API as the page sees it. */
export type ParseApi = typeof api
