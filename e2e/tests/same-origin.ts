import type { Page } from '@playwright/test'

/**
 * Headers for `page.request` writes: it carries the session cookie but, unlike the page's own
 * fetches, no `Origin`, which the server's CSRF check asks of cookie-authenticated writes.
 */
export function sameOrigin(page: Page): Record<string, string> {
  return { origin: new URL(page.url()).origin }
}
