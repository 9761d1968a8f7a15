import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { getJson } from '../../test/fixtures.ts'
import { type Json, tempApp } from '../../test/temp-db.ts'

let t: ReturnType<typeof tempApp>
beforeEach(() => {
  t = tempApp()
})
afterEach(() => t.cleanup())

describe('caller numbers', () => {
  it('stores E.164 from international or national input, reads, lists and relabels', async () => {
    const res = await t.json('POST', '/api/phone-numbers', {
      phone_number: '0212 123 45 67',
      country: 'TR',
      label: ' Istanbul office ',
    })
    expect(res.status).toBe(201)
    const n = (await res.json()) as Json
    expect(n).toMatchObject({ phone_e164: '+902121234567', label: 'Istanbul office' })
    const us = (await (
      await t.json('POST', '/api/phone-numbers', { phone_number: '+1 213 373 4253' })
    ).json()) as Json
    expect(us).toMatchObject({ phone_e164: '+12133734253', label: '' })
    expect((await getJson(t, `/api/phone-numbers/${n.id}`)).body).toEqual(n)
    expect((await getJson(t, '/api/phone-numbers')).body.items.map((x: Json) => x.id)).toEqual([
      n.id,
      us.id,
    ])
    const patched = await t.json('PATCH', `/api/phone-numbers/${n.id}`, { label: 'HQ' })
    expect(((await patched.json()) as Json).label).toBe('HQ')
  })

  it('refuses an invalid number, an extension and a number stored already', async () => {
    const invalid = await t.json('POST', '/api/phone-numbers', { phone_number: '12345' })
    expect(invalid.status).toBe(400)
    expect(((await invalid.json()) as Json).error.message).toContain('"12345"')
    const ext = await t.json('POST', '/api/phone-numbers', { phone_number: '+12133734253 x12' })
    expect(ext.status).toBe(400)
    expect(((await ext.json()) as Json).error.message).toContain('without an extension')
    await t.json('POST', '/api/phone-numbers', { phone_number: '+12133734253' })
    const again = await t.json('POST', '/api/phone-numbers', { phone_number: '001 213 373 4253' })
    expect(again.status).toBe(409)
    expect(((await again.json()) as Json).error.message).toContain('+12133734253 is already')
    expect((await getJson(t, '/api/phone-numbers')).body.items).toHaveLength(1)
  })

  it('answers 404 for an unknown number and 400 for a bad label', async () => {
    expect((await getJson(t, '/api/phone-numbers/9')).status).toBe(404)
    expect((await t.json('PATCH', '/api/phone-numbers/9', { label: 'x' })).status).toBe(404)
    const n = (await (
      await t.json('POST', '/api/phone-numbers', { phone_number: '+12133734253' })
    ).json()) as Json
    const long = await t.json('PATCH', `/api/phone-numbers/${n.id}`, { label: 'x'.repeat(101) })
    expect(long.status).toBe(400)
  })
})
