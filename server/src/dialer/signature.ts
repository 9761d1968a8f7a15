import { createHmac, timingSafeEqual } from 'node:crypto'

/** How far a signed timestamp may be from the receiver's clock; older bodies are replays. */
export const SIGNATURE_TOLERANCE_MS = 5 * 60_000

/**
 * `v1=<hex HMAC-SHA256(secret, "<timestamp>.<body>")>`: the timestamp (Unix seconds) is signed
 * with the body, so a captured request cannot be replayed later with a fresh timestamp.
 * @example signBody('s3cret', 1700000000, '{"call_id":1}') // 'v1=5f…'
 */
export function signBody(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`
}

/** Why a signature was refused, or `null` when it is good. */
export type SignatureProblem = 'missing' | 'stale' | 'mismatch' | null

/**
 * Checks a signature made by {@link signBody} in constant time, and that its timestamp is within
 * {@link SIGNATURE_TOLERANCE_MS} of `now`.
 */
export function verifySignature(
  secret: string,
  timestampHeader: string | undefined,
  signatureHeader: string | undefined,
  body: string,
  now: number,
): SignatureProblem {
  if (!timestampHeader || !signatureHeader || !/^\d{1,12}$/.test(timestampHeader)) return 'missing'
  const ts = Number(timestampHeader)
  if (Math.abs(now - ts * 1000) > SIGNATURE_TOLERANCE_MS) return 'stale'
  const want = Buffer.from(signBody(secret, ts, body))
  // A header may carry several signatures (key rotation): any one that matches will do.
  for (const part of signatureHeader.split(/[ ,]+/)) {
    const got = Buffer.from(part)
    if (got.length === want.length && timingSafeEqual(got, want)) return null
  }
  return 'mismatch'
}
