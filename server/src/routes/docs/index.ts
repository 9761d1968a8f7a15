import { Hono } from 'hono'
import type { AppEnv } from '../../app.ts'
import { buildOpenApi } from './openapi.ts'
import { DOCS_HTML, DOCS_JS } from './page.ts'

let cached: { version: string; doc: object } | undefined

/** `GET /api/openapi.json` and the self-contained docs page at `/api/docs` (no CDN). */
export const docsRoutes = new Hono<AppEnv>()
  .get('/openapi.json', (c) => {
    const version = c.get('version')
    if (cached?.version !== version) cached = { version, doc: buildOpenApi(version) }
    return c.json(cached.doc)
  })
  .get('/docs', (c) =>
    c.body(DOCS_HTML, 200, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': "default-src 'self'; style-src 'self' 'unsafe-inline'",
    }),
  )
  .get('/docs/docs.js', (c) =>
    c.body(DOCS_JS, 200, { 'content-type': 'text/javascript; charset=utf-8' }),
  )
