import { createServer } from 'node:net'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { getOutboxMessage, listOutboxMessages, retryFailedMessage } from '../db/outbox.ts'
import { parseMime } from './parse-mime.ts'
import { createMailTransport, retryDelayMs, sendDueMessages } from './send-due-messages.ts'
import { startOutboxSender } from './start-outbox-sender.ts'
import { FOUR_ROWS, tempMailApp, testMailConfig } from './temp-mail-app.ts'
import { startTestSmtpServer } from './test-smtp-server.ts'

/** A loopback port nothing listens on (connections are refused) until a test listens on it. */
async function closedPort(): Promise<number> {
  const s = createServer()
  await new Promise<void>((ok) => s.listen(0, '127.0.0.1', ok))
  const { port } = s.address() as { port: number }
  await new Promise<void>((ok) => s.close(() => ok()))
  return port
}

let t: ReturnType<typeof tempMailApp>
beforeEach(() => {
  t = tempMailApp()
})
afterEach(() => t.cleanup())

const T0 = Date.parse('2030-01-01T00:00:00.000Z')
const at = (ms: number) => new Date(T0 + ms).toISOString()

describe('the outbox sender', () => {
  it('backs off exponentially up to an hour', () => {
    expect([1, 2, 3, 4, 8, 20].map((a) => retryDelayMs(a))).toEqual([
      30_000, 60_000, 120_000, 240_000, 3_600_000, 3_600_000,
    ])
  })

  it('retries while SMTP is down and delivers once it is up, keeping the error visible', async () => {
    const port = await closedPort()
    const config = testMailConfig(port)
    const { outboxId } = await t.runImport(FOUR_ROWS, config, { background: true, now: () => T0 })
    const id = outboxId as number
    const transport = createMailTransport(config.smtp)
    let clock = T0
    const deps = { transport, from: config.from, now: () => clock }
    try {
      expect(await sendDueMessages(t.db, deps)).toEqual({ sent: 0, failed: 1 })
      expect(getOutboxMessage(t.db, id)).toMatchObject({
        status: 'pending',
        attempts: 1,
        next_attempt_at: at(30_000),
        last_error: expect.stringMatching(/ECONNREFUSED/),
      })
      clock = T0 + 29_999
      expect(await sendDueMessages(t.db, deps)).toEqual({ sent: 0, failed: 0 })
      clock = T0 + 30_000
      expect(await sendDueMessages(t.db, deps)).toEqual({ sent: 0, failed: 1 })
      expect(getOutboxMessage(t.db, id)).toMatchObject({ attempts: 2, next_attempt_at: at(90_000) })

      const smtp = await startTestSmtpServer(port)
      try {
        clock = T0 + 90_000
        expect(await sendDueMessages(t.db, deps)).toEqual({ sent: 1, failed: 0 })
        const [got] = await smtp.waitFor(1)
        expect(got?.rcptTo).toEqual(['admin@example.com'])
        expect(parseMime(got?.raw ?? '').subject).toMatch(/^Import finished: .*4 rows, 2 added/)
        expect(getOutboxMessage(t.db, id)).toMatchObject({
          status: 'sent',
          attempts: 3,
          sent_at: at(90_000),
          last_error: null,
        })
      } finally {
        await smtp.close()
      }
    } finally {
      transport.close()
    }
  })

  it('keeps a message as failed after the last attempt, and can queue it again', async () => {
    const config = testMailConfig(await closedPort())
    const { outboxId } = await t.runImport(FOUR_ROWS, config, { background: true, now: () => T0 })
    const transport = createMailTransport(config.smtp)
    const backoff = { baseMs: 1000, maxMs: 1000, maxAttempts: 2 }
    let clock = T0
    const deps = { transport, from: config.from, now: () => clock, backoff }
    await sendDueMessages(t.db, deps)
    clock += 1000
    await sendDueMessages(t.db, deps)
    transport.close()
    expect(listOutboxMessages(t.db)).toMatchObject([{ status: 'failed', attempts: 2 }])
    clock += 1_000_000
    expect(await sendDueMessages(t.db, deps)).toEqual({ sent: 0, failed: 0 })
    expect(retryFailedMessage(t.db, outboxId as number, at(0))).toBe(true)
    expect(listOutboxMessages(t.db)).toMatchObject([{ status: 'pending', attempts: 2 }])
  })

  it('runs as a loop: wake() sends what was enqueued, stop() waits for it', async () => {
    const smtp = await startTestSmtpServer()
    const config = testMailConfig(smtp.port)
    const errors: unknown[] = []
    const sender = startOutboxSender(t.db, config, { onError: (e) => errors.push(e) })
    try {
      await t.runImport(FOUR_ROWS, config, { background: true })
      sender.wake()
      const [got] = await smtp.waitFor(1)
      expect(got?.rcptTo).toEqual(['admin@example.com'])
    } finally {
      await sender.stop()
      await smtp.close()
    }
    expect(listOutboxMessages(t.db)).toMatchObject([{ status: 'sent', attempts: 1 }])
    expect(errors).toEqual([])
  })
})
