/// <reference lib="webworker" />
import type { AssistantVariable, FoundNumber, Mapping, PhoneFormat } from '@leadport/shared'
import { sniffFile } from '@leadport/shared'
import { expose, transfer } from 'comlink'
import { getCountries, getCountryCallingCode } from 'libphonenumber-js/max'
import { checkFile } from './check-file.ts'
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
import { checkedRows, session, setSession } from './session.ts'
import type {
  CheckSettings,
  EditLog,
  OpenedFile,
  ProblemFilter,
  ReadOptions,
  WorkerResult,
} from './types.ts'

let lookups: string[] = []

/*
 * The one parse worker: it holds the picked file's bytes and, once checked, every row, so the
 * page only ever sees counts, the rows on screen and finished chunk bodies.
 */
const api = {
  /**
   * Takes the picked file (a Blob handle: its bytes are read here, never on the page's thread;
   * an ArrayBuffer is taken as transferred), sniffs its kind and starts hashing it.
   */
  async open(file: Blob | ArrayBuffer, name: string): Promise<WorkerResult<OpenedFile>> {
    const u8 = new Uint8Array(file instanceof ArrayBuffer ? file : await file.arrayBuffer())
    const sniffed = sniffFile(u8, name)
    if (!sniffed.ok) return sniffed
    // Not awaited: the hash is only needed for the upload's fingerprint.
    const sha256 = hashBytes(u8)
    sha256.catch(() => undefined)
    setSession({ bytes: u8, name, sha256, checked: null })
    return { ok: true, data: { name, size: u8.length, kind: sniffed.data.kind } }
  },
  /** The top of the file read with `options`, the header row and a proposed mapping. */
  readPreview: (options: ReadOptions, variables: AssistantVariable[]) =>
    readPreview(options, variables),
  /** The first data rows as they will be imported with this mapping and format. */
  previewMapping: (mapping: Mapping, format: PhoneFormat, variables: AssistantVariable[]) =>
    previewMapping(mapping, format, variables),
  /** Reads and validates every row; progress as a fraction through a Comlink proxy. */
  checkFile: (
    settings: CheckSettings,
    variables: AssistantVariable[],
    onProgress?: (fraction: number) => void,
  ) => checkFile(settings, variables, onProgress),
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
  chunkBody: (n: number) => chunkBody(checkedRows(), n),
  /** An XLSX sample file (transferred). */
  sampleXlsx(header: string[], rows: string[][]): ArrayBuffer {
    const out = sampleXlsx(header, rows)
    return transfer(out, [out])
  },
  /** Countries with their calling codes, for the country picker. */
  countries: () =>
    getCountries().map((code) => ({ code, callingCode: getCountryCallingCode(code) })),
}

expose(api)

/** The worker's API as the page sees it. */
export type ParseApi = typeof api
