import type { ErrorBody } from '@leadport/shared'
import { Hono } from 'hono'
import type { AppEnv } from '../../app.ts'
import { AppError } from '../../app-error.ts'
import { RateLimiter } from '../../auth/rate-limit.ts'
import { authenticate, type Security } from '../../http/authenticate.ts'
import { tempMailApp } from '../../mail/temp-mail-app.ts'
import { ORIGIN } from '../../test/temp-db.ts'
import { createFileImports, type FileImportDeps } from './import-file.ts'
import { importFileRoutes } from './import-file-route.ts'

/**
 * The real app (with the outbox table) plus `POST /api/imports/file` in front of it, mounted the
 * way app.ts will mount it; other paths go to the real app. For tests.
 */
export function tempFileImportApp(deps: FileImportDeps = {}) {
  const t = tempMailApp()
  const imports = createFileImports(deps)
  const limit = { burst: 1e6, perSecond: 1e6 }
  const security: Security = {
    trustProxy: false,
    sessionTtlMs: 3_600_000,
    apiKeyLimit: limit,
    apiKeys: new RateLimiter(limit),
    logins: new RateLimiter(limit),
    setupCode: undefined,
  }
  const front = new Hono<AppEnv>()
  front.use('/api/imports/file', async (c, next) => {
    c.set('db', t.db)
    c.set('security', security)
    await next()
  })
  front.use('/api/imports/file', authenticate())
  front.route('/api/imports', importFileRoutes(imports))
  front.all('*', (c) => t.raw.fetch(c.req.raw))
  front.onError((err, c) => {
    if (!(err instanceof AppError)) throw err
    return c.json<ErrorBody>({ error: { code: err.code, message: err.message } }, err.status)
  })
  return {
    ...t,
    imports,
    /** Posts a file as the signed-in admin's browser (or with the API key). */
    postFile(name: string, content: string | Uint8Array, options: unknown, apiKey = false) {
      const form = new FormData()
      form.set('file', new File([content as BlobPart], name))
      if (options !== undefined) form.set('options', JSON.stringify(options))
      const headers: Record<string, string> = apiKey
        ? { authorization: `Bearer ${t.key}` }
        : { cookie: t.cookie, origin: ORIGIN }
      return front.request('/api/imports/file', { method: 'POST', headers, body: form })
    },
    /** A GET as the admin. */
    get: (path: string) => front.request(path, { headers: { cookie: t.cookie } }),
    async cleanup() {
      await imports.stop()
      t.cleanup()
    },
  }
}
