import { finishImport } from '../routes/imports/complete-import.ts'
import { importBody, phoneFor, seedImportCampaign } from '../routes/imports/temp-import-app.ts'
import { tempApp } from '../test/temp-db.ts'
import { type NotifyOptions, notifyImportFinished } from './notify-import-finished.ts'
import { type MailConfig, readMailConfig } from './read-mail-config.ts'

/** Mail settings for an SMTP server on 127.0.0.1:`port`, with a user and a password. */
export function testMailConfig(port: number): MailConfig {
  const config = readMailConfig({
    LEADPORT_SMTP_URL: `smtp://leadport:s3cr%40t@127.0.0.1:${port}`,
    LEADPORT_MAIL_FROM: 'Leadport <noreply@leadport.test>',
    LEADPORT_PUBLIC_URL: 'https://leads.example.com/',
  })
  if (!config) throw new Error('no mail config')
  return config
}

/** Four file rows: two valid, one duplicate of the first, one invalid phone. */
export const FOUR_ROWS = [
  { row: 2, cells: ['Ayşe', phoneFor(1), null] },
  { row: 3, cells: ['Bora', phoneFor(2), null] },
  { row: 4, cells: ['Cem', phoneFor(1), null] },
  { row: 5, cells: ['Deniz', 'not a phone', null] },
]

/**
 * A temp app (its migrations include the outbox), and a helper that runs a whole import (signed in as the admin,
 * or with the API key) and completes it together with {@link notifyImportFinished}, as the
 * complete route will.
 */
export function tempMailApp() {
  const t = tempApp()
  async function call(res: Response | Promise<Response>, want: number) {
    const r = await res
    if (r.status !== want) throw new Error(`${r.status}: ${await r.text()}`)
    return r.json()
  }
  return {
    ...t,
    /** Imports `rows` (chunks of 2) into a new campaign; returns the import id and outbox id. */
    async runImport(
      rows: typeof FOUR_ROWS,
      mail: MailConfig | undefined,
      opts: NotifyOptions & { campaignName?: string; fileName?: string; apiKey?: boolean } = {},
    ) {
      const campaign = seedImportCampaign(t.db, opts.campaignName)
      const send = (method: string, path: string, body: unknown) =>
        opts.apiKey ? t.json(method, path, body) : t.browser(method, path, body)
      const body = { ...importBody(campaign, rows.length, 2), file_name: opts.fileName ?? 'a.csv' }
      const { id } = await call(send('POST', '/api/imports', body), 201)
      for (let n = 0; n * 2 < rows.length; n++) {
        await call(
          send('PUT', `/api/imports/${id}/chunks/${n}`, { rows: rows.slice(n * 2, n * 2 + 2) }),
          200,
        )
      }
      const outboxId = t.db
        .transaction(() => {
          finishImport(t.db, id)
          return notifyImportFinished(t.db, id, mail, opts)
        })
        .immediate()
      return { id: id as number, campaign, outboxId }
    },
  }
}
