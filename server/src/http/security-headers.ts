import type { MiddlewareHandler } from 'hono'
import { secureHeaders } from 'hono/secure-headers'

/** The app's Content-Security-Policy: no inline scripts or styles, nothing from elsewhere. */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ')

const standard = secureHeaders({
  contentSecurityPolicy: undefined,
  crossOriginEmbedderPolicy: false,
})

/**
 * Security headers on every answer (nosniff, frame denial, no referrer, HSTS, COOP/CORP) and
 * {@link CSP} unless a route set a stricter-scoped one of its own (the docs page).
 */
export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await standard(c, async () => {
      await next()
      if (!c.res.headers.has('content-security-policy'))
        c.res.headers.set('content-security-policy', CSP)
    })
  }
}
