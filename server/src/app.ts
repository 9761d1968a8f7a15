import type { ErrorBody } from '@leadport/shared'
import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { HTTPException } from 'hono/http-exception'
import { AppError } from './app-error.ts'
import { type BucketLimit, RateLimiter } from './auth/rate-limit.ts'
import type { Db } from './db/open.ts'
import { systemClock } from './dialer/provider.ts'
import { type Auth, authenticate, type Security } from './http/authenticate.ts'
import { securityHeaders } from './http/security-headers.ts'
import { createIngest, type Ingest } from './ingest/index.ts'
import type { MailConfig } from './mail/read-mail-config.ts'
import { apiKeyRoutes } from './routes/api-keys/index.ts'
import { assistantRoutes } from './routes/assistants/index.ts'
import { authRoutes } from './routes/auth/index.ts'
import { createCampaignCallRoutes, leadCallRoutes } from './routes/calls/campaign-calls.ts'
import { type CallRouteDeps, createCallRoutes } from './routes/calls/index.ts'
import { campaignRoutes } from './routes/campaigns/index.ts'
import { doNotCallRoutes } from './routes/do-not-call/index.ts'
import { docsRoutes } from './routes/docs/index.ts'
import { healthRoutes } from './routes/health/index.ts'
import { createFileImports, type FileImports } from './routes/imports/import-file.ts'
import { importFileRoutes } from './routes/imports/import-file-route.ts'
import { importRoutes } from './routes/imports/index.ts'
import { outboxRoutes } from './routes/outbox/index.ts'
import { phoneNumberRoutes } from './routes/phone-numbers/index.ts'
import { userRoutes } from './routes/users/index.ts'
import { type AssetSource, serveSpa } from './spa.ts'

/** Largest body of `POST /api/campaigns/{id}/leads` (10,000 leads with variables). */
export const LEADS_BODY_LIMIT = 16 * 1024 * 1024
/** Paths whose bodies may reach {@link LEADS_BODY_LIMIT}: posted leads and import chunks. */
const LARGE_BODY = /\/leads$|\/chunks\/\d+$/
/** The background file import's path. */
const FILE_PATH = /^\/api\/imports\/file$/
/** Largest whole file posted for a background import. */
export const FILE_BODY_LIMIT = 100 * 1024 * 1024
/** Largest body of any other API request. */
export const BODY_LIMIT = 1024 * 1024

/** What every handler can read from the context. */
export interface AppEnv {
  Variables: {
    db: Db
    version: string
    security: Security
    auth: Auth | null
    mail: MailConfig | undefined
    ingest: Ingest
  }
}

/** Security settings; every field has a default. */
export interface SecurityDeps {
  /** Believe `X-Forwarded-Proto`/`-Host` from a reverse proxy (`--trust-proxy`). */
  trustProxy?: boolean
  /** Session lifetime, renewed while in use; default 7 days. */
  sessionTtlMs?: number
  /** Per API key; default a burst of 120 and 20 a second. */
  apiKeyLimit?: BucketLimit
  /** Sign-in attempts per email; default 5, then one a minute. */
  loginLimit?: BucketLimit
  /** When set, first-run setup asks for it (printed at start). */
  setupCode?: string
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
  security?: SecurityDeps
  /** The call-events route: the webhook provider's signing secret and the clock. */
  calls?: CallRouteDeps
  /** SMTP settings; without them no email is sent. */
  mail?: MailConfig
  /** Chunk ingestion (its worker threads); made here when not given, preparing inline. */
  ingest?: Ingest
  /** Background file imports (their worker threads); made here when not given. */
  fileImports?: FileImports
  /** Runs the outbox sender now (after an admin retries a failed email). */
  wakeOutbox?: () => void
}

/**
 * Builds the whole HTTP app: API routes under `/api`, one `onError`, and the SPA with a fallback
 * to `index.html` for client-side routes.
 * @example const app = createApp({ db: openDatabase(':memory:'), version: '0.1.0' })
 */
export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>()
  const apiKeyLimit = deps.security?.apiKeyLimit ?? { burst: 120, perSecond: 20 }
  const security: Security = {
    trustProxy: deps.security?.trustProxy ?? false,
    sessionTtlMs: deps.security?.sessionTtlMs ?? 7 * 24 * 60 * 60 * 1000,
    apiKeyLimit,
    apiKeys: new RateLimiter(apiKeyLimit),
    logins: new RateLimiter(deps.security?.loginLimit ?? { burst: 5, perSecond: 1 / 60 }),
    setupCode: deps.security?.setupCode,
  }
  const fileImports =
    deps.fileImports ?? createFileImports({ mail: deps.mail, onUnexpected: deps.onUnexpected })
  const ingest = deps.ingest ?? createIngest(deps.db, { workers: 0 })
  const fileLimit = bodyLimit({ maxSize: FILE_BODY_LIMIT })
  const leadsLimit = bodyLimit({ maxSize: LEADS_BODY_LIMIT })
  const limit = bodyLimit({ maxSize: BODY_LIMIT })
  let requests = 0
  app.use(async (c, next) => {
    c.set('db', deps.db)
    c.set('version', deps.version)
    c.set('security', security)
    c.set('mail', deps.mail)
    c.set('ingest', ingest)
    const id = c.req.header('x-request-id')?.slice(0, 64) || `r${(++requests).toString(36)}`
    const start = performance.now()
    await next()
    c.header('x-request-id', id)
    deps.log?.(
      `${JSON.stringify({ id, method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - start) })}`,
    )
  })

  app.use(securityHeaders())

  const api = new Hono<AppEnv>()
    .use((c, next) =>
      (FILE_PATH.test(c.req.path) ? fileLimit : LARGE_BODY.test(c.req.path) ? leadsLimit : limit)(
        c,
        next,
      ),
    )
    .use(authenticate())
    .route('/health', healthRoutes)
    .route('/auth', authRoutes)
    .route('/users', userRoutes)
    .route('/api-keys', apiKeyRoutes)
    .route('/assistants', assistantRoutes)
    .route('/phone-numbers', phoneNumberRoutes)
    .route('/campaigns', campaignRoutes)
    .route('/imports', importFileRoutes(fileImports))
    .route('/imports', importRoutes)
    .route('/outbox', outboxRoutes({ wake: deps.wakeOutbox }))
    .route('/calls', createCallRoutes(deps.calls ?? { secret: undefined, clock: systemClock }))
    .route('/campaigns', createCampaignCallRoutes(deps.calls?.clock))
    .route('/leads', leadCallRoutes)
    .route('/do-not-call', doNotCallRoutes)
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
    return c.json(body, status, err instanceof AppError ? err.headers : {})
  })
  app.notFound((c) =>
    c.json<ErrorBody>({ error: { code: 'NOT_FOUND', message: `Nothing at ${c.req.path}.` } }, 404),
  )
  return app
}

/** The app's type, for typed clients. */
export type App = ReturnType<typeof createApp>
