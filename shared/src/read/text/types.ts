/** The text encodings the reader decodes; legacy ones use our own WHATWG tables. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'windows-1254'

/** Every supported encoding, in the order a picker lists them. */
export const TEXT_ENCODINGS: readonly TextEncoding[] = [
  'utf-8',
  'windows-1252',
  'windows-1254',
  'utf-16le',
  'utf-16be',
]

/** A field delimiter the reader detects or the user picks. */
export type Delimiter = ',' | ';' | '\t' | '|'

/** The delimiters detection tries, in tie-break order. */
export const DELIMITERS: readonly Delimiter[] = [',', ';', '\t', '|']

/**
 * Receives one record: its fields (a fresh array the callee may keep) and the 1-based line of
 * the file where the record starts. Returning `false` stops the read early (used by previews).
 */
export type RecordHandler = (fields: string[], line: number) => unknown
