import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createApp } from '../app.ts'
import { type Db, openDatabase } from '../db/open.ts'

/** A fresh SQLite file in a temp folder, with an app on it; `cleanup()` removes both. */
export function tempApp() {
  const dir = mkdtempSync(join(tmpdir(), 'leadport-test-'))
  const file = join(dir, 'leadport.db')
  const db: Db = openDatabase(file)
  const app = createApp({ db, version: 'test' })
  return {
    dir,
    file,
    db,
    app,
    /** `app.request` with a JSON body. */
    json(method: string, path: string, body: unknown) {
      return app.request(path, {
        method,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
    },
    cleanup() {
      db.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** A parsed JSON response body, loosely typed so tests can assert on any shape. */
// biome-ignore lint/suspicious/noExplicitAny: assertions check the shape at run time
export type Json = any
