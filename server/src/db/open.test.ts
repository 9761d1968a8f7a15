import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { MIGRATIONS } from './migrations.ts'
import { openDatabase } from './open.ts'

let dir: string
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('openDatabase', () => {
  it('keeps WAL and synchronous=FULL after a re-open (the build defaults WAL to NORMAL)', () => {
    dir = mkdtempSync(join(tmpdir(), 'leadport-db-'))
    const file = join(dir, 'leadport.db')
    openDatabase(file).close()
    // Control: a plain re-open of the same WAL file drops to NORMAL (1)...
    const plain = new Database(file)
    expect(plain.pragma('synchronous', { simple: true })).toBe(1)
    plain.close()
    // ...while ours sets every pragma again.
    const db = openDatabase(file)
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('synchronous', { simple: true })).toBe(2)
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000)
    // 128 MB of WAL between checkpoints, counted in this file's 64 KiB pages.
    expect(db.pragma('page_size', { simple: true })).toBe(65536)
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(2048)
    expect(db.pragma('cache_size', { simple: true })).toBe(-65536)
    db.close()
  })

  it('keeps the page size of an existing file (4 KiB made elsewhere), checkpointing by bytes', () => {
    dir = mkdtempSync(join(tmpdir(), 'leadport-db-'))
    const file = join(dir, 'old.db')
    const old = new Database(file)
    old.exec('CREATE TABLE t (x)')
    old.close()
    const db = openDatabase(file)
    expect(db.pragma('page_size', { simple: true })).toBe(4096)
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(32768)
    db.close()
  })

  it('applies each migration once and records the version', () => {
    dir = mkdtempSync(join(tmpdir(), 'leadport-db-'))
    const file = join(dir, 'leadport.db')
    const db = openDatabase(file)
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length)
    db.prepare('INSERT INTO campaigns (name) VALUES (?)').run('kept')
    db.close()
    const again = openDatabase(file)
    expect(again.prepare('SELECT id, name FROM campaigns').all()).toEqual([
      { id: 1000, name: 'kept' },
    ])
    again.close()
  })

  it('refuses a database written by a newer version instead of touching it', () => {
    dir = mkdtempSync(join(tmpdir(), 'leadport-db-'))
    const file = join(dir, 'leadport.db')
    const raw = new Database(file)
    raw.pragma(`user_version = ${MIGRATIONS.length + 1}`)
    raw.close()
    expect(() => openDatabase(file)).toThrow(/newer than this program/)
  })
})
