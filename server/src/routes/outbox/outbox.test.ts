import { afterEach, describe, expect, it } from 'vitest'
import { enqueueMessage, markAttemptFailed, markMessageSent } from '../../db/outbox.ts'
import { insertUser } from '../../db/users.ts'
import { startOutboxSender } from '../../mail/start-outbox-sender.ts'
import { testMailConfig } from '../../mail/temp-mail-app.ts'
import { startTestSmtpServer } from '../../mail/test-smtp-server.ts'
import { type Json, ORIGIN, seedSession, tempApp } from '../../test/temp-db.ts'

let cleanup: (() => void | Promise<void>)[] = []
afterEach(async () => {
  for (const f of cleanup.reverse()) await f()
  cleanup = []
})

function setup(deps: Parameters<typeof tempApp>[0] = {}) {
  const t = tempApp(deps)
  cleanup.push(t.cleanup)
  const message = (n: number) =>
    enqueueMessage(
      t.db,
      {
        dedupe_key: `test:${n}`,
        to_address: `user${n}@example.com`,
        subject: `Import finished: ${n}`,
        text_body: 'secret customer data',
        html_body: null,
      },
      '2026-01-01T00:00:00.000Z',
    ) as number
  return { t, message }
}

describe('GET /api/outbox', () => {
  it('lists recent emails newest first, with their state and no body, to the admin only', async () => {
    const { t, message } = setup({ mail: testMailConfig(1) })
    const sent = message(1)
    const failed = message(2)
    message(3)
    markMessageSent(t.db, sent, '2026-01-01T00:00:05.000Z')
    markAttemptFailed(t.db, failed, '535 authentication failed', null)
    const res = await t.browser('GET', '/api/outbox')
    expect(res.status).toBe(200)
    const body = (await res.json()) as Json
    expect(body.mail_configured).toBe(true)
    expect(body.items.map((m: Json) => [m.to, m.status])).toEqual([
      ['user3@example.com', 'pending'],
      ['user2@example.com', 'failed'],
      ['user1@example.com', 'sent'],
    ])
    expect(body.items[1]).toMatchObject({ attempts: 1, last_error: '535 authentication failed' })
    expect(body.items[2]).toMatchObject({ sent_at: '2026-01-01T00:00:05.000Z', last_error: null })
    expect(JSON.stringify(body)).not.toContain('secret customer data')
    const limited = (await (await t.browser('GET', '/api/outbox?limit=1')).json()) as Json
    expect(limited.items).toHaveLength(1)
    expect((await t.browser('GET', '/api/outbox?limit=0')).status).toBe(400)

    // A member and an API key are refused.
    const member = insertUser(t.db, {
      email: 'm@example.com',
      name: 'M',
      role: 'member',
      passwordHash: 'scrypt$seeded',
    })
    const cookie = seedSession(t.db, member?.id as number)
    const asMember = await t.raw.request('/api/outbox', { headers: { cookie, origin: ORIGIN } })
    expect(asMember.status).toBe(403)
    expect((await t.app.request('/api/outbox')).status).toBe(403)
  })

  it('says when email is not configured', async () => {
    const { t } = setup()
    const body = (await (await t.browser('GET', '/api/outbox')).json()) as Json
    expect(body).toEqual({ items: [], mail_configured: false })
  })
})

describe('POST /api/outbox/:id/retry', () => {
  it('puts a failed email back in the queue and the sender delivers it at once', async () => {
    const smtp = await startTestSmtpServer()
    cleanup.push(smtp.close)
    const config = testMailConfig(smtp.port)
    let sender: ReturnType<typeof startOutboxSender> | undefined
    const { t, message } = setup({ mail: config, wakeOutbox: () => sender?.wake() })
    const failed = message(1)
    markAttemptFailed(t.db, failed, 'connection refused', null)
    // A sender that would otherwise not look again for an hour.
    sender = startOutboxSender(t.db, config, { pollMs: 3_600_000 })
    cleanup.push(() => sender?.stop())
    const res = await t.browser('POST', `/api/outbox/${failed}/retry`)
    expect(res.status).toBe(200)
    expect(((await res.json()) as Json).status).toBe('pending')
    const [got] = await smtp.waitFor(1)
    expect(got?.rcptTo).toEqual(['user1@example.com'])

    const again = await t.browser('POST', `/api/outbox/${failed}/retry`)
    expect(again.status).toBe(409)
    expect(((await again.json()) as Json).error.message).toMatch(/only a failed message/)
    expect((await t.browser('POST', '/api/outbox/999/retry')).status).toBe(404)
  })
})
