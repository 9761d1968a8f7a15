import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import sea from 'node:sea'
import type { NativeBinding } from '../db/open.ts'
import type { AssetSource } from '../spa.ts'

/** What the program runs with: in the single binary, the SPA and the SQLite addon it carries. */
export interface Runtime {
  assets?: AssetSource
  nativeBinding?: NativeBinding
}

/** Asset names inside the binary (written by scripts/build-binary.mjs). */
export const SEA_ASSETS = {
  addon: 'better_sqlite3.node',
  webIndex: 'web-files.json',
  webPrefix: 'web:',
} as const

/**
 * Inside the single binary: the embedded SPA as an {@link AssetSource} and the embedded
 * better-sqlite3 addon, loaded; elsewhere: nothing (the workspace's files are used).
 */
export function loadRuntime(): Runtime {
  if (!sea.isSea()) return {}
  const files = new Set(JSON.parse(sea.getAsset(SEA_ASSETS.webIndex, 'utf8')) as string[])
  const cache = new Map<string, Uint8Array>()
  const assets: AssetSource = (path) => {
    if (!files.has(path)) return null
    let bytes = cache.get(path)
    if (!bytes) {
      bytes = new Uint8Array(sea.getAsset(SEA_ASSETS.webPrefix + path))
      cache.set(path, bytes)
    }
    return bytes
  }
  return { assets, nativeBinding: loadEmbeddedAddon() }
}

/**
 * A native addon can only be loaded from a file: write it to a fresh private temp folder,
 * `dlopen` it, then delete the folder (the loaded library stays mapped).
 */
function loadEmbeddedAddon(): object {
  const dir = mkdtempSync(join(tmpdir(), 'leadport-'))
  try {
    const file = join(dir, SEA_ASSETS.addon)
    writeFileSync(file, new Uint8Array(sea.getAsset(SEA_ASSETS.addon)), { mode: 0o500 })
    const module = { exports: {} }
    process.dlopen(module, file)
    return module.exports
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
