import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { enqueueMessage, listOutboxMessages } from '../db/outbox.ts'
import { notifyImportFinished } from './notify-import-finished.ts'
import { parseMime } from './parse-mime.ts'
import { createMailTransport, sendDueMessages } from './send-due-messages.ts'
import { FOUR_ROWS, tempMailApp, testMailConfig } from './temp-mail-app.ts'
import { startTestSmtpServer } from './test-smtp-server.ts'

let t: ReturnType<typeof tempMailApp>
let smtp: Awaited<ReturnType<typeof startTestSmtpServer>>
beforeEach(async () => {
  t = tempMailApp()
  smtp = await startTestSmtpServer()
})
afterEach(async () => {
  await smtp.close()
  t.cleanup()
})

async function sendAll() {
  const config = testMailConfig(smtp.port)
  const transport = createMailTransport(config.smtp)
  try {
    return await sendDueMessages(t.db, { transport, from: config.from })
  } finally {
    transport.close()
  }
}

describe('the import-finished email', () => {
  it('reaches the user who started a background import, with the counts and links', async () => {
    const mail = testMailConfig(smtp.port)
    const { id, campaign, outboxId } = await t.runImport(FOUR_ROWS, mail, {
      background: true,
      campaignName: 'Spring leads',
      fileName: 'spring.csv',
    })
    expect(outboxId).toBeTypeOf('number')
    expect(await sendAll()).toEqual({ sent: 1, failed: 0 })
    const [got] = await smtp.waitFor(1)
    expect(got?.rcptTo).toEqual(['admin@example.com'])
    expect(got?.mailFrom).toBe('noreply@leadport.test')
    expect(got?.user).toBe('leadport')
    const m = parseMime(got?.raw ?? '')
    expect(m.subject).toBe('Import finished: Spring leads (4 rows, 2 added)')
    expect(m.text).toContain('Your import of "spring.csv" into the campaign "Spring leads"')
    expect(m.text).toContain('Rows in the file: 4')
    expect(m.text).toContain('Added as leads: 2')
    expect(m.text).toContain('Duplicates skipped: 1')
    expect(m.text).toContain('Invalid rows skipped: 1')
    expect(m.text).toContain(`https://leads.example.com/campaigns/${campaign}`)
    expect(m.text).toMatch(new RegExp(`Import: https://leads\\.example\\.com/imports/${id}\\s`))
    expect(m.text).toContain(`https://leads.example.com/api/imports/${id}/report`)
    expect(m.html).toContain('<td>Added as leads</td><td>2</td>')
    expect(listOutboxMessages(t.db)).toMatchObject([{ status: 'sent', attempts: 1 }])
    expect(await sendAll()).toEqual({ sent: 0, failed: 0 })
    expect(smtp.received).toHaveLength(1)
  })

  it('is enqueued once, and only for background or large imports started by a user', async () => {
    const mail = testMailConfig(smtp.port)
    expect((await t.runImport(FOUR_ROWS, mail)).outboxId).toBeNull()
    expect((await t.runImport(FOUR_ROWS, undefined, { background: true })).outboxId).toBeNull()
    const byKey = await t.runImport(FOUR_ROWS, mail, { background: true, apiKey: true })
    expect(byKey.outboxId).toBeNull()
    const bg = await t.runImport(FOUR_ROWS, mail, { background: true })
    expect(bg.outboxId).toBeTypeOf('number')
    // Completing again (a retried request) enqueues nothing more.
    expect(notifyImportFinished(t.db, bg.id, mail, { background: true })).toBeNull()
    // A foreground import over 10,000 rows: counters set directly, storing 10,001 rows is slow.
    const big = await t.runImport(FOUR_ROWS, undefined)
    const setRows = t.db.prepare('UPDATE imports SET rows = ? WHERE id = ?')
    setRows.run(10_000, big.id)
    expect(notifyImportFinished(t.db, big.id, mail)).toBeNull()
    setRows.run(10_001, big.id)
    expect(notifyImportFinished(t.db, big.id, mail)).toBeTypeOf('number')
    expect(listOutboxMessages(t.db)).toHaveLength(2)
  })

  it('puts hostile campaign and file names in one Subject header and escaped HTML only', async () => {
    const evil = 'Spring\r\nBcc: evil@x\r\n<script>alert(1)</script>'
    await t.runImport(FOUR_ROWS, testMailConfig(smtp.port), {
      background: true,
      campaignName: evil,
      fileName: 'leads\r\nBcc: evil@x<script>x</script>.csv',
    })
    await sendAll()
    const [got] = await smtp.waitFor(1)
    expect(got?.rcptTo).toEqual(['admin@example.com'])
    const m = parseMime(got?.raw ?? '')
    expect(m.all('subject')).toHaveLength(1)
    expect(m.all('bcc')).toEqual([])
    expect(m.headers.map(([k]) => k)).not.toContain('bcc')
    expect(m.subject).toContain('Bcc: evil@x <script>alert(1)</script>')
    expect(m.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(m.html).toContain('Bcc: evil@x&lt;script&gt;x&lt;/script&gt;.csv')
    expect(m.html).not.toContain('<script>')
  })

  it('keeps a raw CRLF subject in one header even without our own cleaning', async () => {
    enqueueMessage(
      t.db,
      {
        dedupe_key: null,
        to_address: 'admin@example.com',
        subject: 'Hi\r\nBcc: evil@x\r\nX-Evil: 1',
        text_body: 'body',
        html_body: null,
      },
      new Date().toISOString(),
    )
    await sendAll()
    const [got] = await smtp.waitFor(1)
    expect(got?.rcptTo).toEqual(['admin@example.com'])
    const m = parseMime(got?.raw ?? '')
    expect(m.all('subject')).toHaveLength(1)
    expect(m.all('bcc')).toEqual([])
    expect(m.all('x-evil')).toEqual([])
    expect(m.subject).toContain('Bcc: evil@x')
  })
})
