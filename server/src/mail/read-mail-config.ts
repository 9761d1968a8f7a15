/** Where and how to send email. */
export interface SmtpSettings {
  host: string
  port: number
  /** TLS from the first byte (`smtps://`, usually port 465); otherwise STARTTLS when offered. */
  secure: boolean
  /**
   * Refuse to send (or log in) without STARTTLS. On for `smtp://` to any host but loopback, so a
   * network attacker cannot strip TLS and read the password; `?tls=optional` turns it off.
   */
  requireTLS: boolean
  user?: string
  password?: string
}

/** Email settings: the SMTP server, the From address and the public URL used in links. */
export interface MailConfig {
  smtp: SmtpSettings
  from: string
  /** The app's address as users reach it, without a trailing slash: `https://leads.example.com`. */
  publicUrl: string
}

/** The environment variables {@link readMailConfig} reads. */
export type MailEnv = Partial<
  Record<'LEADPORT_SMTP_URL' | 'LEADPORT_MAIL_FROM' | 'LEADPORT_PUBLIC_URL', string>
>

/**
 * Reads the email settings from `LEADPORT_SMTP_URL` (`smtp://user:pass@host:587` or
 * `smtps://…:465`; user and password percent-encoded; `?tls=optional` allows a relay without
 * STARTTLS), `LEADPORT_MAIL_FROM` and
 * `LEADPORT_PUBLIC_URL`. `undefined` when no SMTP URL is set (email is off); throws with a message
 * naming the variable when a setting is present but unusable, so a bad setup fails at start.
 * @example readMailConfig(process.env) // { smtp: { host: 'mail', port: 587, ... }, ... }
 */
export function readMailConfig(env: MailEnv): MailConfig | undefined {
  const raw = env.LEADPORT_SMTP_URL?.trim()
  if (!raw) return undefined
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new Error('LEADPORT_SMTP_URL is not a URL; use smtp://user:password@host:587.')
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    throw new Error('LEADPORT_SMTP_URL must start with smtp:// or smtps://.')
  }
  if (!url.hostname) throw new Error('LEADPORT_SMTP_URL has no host.')
  const secure = url.protocol === 'smtps:'
  const host = url.hostname.replace(/^\[|\]$/g, '')
  const loopback = host === 'localhost' || host === '::1' || host.startsWith('127.')
  const from = env.LEADPORT_MAIL_FROM?.trim()
  if (!from) throw new Error('LEADPORT_MAIL_FROM is required with LEADPORT_SMTP_URL.')
  const publicUrl = readPublicUrl(env.LEADPORT_PUBLIC_URL)
  return {
    smtp: {
      host,
      port: url.port ? Number(url.port) : secure ? 465 : 587,
      secure,
      requireTLS: !secure && !loopback && url.searchParams.get('tls') !== 'optional',
      ...(url.username ? { user: decodeURIComponent(url.username) } : {}),
      ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
    },
    from,
    publicUrl,
  }
}

function readPublicUrl(raw: string | undefined): string {
  let url: URL
  try {
    url = new URL(raw?.trim() ?? '')
  } catch {
    throw new Error(
      'LEADPORT_PUBLIC_URL is required with LEADPORT_SMTP_URL (the address users open, for links in emails).',
    )
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error('LEADPORT_PUBLIC_URL must start with http:// or https://.')
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '')
}
