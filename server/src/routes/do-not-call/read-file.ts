import { checkLeadFile, PHONE_FIELD, phoneFormatFor } from '@leadport/shared'
import { AppError } from '../../app-error.ts'
import type { ReadNumbers } from './add-numbers.ts'

/** Bad rows listed in the answer; the rest are only counted. */
const MAX_LISTED = 100

/** A do-not-call file read: its numbers, data rows, first bad rows and the reader's notes. */
export interface ReadDncFile extends ReadNumbers {
  rows: number
  invalidRows: { row: number; message: string }[]
  notes: string[]
}

/**
 * Reads a CSV/TSV/XLSX/XLS file with a phone column through the shared import core (kind by
 * bytes, encoding, delimiter, header row, phone column by header or by content). Files are at
 * most the API's 1 MB body, so this runs in the request. A file the reader refuses is a 400
 * with its message; rows with a bad phone are counted and listed.
 * @example const r = await readDncFile(bytes, 'dnc.csv', 'TR')
 */
export async function readDncFile(
  bytes: Uint8Array,
  fileName: string,
  country: string | undefined,
): Promise<ReadDncFile> {
  const out: ReadDncFile = { numbers: [], invalid: [], rows: 0, invalidRows: [], notes: [] }
  const res = await checkLeadFile(
    bytes,
    { fileName, targets: [PHONE_FIELD], format: phoneFormatFor(country) },
    (row) => {
      out.rows++
      if (row.phone_e164 !== null) {
        out.numbers.push(row.phone_e164, ...row.secondary_phones_e164)
        return undefined
      }
      const issue = row.issues.find((i) => i.field === 'phone_number') ?? row.issues[0]
      const message = issue?.message ?? 'The phone number could not be read.'
      out.invalid.push({ input: `row ${row.row}`, message })
      if (out.invalidRows.length < MAX_LISTED) out.invalidRows.push({ row: row.row, message })
      return undefined
    },
  )
  if (!res.ok) throw new AppError(res.error.code, res.error.message)
  out.notes = res.data.file.notes
  return out
}
