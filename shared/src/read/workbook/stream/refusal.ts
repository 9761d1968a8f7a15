import type { FileError } from '../../types.ts'

/**
 * Thrown inside the streaming XLSX reader when it will not read a file that SheetJS may still
 * read (ZIP64, XLSB, encrypted zip entries, a package without the parts it expects). The caller
 * catches it and hands the file to SheetJS; it never escapes the reader.
 */
export class Refusal extends Error {
  override readonly name = 'Refusal'
}

/**
 * Thrown inside the streaming XLSX reader for a file that must be refused outright (a zip bomb
 * caught by the inflate budget, data that does not inflate). It becomes `{ ok: false, error }`.
 */
export class FileFailure extends Error {
  override readonly name = 'FileFailure'
  readonly error: FileError
  constructor(error: FileError) {
    super(error.message)
    this.error = error
  }
}
