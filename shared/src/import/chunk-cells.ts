import type { ChunkRow } from '../api/imports.ts'
import type { Mapping } from '../mapping/auto-map.ts'
import type { Cell } from '../read/types.ts'
import { cellToText } from '../read/workbook/cells.ts'

// What a phone column reads from a cell (a formatted number's exact value), for the worker's
// phone fixes; defined beside the other cell helpers.
export { exactCell } from '../read/workbook/cells.ts'

/** One cell as a chunk carries it: text, an exact number, a boolean or empty. */
export type ChunkCell = ChunkRow['cells'][number]

/**
 * A row's cells as a chunk carries them to the server, which validates them again with the
 * same mapping. The wire keeps text, numbers, booleans and empties; dates go as the text the
 * user saw; a formatted number (`15%`, `02134`) goes as its exact value in a phone column
 * (primary or secondary, so every digit is kept) and as its displayed text anywhere else.
 * The server then reads each cell exactly as the browser's validator did.
 * @example toChunkCells([{ value: 5321234567, text: '(532) 123-4567' }, { value: 0.15, text: '15%' }], mapping)
 * // [5321234567, '15%'] when column 0 is the phone number
 */
export function toChunkCells(cells: readonly Cell[], mapping: Mapping): ChunkCell[] {
  const out: ChunkCell[] = new Array(cells.length)
  for (let i = 0; i < cells.length; i++) {
    const x = cells[i] ?? null
    if (x === null || typeof x === 'string' || typeof x === 'boolean') out[i] = x
    else if (typeof x === 'number') out[i] = Number.isFinite(x) ? x : null
    else if (x instanceof Date) out[i] = cellToText(x)
    else if (i === mapping.phone_number || mapping.secondary_phones.includes(i)) out[i] = x.value
    else out[i] = x.text
  }
  return out
}
