import type { Json, tempApp } from './temp-db.ts'

type T = ReturnType<typeof tempApp>

/** Creates an assistant, a caller number and a campaign using both; returns their ids. */
export async function seedCampaign(t: T, name = 'Ready') {
  const assistant = (await (
    await t.json('POST', '/api/assistants', {
      name: 'Ayla',
      variables: [{ key: 'customer_name', label: 'Customer name', required: true }],
      script: 'Hello {{customer_name}}',
      time_zone: 'Europe/Istanbul',
    })
  ).json()) as Json
  await t.json('POST', '/api/phone-numbers', { phone_number: '+902121234567', label: 'Office' })
  const numbers = (await (await t.app.request('/api/phone-numbers')).json()) as Json
  const number = numbers.items.find((n: Json) => n.phone_e164 === '+902121234567')
  const campaign = (await (
    await t.json('POST', '/api/campaigns', {
      name,
      assistant_id: assistant.id,
      phone_number_ids: [number.id],
    })
  ).json()) as Json
  return {
    assistantId: assistant.id as number,
    numberId: number.id as number,
    id: campaign.id as number,
  }
}

/** Posts leads to a campaign and returns the parsed answer with its status. */
export async function postLeads(t: T, id: number, body: unknown, key?: string) {
  const res = await t.app.request(`/api/campaigns/${id}/leads`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
  return { status: res.status, headers: res.headers, body: (await res.json()) as Json }
}

/** GETs a path and returns the parsed body with its status. */
export async function getJson(t: T, path: string) {
  const res = await t.app.request(path)
  return { status: res.status, body: (await res.json()) as Json }
}
