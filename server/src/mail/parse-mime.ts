/** A received message split into its headers (unfolded, in order) and decoded text parts. */
export interface ParsedMail {
  headers: [string, string][]
  /** Every value of a header, by lower-case name. */
  all(name: string): string[]
  subject: string
  text: string
  html: string | undefined
}

function splitHead(raw: string): { headers: [string, string][]; body: string } {
  const at = raw.indexOf('\r\n\r\n')
  const head = at < 0 ? raw : raw.slice(0, at)
  const body = at < 0 ? '' : raw.slice(at + 4)
  const headers: [string, string][] = []
  for (const line of head.split('\r\n')) {
    const last = headers[headers.length - 1]
    if (/^[ \t]/.test(line) && last) last[1] += line
    else {
      const colon = line.indexOf(':')
      headers.push([line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim()])
    }
  }
  return { headers, body }
}

function decodeQp(s: string, underscores: boolean): string {
  const bytes: number[] = []
  const src = underscores ? s.replace(/_/g, ' ') : s.replace(/=\r?\n/g, '')
  for (let i = 0; i < src.length; i++) {
    if (src[i] === '=' && /^[0-9A-F]{2}$/i.test(src.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(src.slice(i + 1, i + 3), 16))
      i += 2
    } else bytes.push(...Buffer.from(src[i] as string))
  }
  return Buffer.from(bytes).toString('utf8')
}

/** Decodes RFC 2047 encoded words (`=?UTF-8?Q?…?=`, `=?UTF-8?B?…?=`). */
export function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_, enc: string, data: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString('utf8')
        : decodeQp(data, true),
    )
}

function decodePart(raw: string): { type: string; content: string } {
  const { headers, body } = splitHead(raw)
  const get = (n: string) => headers.find(([k]) => k === n)?.[1] ?? ''
  const enc = get('content-transfer-encoding').toLowerCase()
  const content =
    enc === 'base64'
      ? Buffer.from(body, 'base64').toString('utf8')
      : enc === 'quoted-printable'
        ? decodeQp(body, false)
        : body
  return { type: get('content-type').toLowerCase(), content }
}

/**
 * Parses what an SMTP server received, enough for assertions: headers, the subject decoded, and
 * the text and HTML parts (single part or multipart/alternative). For tests only.
 */
export function parseMime(raw: string): ParsedMail {
  const { headers } = splitHead(raw)
  const all = (name: string) => headers.filter(([k]) => k === name).map(([, v]) => v)
  const type = all('content-type')[0] ?? ''
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1]
  const parts = boundary
    ? raw
        .split(`--${boundary}`)
        .slice(1, -1)
        .map((p) => decodePart(p.replace(/^\r\n/, '')))
    : [decodePart(raw)]
  return {
    headers,
    all,
    subject: decodeWords(all('subject')[0] ?? ''),
    text: parts.find((p) => p.type.startsWith('text/plain'))?.content ?? '',
    html: parts.find((p) => p.type.startsWith('text/html'))?.content,
  }
}
