import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import {
  importFilePath,
  keepUpload,
  newUploadPath,
  sweepImportFiles,
  writeUploadPart,
} from './import-file-disk.ts'

let dir: string
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('the kept files of background imports', () => {
  it('writes an upload, keeps it under the import id, and sweeps what is no longer owned', async () => {
    dir = join(mkdtempSync(join(tmpdir(), 'leadport-disk-')), 'imports')
    const part = newUploadPath(dir)
    expect(part).toMatch(/upload-[0-9a-f]{16}\.part$/)
    await writeUploadPart(part, new TextEncoder().encode('Name,Phone\n'))
    await keepUpload(part, importFilePath(dir, 7, 'csv'))
    // An upload being read right now is not a leftover.
    const busy = newUploadPath(dir)
    await writeUploadPart(busy, new Uint8Array([1]))
    writeFileSync(importFilePath(dir, 8, 'xlsx'), 'done')
    writeFileSync(join(dir, 'upload-0123456789abcdef.part'), 'crashed mid-read')
    writeFileSync(join(dir, 'notes.txt.bak'), 'not ours')
    const gone = await sweepImportFiles(dir, (id) => id === 7, new Set([busy]))
    expect(gone.sort()).toEqual(['8.xlsx', 'upload-0123456789abcdef.part'])
    expect(readdirSync(dir).sort()).toEqual(
      ['7.csv', 'notes.txt.bak', busy.slice(dir.length + 1)].sort(),
    )
    expect(await sweepImportFiles(join(dir, 'missing'), () => false)).toEqual([])
  })
})
