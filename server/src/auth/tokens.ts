import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

/** SHA-256 of a token, hex: what the database stores instead of the token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/** A new random session token (32 bytes, base64url). */
export function createSessionToken(): string {
  return randomBytes(32).toString('base64url')
}

/** A new API key `lp_<prefix>_<secret>`: the prefix finds the row, the secret proves it. */
export function createApiKeySecret(): { key: string; prefix: string; secretHash: string } {
  const prefix = randomBytes(6).toString('hex')
  const secret = randomBytes(32).toString('base64url')
  return { key: `lp_${prefix}_${secret}`, prefix, secretHash: hashToken(secret) }
}

const KEY_RE = /^lp_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/

/** Splits a presented key into prefix and secret, or `null` when it is not one of ours. */
export function parseApiKey(key: string): { prefix: string; secret: string } | null {
  const m = KEY_RE.exec(key)
  return m ? { prefix: m[1] as string, secret: m[2] as string } : null
}

/** Compares two hex digests in constant time. */
export function equalDigests(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex')
  const y = Buffer.from(b, 'hex')
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y)
}
