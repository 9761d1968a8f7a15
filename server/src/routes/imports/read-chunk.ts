import { createHash } from 'node:crypto'
import { type ChunkRow, MAX_CHUNK_BYTES, MAX_CHUNK_ROWS, putChunkBody } from '@leadport/shared'
import type { Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { AppError } from '../../app-error.ts'

/** Refuses chunk bodies over {@link MAX_CHUNK_BYTES} with 413 before they are read whole. */
export const limitChunkBody = bodyLimit({
  maxSize: MAX_CHUNK_BYTES,
  onError: () => {
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      `A chunk may be at most ${MAX_CHUNK_BYTES / 1024 / 1024} MB. Send fewer rows per chunk.`,
    )
  },
})

/** A chunk body after checks: its rows and the SHA-256 of their canonical JSON. */
export interface ReadChunk {
  rows: ChunkRow[]
  hash: string
}

/**
 * Reads a chunk body: JSON only (415 otherwise), at most {@link MAX_CHUNK_ROWS} rows (413),
 * well-formed (400). The hash is over the validated rows re-serialised, so whitespace and key
 * order in the request do not matter: the same rows are the same chunk.
 */
export async function readChunkBody(c: Context): Promise<ReadChunk> {
  const type = c.req.header('content-type') ?? ''
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      'Send the chunk as JSON with Content-Type: application/json.',
    )
  }
  let raw: unknown
  try {
    raw = JSON.parse(await c.req.text())
  } catch {
    throw new AppError('BAD_REQUEST', 'The chunk is not valid JSON.')
  }
  const rows = (raw as { rows?: unknown } | null)?.rows
  if (Array.isArray(rows) && rows.length > MAX_CHUNK_ROWS) {
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      `A chunk may hold at most ${MAX_CHUNK_ROWS.toLocaleString('en-US')} rows; this one has ${rows.length.toLocaleString('en-US')}.`,
    )
  }
  const parsed = putChunkBody.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue && issue.path.length > 0 ? ` (at ${issue.path.join('.')})` : ''
    throw new AppError('BAD_REQUEST', `${issue?.message ?? 'Invalid chunk'}${where}`)
  }
  const hash = createHash('sha256').update(JSON.stringify(parsed.data.rows)).digest('hex')
  return { rows: parsed.data.rows, hash }
}
