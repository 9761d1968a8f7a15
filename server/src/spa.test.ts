import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createApp } from './app.ts'
import { openDatabase } from './db/open.ts'
import { insertUser } from './db/users.ts'
import { CSP } from './http/security-headers.ts'
import { assetsFromDir } from './spa.ts'
import { type Json, seedSession } from './test/temp-db.ts'

const dir = mkdtempSync(join(tmpdir(), 'leadport-spa-'))
mkdirSync(join(dir, 'assets'))
writeFileSync(join(dir, 'index.html'), '<!doctype html><div id="root"></div>')
writeFileSync(join(dir, 'assets', 'app-1234.js'), 'console.log(1)')
writeFileSync(join(dir, 'favicon.svg'), '<svg/>')
writeFileSync(join(tmpdir(), 'leadport-spa-secret.txt'), 'secret')
const db = openDatabase(':memory:')
const app = createApp({ db, version: 'test', assets: assetsFromDir(dir) })
afterAll(() => {
  db.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('SPA serving', () => {
  it('serves index.html for client routes, so /campaigns/1050 can be reloaded', async () => {
    for (const path of ['/', '/campaigns/1050', '/assistants']) {
      const res = await app.request(path)
      expect(res.status, path).toBe(200)
      expect(res.headers.get('content-type')).toContain('text/html')
      expect(await res.text()).toContain('id="root"')
    }
  })

  it('serves hashed assets with a long cache and other files with revalidation', async () => {
    const js = await app.request('/assets/app-1234.js')
    expect(js.headers.get('content-type')).toContain('javascript')
    expect(js.headers.get('cache-control')).toContain('immutable')
    const icon = await app.request('/favicon.svg')
    expect(icon.headers.get('cache-control')).toBe('no-cache')
  })

  it('answers 404 for a missing asset rather than HTML', async () => {
    const res = await app.request('/assets/gone-9999.js')
    expect(res.status).toBe(404)
  })

  it('never serves a file outside the build folder', async () => {
    for (const path of [
      '/../leadport-spa-secret.txt',
      '/%2e%2e/leadport-spa-secret.txt',
      '/%E0%A4%A',
    ]) {
      const res = await app.request(path)
      expect(await res.text(), path).not.toContain('secret')
    }
  })

  it('keeps API answers as JSON: 401 before sign-in, 404 after', async () => {
    const anonymous = await app.request('/api/missing')
    expect(anonymous.status).toBe(401)
    expect(((await anonymous.json()) as Json).error.code).toBe('UNAUTHORIZED')
    const user = insertUser(db, {
      email: 'a@example.com',
      name: '',
      role: 'admin',
      passwordHash: 'x',
    })
    const res = await app.request('/api/missing', {
      headers: { cookie: seedSession(db, user?.id ?? 0) },
    })
    expect(res.status).toBe(404)
    expect(((await res.json()) as Json).error.code).toBe('NOT_FOUND')
  })

  it('sends the CSP and security headers with the SPA', async () => {
    const res = await app.request('/campaigns/1050')
    expect(res.headers.get('content-security-policy')).toBe(CSP)
    expect(res.headers.get('content-security-policy')).not.toContain('unsafe-inline')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN')
    expect(res.headers.get('referrer-policy')).toBe('no-referrer')
  })
})
