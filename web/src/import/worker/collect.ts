import type { TextSource } from '@leadport/shared'

/*
 * A file read once: the bytes flow to the parser as they arrive and are kept on the way, so the
 * worker that checks them also holds them afterwards without reading the file a second time.
 */

const SLICE = 1 << 20

/**
 * Hands on the chunks of `source` while copying them into `into` from offset `at` on.
 * @example const whole = new Uint8Array(size); await readTextFile(keeping(stream, whole, 0), …)
 */
export async function* keeping(
  source: TextSource,
  into: Uint8Array,
  at: number,
): AsyncGenerator<Uint8Array> {
  let offset = at
  const keep = (chunk: Uint8Array) => {
    into.set(chunk, offset)
    offset += chunk.length
    return chunk
  }
  if (source instanceof Uint8Array) {
    for (let i = 0; i < source.length; i += SLICE) yield keep(source.subarray(i, i + SLICE))
  } else if ('getReader' in source) {
    const reader = source.getReader()
    try {
      for (;;) {
        const next = await reader.read()
        if (next.done) return
        yield keep(next.value)
      }
    } finally {
      reader.releaseLock()
    }
  } else {
    for await (const chunk of source) yield keep(chunk)
  }
}
