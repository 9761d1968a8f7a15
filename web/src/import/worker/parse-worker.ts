/// <reference lib="webworker" />
import { expose } from 'comlink'
import Papa from 'papaparse'

/** A file read into a header and rows of strings (columns by position). */
export interface ParsedFile {
  header: string[]
  rows: string[][]
  /** Index of the column that holds phone numbers, or -1. */
  phoneColumn: number
}

/** Result of a worker call: errors are values, since Comlink keeps only name/message of a throw. */
export type WorkerResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: { code: string; message: string } }

const PHONE_HEADER = /^(phone|phone[_ ]?number|telefon|mobile|gsm)$/i

const api = {
  /**
   * Decodes and parses a CSV file's bytes off the main thread. The bytes are transferred in,
   * not copied. Progress is reported as a fraction through `onProgress`.
   */
  parseCsv(bytes: ArrayBuffer, onProgress?: (fraction: number) => void): WorkerResult<ParsedFile> {
    if (bytes.byteLength === 0) {
      return {
        ok: false,
        error: {
          code: 'FILE_EMPTY',
          message: 'The file is empty. Pick a file with a header row and leads.',
        },
      }
    }
    const text = new TextDecoder('utf-8').decode(bytes)
    const parsed = Papa.parse<string[]>(text, { header: false, skipEmptyLines: 'greedy' })
    onProgress?.(1)
    const [header, ...rows] = parsed.data
    if (!header || rows.length === 0) {
      return {
        ok: false,
        error: { code: 'NO_DATA_ROWS', message: 'The file has a header but no data rows.' },
      }
    }
    const phoneColumn = header.findIndex((h) => PHONE_HEADER.test(h.trim()))
    if (phoneColumn < 0) {
      return {
        ok: false,
        error: {
          code: 'NO_PHONE_COLUMN',
          message: 'No phone column found. Name the column with the numbers "phone_number".',
        },
      }
    }
    return { ok: true, data: { header, rows, phoneColumn } }
  },
}

expose(api)

/** The worker's API as the page sees it. */
export type ParseApi = typeof api
