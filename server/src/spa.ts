import { readFileSync, statSync } from 'node:fs'
import { extname, join, normalize, sep } from 'node:path'
import type { MiddlewareHandler } from 'hono'

/** Reads a file of the built SPA by its URL path, or `null`. Lets the binary embed the files. */
export type AssetSource = (path: string) => Uint8Array | null

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
}

/** Assets from a directory on disk (the `web/dist` build); paths can't leave it. */
export function assetsFromDir(dir: string): AssetSource {
  const root = normalize(dir) + sep
  return (path) => {
    const file = normalize(join(root, path))
    if (!file.startsWith(root)) return null
    try {
      if (!statSync(file).isFile()) return null
      return readFileSync(file)
    } catch {
      return null
    }
  }
}

/**
 * Serves the SPA: a real file when the path names one (hashed assets cached for a year),
 * otherwise `index.html`, so `/campaigns/1050` loads the app and its router takes over.
 */
export function serveSpa(assets: AssetSource): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.path.startsWith('/api/')) return next()
    let path: string
    try {
      path = decodeURIComponent(c.req.path)
    } catch {
      return next()
    }
    const file = path !== '/' ? assets(path) : null
    if (file) {
      const immutable = path.startsWith('/assets/')
      return c.body(file as Uint8Array<ArrayBuffer>, 200, {
        'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
        'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      })
    }
    if (extname(path) !== '' && path.startsWith('/assets/')) return next()
    const index = assets('/index.html')
    if (!index) return next()
    return c.body(index as Uint8Array<ArrayBuffer>, 200, {
      'content-type': TYPES['.html'] as string,
      'cache-control': 'no-cache',
    })
  }
}
