import { CAMPAIGN_DEFAULTS } from '@leadport/shared'
import { insertAssistant } from '../../db/assistants.ts'
import { insertCampaign } from '../../db/campaigns.ts'
import type { Db } from '../../db/open.ts'
import type { Json } from '../../test/temp-db.ts'
import { tempApp } from '../../test/temp-db.ts'

/** A campaign whose assistant has a required `customer_name`; returns its id. */
export function seedImportCampaign(db: Db, name = 'Imports'): number {
  const assistant = insertAssistant(db, {
    name: 'Ayla',
    variables: [{ key: 'customer_name', label: 'Customer name', required: true }],
    script: 'Hello {{customer_name}}',
    time_zone: 'Europe/Istanbul',
  })
  return insertCampaign(db, { ...CAMPAIGN_DEFAULTS, name, assistant_id: assistant.id })
}

/** A valid Turkish mobile number for `i` (distinct for each i below 10 million). */
export function phoneFor(i: number): string {
  return `+90532${String(i).padStart(7, '0')}`
}

/** The create body of a 3-column file (Name, Phone, Email) into `campaignId`. */
export function importBody(campaignId: number, expectedRows: number, chunkSize = 2) {
  return {
    campaign_id: campaignId,
    file_name: 'leads.csv',
    file_kind: 'csv',
    header: ['Name', 'Phone', 'Email'],
    format: { kind: 'international' },
    mapping: { phone_number: 1, email: 2, secondary_phones: [], variables: { customer_name: 0 } },
    expected_rows: expectedRows,
    chunk_size: chunkSize,
  }
}

/** A temp SQLite file and the real app, called with an API key (see `tempApp`). */
export function tempImportApp() {
  const t = tempApp()
  const { dir, file, db, app } = t
  async function send(method: string, path: string, body?: unknown, type = 'application/json') {
    const init: RequestInit = { method }
    if (body !== undefined) {
      init.headers = { 'content-type': type }
      init.body = typeof body === 'string' ? body : JSON.stringify(body)
    }
    const res = await app.request(path, init)
    const text = await res.text()
    let json: Json
    try {
      json = JSON.parse(text)
    } catch {
      json = text
    }
    return { status: res.status, headers: res.headers, body: json }
  }
  return {
    dir,
    file,
    db,
    app,
    send,
    /** Creates an import and returns its id. */
    async create(body: unknown): Promise<number> {
      const r = await send('POST', '/api/imports', body)
      if (r.status !== 201) throw new Error(`create: ${r.status} ${JSON.stringify(r.body)}`)
      return r.body.id as number
    },
    /** PUTs chunk `n` of import `id`. */
    putChunk(id: number, n: number, rows: unknown) {
      return send('PUT', `/api/imports/${id}/chunks/${n}`, { rows })
    },
    count(sql: string, ...args: unknown[]): number {
      return db
        .prepare(sql)
        .pluck()
        .get(...args) as number
    },
    cleanup: t.cleanup,
  }
}
