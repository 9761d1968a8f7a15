import type { ChunkRow } from '@leadport/shared'
import {
  buildTargets,
  type CountryCode,
  createRowValidator,
  type RowValidator,
} from '@leadport/shared'
import type { ImportErrorRow } from '../../db/import-errors.ts'
import type { ImportLead } from '../../db/import-leads.ts'
import type { ImportSession } from '../../db/imports.ts'
import type { Db } from '../../db/open.ts'

/** A chunk after server-side validation: leads to store and rows already known to be skipped. */
export interface CheckedChunk {
  leads: ImportLead[]
  /** `true` per lead that carries a warning. */
  warned: boolean[]
  /** Index in the chunk's rows of each lead. */
  at: number[]
  /** Rows with an error other than an in-chunk duplicate. */
  invalid: ImportErrorRow[]
  /** Rows whose number an earlier row of this chunk already has. */
  duplicates: ImportErrorRow[]
}

const EMPTY_SECONDARY = '[]'

// A validator costs ~1.5 MB of typed arrays to build; keep the latest few per database and
// reset() them per chunk. Validation is synchronous, so two chunks never share one at once.
// Keyed by id and creation time: a deleted import's id can be reused.
const CACHE_SIZE = 8
const caches = new WeakMap<Db, Map<string, RowValidator>>()

function validatorFor(db: Db, session: ImportSession): RowValidator {
  let validators = caches.get(db)
  if (!validators) {
    validators = new Map()
    caches.set(db, validators)
  }
  const key = `${session.id}@${session.created_at}`
  let v = validators.get(key)
  if (v) {
    validators.delete(key)
    v.reset()
  } else {
    const o = session.options
    v = createRowValidator({
      mapping: o.mapping,
      targets: buildTargets(o.variables),
      format:
        o.format.kind === 'national'
          ? { kind: 'national', country: o.format.country as CountryCode }
          : { kind: 'international' },
      headerLength: o.header.length,
    })
  }
  validators.set(key, v)
  if (validators.size > CACHE_SIZE) validators.delete(validators.keys().next().value as string)
  return v
}

/**
 * Re-validates a chunk's raw rows with the shared row validator, using the import's frozen
 * mapping, format and the assistant's variables (the server trusts nothing the browser computed).
 * In-file duplicates inside the chunk are found here; those across chunks are found by the
 * database when the lead is inserted (see store-chunk.ts).
 */
export function checkChunk(
  db: Db,
  session: ImportSession,
  rows: readonly ChunkRow[],
): CheckedChunk {
  const validator = validatorFor(db, session)
  const out: CheckedChunk = { leads: [], warned: [], at: [], invalid: [], duplicates: [] }
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] as ChunkRow
    const v = validator.validate(r.cells, r.row, r.hidden === true)
    if (!v.invalid) {
      const values = v.email === null ? v.values : { ...v.values, email: v.email }
      out.leads.push({
        row: r.row,
        phone_e164: v.phone_e164 as string,
        phone_ext: v.phone_ext,
        secondary_phones:
          v.secondary_phones_e164.length === 0
            ? EMPTY_SECONDARY
            : JSON.stringify(v.secondary_phones_e164),
        variables: JSON.stringify(values),
      })
      out.warned.push(v.issues.length > 0)
      out.at.push(i)
      continue
    }
    const error: ImportErrorRow = {
      row_number: r.row,
      cells: r.cells,
      codes: v.issues.map((x) => x.code),
      messages: v.issues.map((x) => x.message),
    }
    let onlyDuplicate = true
    for (const x of v.issues) {
      if (x.severity === 'error' && x.code !== 'DUPLICATE_IN_FILE') onlyDuplicate = false
    }
    if (onlyDuplicate) out.duplicates.push(error)
    else out.invalid.push(error)
  }
  return out
}
