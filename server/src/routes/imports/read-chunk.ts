import { MAX_CHUNK_BYTES } from '@leadport/shared'
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

/**
 * Reads a chunk's raw body: JSON only (415 otherwise). Parsing, shape (400), row count (413) and
 * validation happen in server/src/ingest, off the event loop.
 */
export async function readChunkBytes(c: Context): Promise<Uint8Array> {
  const type = c.req.header('content-type') ?? ''
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      'Send the chunk as JSON with Content-Type: application/json.',
    )
  }
  return new Uint8Array(await c.req.arrayBuffer())
}
