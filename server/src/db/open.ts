import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import { MIGRATIONS } from './migrations.ts'

/** The database handle every `db/*` function takes first. */
export type Db = Database.Database

/** better-sqlite3's native addon: a path to the `.node` file, or the loaded addon's exports. */
export type NativeBinding = string | object

/** Page size of a new database file. */
export const PAGE_SIZE = 65_536
/** WAL size that triggers a checkpoint (in pages of the file's size). */
export const WAL_CHECKPOINT_BYTES = 128 * 1024 * 1024

/** Options for {@link openDatabase}. */
export interface OpenOptions {
  /** better-sqlite3's native addon, for the single binary; default: resolved by the package. */
  nativeBinding?: NativeBinding
}

/**
 * Opens (creating if needed) the SQLite file, sets the pragmas explicitly on every open and
 * applies pending migrations.
 * `synchronous=FULL` is set each time because a WAL database re-opens with NORMAL in this
 * build (SQLITE_DEFAULT_WAL_SYNCHRONOUS=1), and we acknowledge chunks clients won't resend.
 * @example const db = openDatabase('./data/leadport.db')
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true })
  const db = new Database(
    file,
    // The types say string, but better-sqlite3 also takes the loaded addon (issue #972).
    options.nativeBinding ? { nativeBinding: options.nativeBinding as string } : {},
  )
  // 64 KiB pages (a new file only; an existing one keeps its size): imports insert into the
  // unique number index at random, and bigger pages make that tree shallower and its splits
  // rarer — about twice the rows a second against 4 KiB (server/bench/INGEST-NOTES.md). Must
  // come before WAL mode, which writes the header.
  db.pragma(`page_size = ${PAGE_SIZE}`)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
  // Imports insert in random index order: with the default 1,000-page WAL checkpoint nearly
  // every chunk commit also checkpointed, and the default 2 MB cache stops holding the unique
  // index long before a million leads (server/bench/INGEST-NOTES.md).
  const pageSize = db.pragma('page_size', { simple: true }) as number
  db.pragma(`wal_autocheckpoint = ${Math.ceil(WAL_CHECKPOINT_BYTES / pageSize)}`)
  db.pragma('cache_size = -65536')
  db.pragma('temp_store = MEMORY')
  migrate(db)
  return db
}

/** Applies the migrations above the file's `user_version`, each in its own transaction. */
export function migrate(db: Db): number {
  const current = db.pragma('user_version', { simple: true }) as number
  if (current > MIGRATIONS.length) {
    throw new Error(
      `The database is at schema version ${current}, newer than this program (${MIGRATIONS.length}). Run a newer Leadport.`,
    )
  }
  for (let v = current; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v] as string)
      db.pragma(`user_version = ${v + 1}`)
    }).immediate()
  }
  return MIGRATIONS.length
}
