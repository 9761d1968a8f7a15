import { describe, expect, it } from 'vitest'
import { readMailConfig } from './read-mail-config.ts'

const base = { LEADPORT_MAIL_FROM: 'Leadport <n@x.test>', LEADPORT_PUBLIC_URL: 'https://l.test/' }

describe('readMailConfig', () => {
  it('is off without an SMTP URL', () => {
    expect(readMailConfig({})).toBeUndefined()
    expect(readMailConfig({ ...base, LEADPORT_SMTP_URL: ' ' })).toBeUndefined()
  })

  it('reads host, port, TLS mode and percent-encoded credentials', () => {
    expect(
      readMailConfig({ ...base, LEADPORT_SMTP_URL: 'smtp://u%40x:p%3Aw@mail.test:2525' }),
    ).toEqual({
      smtp: {
        host: 'mail.test',
        port: 2525,
        secure: false,
        requireTLS: true,
        user: 'u@x',
        password: 'p:w',
      },
      from: 'Leadport <n@x.test>',
      publicUrl: 'https://l.test',
    })
    expect(readMailConfig({ ...base, LEADPORT_SMTP_URL: 'smtps://mail.test' })?.smtp).toEqual({
      host: 'mail.test',
      port: 465,
      secure: true,
      requireTLS: false,
    })
    expect(readMailConfig({ ...base, LEADPORT_SMTP_URL: 'smtp://mail.test' })?.smtp.port).toBe(587)
  })

  it('requires STARTTLS except on loopback or when told it is optional', () => {
    const tls = (url: string) =>
      readMailConfig({ ...base, LEADPORT_SMTP_URL: url })?.smtp.requireTLS
    expect(tls('smtp://mail.test')).toBe(true)
    expect(tls('smtp://mail.test?tls=optional')).toBe(false)
    expect(tls('smtp://127.0.0.1:25')).toBe(false)
    expect(tls('smtp://[::1]:25')).toBe(false)
  })

  it('names the variable that is wrong', () => {
    const url = { LEADPORT_SMTP_URL: 'smtp://mail.test' }
    expect(() => readMailConfig({ ...base, LEADPORT_SMTP_URL: 'http://x' })).toThrow(/smtp:\/\//)
    expect(() => readMailConfig({ ...url, LEADPORT_PUBLIC_URL: 'https://l.test' })).toThrow(
      /LEADPORT_MAIL_FROM/,
    )
    expect(() => readMailConfig({ ...url, LEADPORT_MAIL_FROM: 'n@x.test' })).toThrow(
      /LEADPORT_PUBLIC_URL/,
    )
  })
})
