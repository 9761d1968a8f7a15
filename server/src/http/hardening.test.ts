import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { BODY_LIMIT } from '../app.ts'
import { seedCampaign } from '../test/fixtures.ts'
import { type Json, tempApp } from '../test/temp-db.ts'

let t: ReturnType<typeof tempApp>
beforeEach(() => {
  t = tempApp()
})
afterEach(() => t.cleanup())

/** Hostile lead-file content (PRODUCT.md, LIBRARY-FACTS §3). */
const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '=HYPERLINK("http://evil.example","click")',
  "+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  '-2+3',
  'line one\r\nline two',
  "'); DROP TABLE leads;--",
]

describe('hardening', () => {
  it('sends security headers and a CSP without inline scripts on API answers', async () => {
    const res = await t.app.request('/api/campaigns')
    const csp = res.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("script-src 'self'")
    expect(csp).not.toContain('unsafe-inline')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it('accepts JSON only, and refuses bodies over the limit with 413', async () => {
    const form = await t.app.request('/api/campaigns', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'name=x',
    })
    expect(form.status).toBe(415)
    const big = await t.json('POST', '/api/campaigns', { name: 'x'.repeat(BODY_LIMIT) })
    expect(big.status).toBe(413)
    expect(((await big.json()) as Json).error.code).toBe('PAYLOAD_TOO_LARGE')
  })

  it('stores hostile lead values verbatim and returns them as JSON strings, never markup', async () => {
    const { id } = await seedCampaign(t)
    const leads = HOSTILE.map((v, i) => ({
      phone_number: `+1213373425${i}`,
      variables: { customer_name: v, company: v },
    }))
    const res = await t.json('POST', `/api/campaigns/${id}/leads`, { leads })
    expect(res.status).toBe(200)
    const page = await t.app.request(`/api/campaigns/${id}/leads`)
    expect(page.headers.get('content-type')).toContain('application/json')
    const items = ((await page.json()) as Json).items
    expect(items.map((l: Json) => l.variables.customer_name)).toEqual(HOSTILE)
    expect((t.db.prepare('SELECT count(*) AS n FROM leads').get() as Json).n).toBe(HOSTILE.length)
    // A 1 MB value is refused by the schema (10,000 characters at most), naming where.
    const huge = await t.json('POST', `/api/campaigns/${id}/leads`, {
      phone_number: '+12133734299',
      variables: { customer_name: 'x'.repeat(1024 * 1024) },
    })
    expect(huge.status).toBe(400)
    expect(((await huge.json()) as Json).error.message).toContain('variables.customer_name')
  })
})
