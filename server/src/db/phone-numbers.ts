import type { PhoneNumber } from '@leadport/shared'
import type { Db } from './open.ts'

const COLUMNS = 'id, phone_e164, label, created_at'

/** Inserts a caller number; `null` when that number is already stored. */
export function insertPhoneNumber(db: Db, phoneE164: string, label: string): PhoneNumber | null {
  return (
    (db
      .prepare(
        `INSERT INTO phone_numbers (phone_e164, label) VALUES (?, ?)
         ON CONFLICT (phone_e164) DO NOTHING RETURNING ${COLUMNS}`,
      )
      .get(phoneE164, label) as PhoneNumber | undefined) ?? null
  )
}

/** One caller number, or `undefined`. */
export function getPhoneNumber(db: Db, id: number): PhoneNumber | undefined {
  return db.prepare(`SELECT ${COLUMNS} FROM phone_numbers WHERE id = ?`).get(id) as
    | PhoneNumber
    | undefined
}

/** The stored number with this E.164, or `undefined`. */
export function findPhoneNumber(db: Db, phoneE164: string): PhoneNumber | undefined {
  return db.prepare(`SELECT ${COLUMNS} FROM phone_numbers WHERE phone_e164 = ?`).get(phoneE164) as
    | PhoneNumber
    | undefined
}

/** Every caller number, in the order they were added. */
export function listPhoneNumbers(db: Db): PhoneNumber[] {
  return db.prepare(`SELECT ${COLUMNS} FROM phone_numbers ORDER BY id`).all() as PhoneNumber[]
}

/** Sets a number's label; `undefined` when it does not exist. */
export function updatePhoneNumberLabel(db: Db, id: number, label: string): PhoneNumber | undefined {
  return db
    .prepare(`UPDATE phone_numbers SET label = ? WHERE id = ? RETURNING ${COLUMNS}`)
    .get(label, id) as PhoneNumber | undefined
}

/** The ids among `ids` that name no stored number. */
export function findUnknownPhoneNumberIds(db: Db, ids: readonly number[]): number[] {
  const stmt = db.prepare('SELECT 1 FROM phone_numbers WHERE id = ?').pluck()
  return ids.filter((id) => stmt.get(id) === undefined)
}
