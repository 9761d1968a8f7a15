import type { Db } from './open.ts'

/** One skipped row of an import: where it was in the file, its raw cells and why. */
export interface ImportErrorRow {
  row_number: number
  cells: readonly unknown[]
  /** The cells already as JSON text (then `cells` is not read). */
  cellsJson?: string
  codes: readonly string[]
  messages: readonly string[]
}

/** Stores skipped rows; call inside the chunk's transaction. */
export function insertImportErrors(
  db: Db,
  importId: number,
  rows: readonly ImportErrorRow[],
): void {
  if (rows.length === 0) return
  const insert = db.prepare(
    'INSERT INTO import_errors (import_id, row_number, cells, codes, messages) VALUES (?, ?, ?, ?, ?)',
  )
  for (const r of rows) {
    insert.run(
      importId,
      r.row_number,
      r.cellsJson ?? JSON.stringify(r.cells),
      JSON.stringify(r.codes),
      JSON.stringify(r.messages),
    )
  }
}

/** An import's skipped rows in file order, read lazily (a report may hold a million). */
export function* iterateImportErrors(db: Db, importId: number): Generator<ImportErrorRow> {
  const rows = db
    .prepare(
      `SELECT row_number, cells, codes, messages FROM import_errors
       WHERE import_id = ? ORDER BY row_number, id`,
    )
    .iterate(importId) as IterableIterator<{
    row_number: number
    cells: string
    codes: string
    messages: string
  }>
  for (const r of rows) {
    yield {
      row_number: r.row_number,
      cells: JSON.parse(r.cells) as unknown[],
      codes: JSON.parse(r.codes) as string[],
      messages: JSON.parse(r.messages) as string[],
    }
  }
}

/** How many skipped rows an import has stored. */
export function countImportErrors(db: Db, importId: number): number {
  return db
    .prepare('SELECT count(*) FROM import_errors WHERE import_id = ?')
    .pluck()
    .get(importId) as number
}
