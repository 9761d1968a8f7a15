import { randomBytes } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { mkdir, open, readdir, rename, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import type { Db } from '../../db/open.ts'

// The files of background imports live in `<data>/imports/` next to the SQLite file, as
// `<import id>.<kind>`, from before the import is acknowledged until it completes; an upload
// being read is `upload-<random>.part` until its import exists.

let memoryDir: string | undefined

/**
 * The folder of background-import files for this database: `imports/` next to its file, or a
 * private temp folder for an in-memory database (nothing to resume there anyway).
 * @example importFilesDir(db) // '/srv/leadport/imports'
 */
export function importFilesDir(db: Db): string {
  if (db.memory || db.name === '' || db.name === ':memory:') {
    memoryDir ??= mkdtempSync(join(tmpdir(), 'leadport-imports-'))
    return memoryDir
  }
  return join(dirname(resolve(db.name)), 'imports')
}

/**
 * Where the file of import `id` is kept.
 * @example importFilePath('/srv/leadport/imports', 12, 'xlsx') // '/srv/leadport/imports/12.xlsx'
 */
export function importFilePath(dir: string, id: number, kind: string): string {
  return join(dir, `${id}.${kind}`)
}

async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/**
 * A new, unused name for an upload being read: `<dir>/upload-<random>.part`.
 * @example const part = newUploadPath(dir)
 */
export function newUploadPath(dir: string): string {
  return join(dir, `upload-${randomBytes(8).toString('hex')}.part`)
}

/**
 * Writes an upload to the `.part` file `part` (see {@link newUploadPath}) and flushes it to disk.
 * @example await writeUploadPart(part, bytes)
 */
export async function writeUploadPart(part: string, bytes: Uint8Array): Promise<void> {
  await mkdir(dirname(part), { recursive: true })
  const handle = await open(part, 'wx', 0o600)
  try {
    await handle.writeFile(bytes)
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/**
 * Renames an upload's `.part` file to the import's file and makes the rename durable.
 * @example await keepUpload(part, importFilePath(dir, 12, 'csv'))
 */
export async function keepUpload(part: string, file: string): Promise<void> {
  await rename(part, file)
  await syncDir(dirname(file))
}

/** Deletes a file, if it is there. */
export function removeFile(file: string): Promise<void> {
  return rm(file, { force: true })
}

/**
 * Deletes what a crash or a finished import left in `dir`: `.part` uploads (except the ones
 * being read now, `reading`) and files of imports the server no longer owns (completed, failed
 * or deleted). Returns the deleted names.
 * @example await sweepImportFiles(dir, (id) => ownsImportFile(db, id), new Set())
 */
export async function sweepImportFiles(
  dir: string,
  owned: (id: number) => boolean,
  reading: ReadonlySet<string> = new Set(),
): Promise<string[]> {
  let names: string[]
  try {
    names = await readdir(dir)
  } catch {
    return []
  }
  const gone: string[] = []
  for (const name of names) {
    const m = /^(\d+)\.[a-z]+$/.exec(name)
    const stray = name.endsWith('.part')
      ? !reading.has(join(dir, name))
      : m !== null && !owned(Number(m[1]))
    if (!stray) continue
    await removeFile(join(dir, name))
    gone.push(name)
  }
  return gone
}
