import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { getJson } from '../../test/fixtures.ts'
import { type Json, tempApp } from '../../test/temp-db.ts'

let t: ReturnType<typeof tempApp>
beforeEach(() => {
  t = tempApp()
})
afterEach(() => t.cleanup())

const ayla = {
  name: 'Ayla',
  variables: [
    { key: 'customer_name', label: 'Customer name', required: true },
    { key: 'company', label: 'Company', default: 'your company' },
  ],
  script: 'Merhaba {{customer_name}}, calling about {{ company }}.',
  time_zone: 'Europe/Istanbul',
}

describe('assistants', () => {
  it('creates, reads, lists and updates an assistant, filling defaults', async () => {
    const res = await t.json('POST', '/api/assistants', ayla)
    expect(res.status).toBe(201)
    const a = (await res.json()) as Json
    expect(a).toMatchObject({ name: 'Ayla', time_zone: 'Europe/Istanbul' })
    expect(a.variables[1]).toEqual({
      key: 'company',
      label: 'Company',
      default: 'your company',
      required: false,
    })
    expect((await getJson(t, `/api/assistants/${a.id}`)).body).toEqual(a)
    expect((await getJson(t, '/api/assistants')).body.items).toEqual([a])
    const bare = (await (await t.json('POST', '/api/assistants', { name: 'Bare' })).json()) as Json
    expect(bare).toMatchObject({ variables: [], script: '', time_zone: 'UTC' })

    const patched = await t.json('PATCH', `/api/assistants/${a.id}`, { name: 'Ayla 2' })
    expect(patched.status).toBe(200)
    expect((await patched.json()) as Json).toMatchObject({ name: 'Ayla 2', script: ayla.script })
  })

  it('refuses a script placeholder that is not a variable, also when patching either side', async () => {
    const bad = await t.json('POST', '/api/assistants', { ...ayla, script: 'Hi {{custmer_name}}' })
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as Json).error.message).toContain('{{custmer_name}}')
    const a = (await (await t.json('POST', '/api/assistants', ayla)).json()) as Json
    const dropVar = await t.json('PATCH', `/api/assistants/${a.id}`, { variables: [] })
    expect(dropVar.status).toBe(400)
    expect(((await dropVar.json()) as Json).error.message).toContain('{{customer_name}}')
    const badScript = await t.json('PATCH', `/api/assistants/${a.id}`, { script: '{{nope}}' })
    expect(badScript.status).toBe(400)
    expect((await getJson(t, `/api/assistants/${a.id}`)).body.script).toBe(ayla.script)
  })

  it('refuses duplicate keys, bad keys, an unknown time zone and unknown fields', async () => {
    const cases = [
      { ...ayla, variables: [ayla.variables[0], ayla.variables[0]] },
      { ...ayla, variables: [{ key: 'Customer Name', label: 'x' }], script: '' },
      { ...ayla, time_zone: 'Mars/Olympus' },
      { ...ayla, admin: true },
      { ...ayla, name: ' ' },
    ]
    const messages = []
    for (const body of cases) {
      const res = await t.json('POST', '/api/assistants', body)
      expect(res.status, JSON.stringify(body)).toBe(400)
      messages.push(((await res.json()) as Json).error.message)
    }
    expect(messages[0]).toContain('used twice')
    expect(messages[1]).toContain('lower-case')
    expect(messages[2]).toContain('IANA time zone')
    expect((await getJson(t, '/api/assistants')).body.items).toEqual([])
  })

  it('answers 404 for an unknown assistant on read and update', async () => {
    expect((await getJson(t, '/api/assistants/5')).status).toBe(404)
    const res = await t.json('PATCH', '/api/assistants/5', { name: 'x' })
    expect(res.status).toBe(404)
    expect(((await res.json()) as Json).error).toEqual({
      code: 'NOT_FOUND',
      message: 'Assistant 5 does not exist.',
    })
  })
})
