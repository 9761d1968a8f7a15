import type { Assistant, AssistantVariable } from '@leadport/shared'
import type { Db } from './open.ts'

interface AssistantRow extends Omit<Assistant, 'variables'> {
  variables: string
}

const COLUMNS = 'id, name, variables, script, time_zone, created_at, updated_at'

function toAssistant(row: AssistantRow): Assistant {
  return { ...row, variables: JSON.parse(row.variables) as Assistant['variables'] }
}

/** The stored fields of an assistant. */
export interface AssistantFields {
  name: string
  variables: AssistantVariable[]
  script: string
  time_zone: string
}

/** Inserts an assistant and returns it. */
export function insertAssistant(db: Db, a: AssistantFields): Assistant {
  const row = db
    .prepare(
      `INSERT INTO assistants (name, variables, script, time_zone) VALUES (?, ?, ?, ?)
       RETURNING ${COLUMNS}`,
    )
    .get(a.name, JSON.stringify(a.variables), a.script, a.time_zone) as AssistantRow
  return toAssistant(row)
}

/** One assistant, or `undefined`. */
export function getAssistant(db: Db, id: number): Assistant | undefined {
  const row = db.prepare(`SELECT ${COLUMNS} FROM assistants WHERE id = ?`).get(id) as
    | AssistantRow
    | undefined
  return row && toAssistant(row)
}

/** Every assistant, by name. */
export function listAssistants(db: Db): Assistant[] {
  const rows = db
    .prepare(`SELECT ${COLUMNS} FROM assistants ORDER BY name COLLATE NOCASE, id`)
    .all() as AssistantRow[]
  return rows.map(toAssistant)
}

/** Replaces an assistant's fields and returns it, or `undefined` when it does not exist. */
export function updateAssistant(db: Db, id: number, a: AssistantFields): Assistant | undefined {
  const row = db
    .prepare(
      `UPDATE assistants SET name = ?, variables = ?, script = ?, time_zone = ?,
         updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
       WHERE id = ? RETURNING ${COLUMNS}`,
    )
    .get(a.name, JSON.stringify(a.variables), a.script, a.time_zone, id) as AssistantRow | undefined
  return row && toAssistant(row)
}
