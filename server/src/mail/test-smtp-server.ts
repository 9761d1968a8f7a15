import { SMTPServer } from 'smtp-server'

/** A message as the test SMTP server received it. */
export interface ReceivedMail {
  mailFrom: string
  rcptTo: string[]
  /** The user the client authenticated as, if any. */
  user: string | undefined
  raw: string
}

/**
 * Starts a real SMTP server on 127.0.0.1 (plain text, AUTH accepted for any password) that keeps
 * what it receives. `port` 0 picks a free port. For tests only.
 */
export async function startTestSmtpServer(port = 0) {
  const received: ReceivedMail[] = []
  const waiters: (() => void)[] = []
  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(auth, _session, cb) {
      cb(null, { user: auth.username })
    },
    onData(stream, session, cb) {
      const parts: Buffer[] = []
      stream.on('data', (b: Buffer) => parts.push(b))
      stream.on('end', () => {
        const from = session.envelope.mailFrom
        received.push({
          mailFrom: from ? from.address : '',
          rcptTo: session.envelope.rcptTo.map((a) => a.address),
          user: session.user as string | undefined,
          raw: Buffer.concat(parts).toString('utf8'),
        })
        for (const w of waiters.splice(0)) w()
        cb()
      })
    },
  })
  await new Promise<void>((ok, fail) => {
    server.once('error', fail)
    server.listen(port, '127.0.0.1', () => ok())
  })
  const address = server.server.address()
  if (!address || typeof address === 'string') throw new Error('no port')
  return {
    port: address.port,
    received,
    /** Resolves once `count` messages have arrived. */
    async waitFor(count: number): Promise<ReceivedMail[]> {
      while (received.length < count) await new Promise<void>((ok) => waiters.push(ok))
      return received
    },
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  }
}
