import type { ErrorBody } from '@leadport/shared'
import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { AppError } from './app-error.ts'
import type { Db } from './db/open.ts'
import { assistantRoutes } from './routes/assistants/index.ts'
import { campaignRoutes } from './routes/campaigns/index.ts'
import { docsRoutes } from './routes/docs/index.ts'
import { healthRoutes } from './routes/health/index.ts'
import { phoneNumberRoutes } from './routes/phone-numbers/index.ts'
import { type AssetSource, serveSpa } from './spa.ts'

/** What every handler can read from the context. */
export interface AppEnv {
  Variables: { db: Db; version: string }
}

/** Everything {@link createApp} needs; nothing global. */
export interface AppDeps {
  db: Db
  version: string
  /** The built SPA; without it, non-API paths answer 404. */
  assets?: AssetSource
  /** Called with unexpected errors (logging). */
  onUnexpected?: (err: unknown) => void
  /** Receives one line per request (method, path, status, ms, request id). */
  log?: (line: string) => void
}

/**
 * Builds the whole HTTP app: API routes under `/api`, one `onError`, and the SPA with a fallback
 * to `index.html` for client-side routes.
 * @example const app = createApp({ db: openDatabase(':memory:'), version: '0.1.0' })
 */
export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>()
  let requests = 0
  app.use(async (c, next) => {
    c.set('db', deps.db)
    c.set('version', deps.version)
    const id = c.req.header('x-request-id')?.slice(0, 64) || `r${(++requests).toString(36)}`
    const start = performance.now()
    await next()
    c.header('x-request-id', id)
    deps.log?.(
      `${JSON.stringify({ id, method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - start) })}`,
    )
  })

  const api = new Hono<AppEnv>()
    .route('/health', healthRoutes)
    .route('/assistants', assistantRoutes)
    .route('/phone-numbers', phoneNumberRoutes)
    .route('/campaigns', campaignRoutes)
    .route('/', docsRoutes)
  api.all('*', (c) => {
    throw new AppError('NOT_FOUND', `No API route ${c.req.method} ${c.req.path}.`)
  })
  app.route('/api', api)
  if (deps.assets) app.get('*', serveSpa(deps.assets))

  app.onError((err, c) => {
    let body: ErrorBody
    let status: AppError['status']
    if (err instanceof AppError) {
      body = { error: { code: err.code, message: err.message } }
      status = err.status
    } else if (err instanceof HTTPException && err.status === 413) {
      body = { error: { code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large.' } }
      status = 413
    } else {
      deps.onUnexpected?.(err)
      body = { error: { code: 'INTERNAL', message: 'Something went wrong on the server.' } }
      status = 500
    }
    return c.json(body, status)
  })
  app.notFound((c) =>
    c.json<ErrorBody>({ error: { code: 'NOT_FOUND', message: `Nothing at ${c.req.path}.` } }, 404),
  )
  return app
}

/** The app's type, for typed clients. */
export type App = ReturnType<typeof createApp>
