import { renameSync, rmSync } from 'node:fs'
import Database from 'better-sqlite3'
import type { NativeBinding } from './open.ts'

/** What a backup wrote. */
export interface BackupResult {
  file: string
  pages: number
  bytes: number
}

function open(file: string, nativeBinding: NativeBinding | undefined, fileMustExist: boolean) {
  return new Database(file, {
    fileMustExist,
    ...(nativeBinding ? { nativeBinding: nativeBinding as string } : {}),
  })
}

/**
 * Copies a live database consistently into `target` with `VACUUM INTO`: one read transaction,
 * so the copy is a snapshot of committed transactions (a whole chunk or none of it) and running
 * writers are never blocked (WAL). The copy is checked (`integrity_check`) under a temporary
 * name, then renamed into place, so `target` is never a half-written file.
 * @example await backupDatabase('./data/leadport.db', '/backups/leadport-2025-06-01.db')
 */
export function backupDatabase(
  source: string,
  target: string,
  nativeBinding?: NativeBinding,
): BackupResult {
  const partial = `${target}.partial-${process.pid}`
  rmSync(partial, { force: true })
  const db = open(source, nativeBinding, true)
  try {
    db.pragma('busy_timeout = 5000')
    db.prepare('VACUUM INTO ?').run(partial)
  } finally {
    db.close()
  }
  let pages: number
  let bytes: number
  const copy = open(partial, nativeBinding, true)
  try {
    const check = copy.pragma('integrity_check', { simple: true })
    if (check !== 'ok') throw new Error(`The copy failed its integrity check: ${String(check)}`)
    pages = copy.pragma('page_count', { simple: true }) as number
    bytes = pages * (copy.pragma('page_size', { simple: true }) as number)
  } catch (err) {
    copy.close()
    rmSync(partial, { force: true })
    throw err
  }
  copy.close()
  renameSync(partial, target)
  return { file: target, pages, bytes }
}
