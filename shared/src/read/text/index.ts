// Delimited text (CSV/TSV/TXT) reader: encoding and delimiter detection, streaming decode and
// parse. Pure and thread-portable: the same code runs in the import Worker and on the server.
export * from './csv-parser.ts'
export * from './decode.ts'
export * from './detect-delimiter.ts'
export * from './detect-encoding.ts'
export * from './preview-text-file.ts'
export * from './read-text-file.ts'
export * from './types.ts'
