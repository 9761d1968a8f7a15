import { parentPort, workerData } from 'node:worker_threads'
import {
  type AssistantVariable,
  buildTargets,
  type ChunkRow,
  cellToText,
  checkLeadFile,
  type Mapping,
  type PhoneFormat,
  toChunkCells,
} from '@leadport/shared'

/** What the worker is given (as `workerData`, the bytes transferred, not copied). */
export interface ReadFileInput {
  bytes: Uint8Array
  fileName: string
  variables: AssistantVariable[]
  format: PhoneFormat
  mapping?: Mapping
  sheet?: string
  headerRow?: number
  encoding?: string
  delimiter?: string
  /** Rows per `rows` message. */
  batch: number
}

/** What the file turned out to be, for creating the import session. */
export interface ReadFileSummary {
  kind: 'csv' | 'xlsx' | 'xls' | 'ods'
  header: (string | null)[]
  mapping: Mapping
  headerRow: number
  notes: string[]
  sheet?: string
  encoding?: string
  delimiter?: string
}

/** Messages from the worker: row batches in file order, then one `done`. */
export type ReadFileMessage =
  | { kind: 'rows'; rows: ChunkRow[] }
  | {
      kind: 'done'
      result: { ok: true; data: ReadFileSummary } | { ok: false; code: string; message: string }
    }

async function run(input: ReadFileInput): Promise<void> {
  const port = parentPort
  if (!port) throw new Error('read-file-worker runs in a worker thread')
  let batch: ChunkRow[] = []
  const res = await checkLeadFile(
    input.bytes,
    {
      fileName: input.fileName,
      targets: buildTargets(input.variables),
      format: input.format,
      ...(input.mapping ? { mapping: input.mapping } : {}),
      ...(input.sheet ? { sheet: input.sheet } : {}),
      ...(input.headerRow ? { headerRow: input.headerRow } : {}),
      ...(input.encoding ? { encoding: input.encoding as never } : {}),
      ...(input.delimiter ? { delimiter: input.delimiter as never } : {}),
    },
    (row, cells, mapping) => {
      // As the browser sends them: dates and formatted numbers as shown, phones' exact digits.
      const out: ChunkRow = { row: row.row, cells: toChunkCells(cells, mapping) }
      if (row.issues.some((i) => i.code === 'HIDDEN_ROW')) out.hidden = true
      batch.push(out)
      if (batch.length >= input.batch) {
        port.postMessage({ kind: 'rows', rows: batch } satisfies ReadFileMessage)
        batch = []
      }
      return undefined
    },
  )
  if (batch.length > 0) port.postMessage({ kind: 'rows', rows: batch } satisfies ReadFileMessage)
  const done: ReadFileMessage = res.ok
    ? {
        kind: 'done',
        result: {
          ok: true,
          data: {
            kind: res.data.file.kind,
            header: res.data.file.header.map((c) => (c === null ? null : cellToText(c))),
            mapping: res.data.mapping,
            headerRow: res.data.file.headerRow,
            notes: res.data.file.notes,
            ...(res.data.file.sheet ? { sheet: res.data.file.sheet } : {}),
            ...(res.data.file.encoding ? { encoding: res.data.file.encoding } : {}),
            ...(res.data.file.delimiter ? { delimiter: res.data.file.delimiter } : {}),
          },
        },
      }
    : { kind: 'done', result: { ok: false, code: res.error.code, message: res.error.message } }
  port.postMessage(done)
}

// No top-level await: inside the single binary this module is a CommonJS bundle.
void run(workerData as ReadFileInput)
