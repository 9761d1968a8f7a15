/** Rows per chunk of an upload (the import session's `chunk_size`). */
export const CHUNK_SIZE = 5_000
