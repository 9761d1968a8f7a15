import { AppError } from '../../app-error.ts'
import { completeImport, getImport, sumChunks } from '../../db/imports.ts'
import type { Db } from '../../db/open.ts'
import { notifyImportFinished } from '../../mail/notify-import-finished.ts'
import type { MailConfig } from '../../mail/read-mail-config.ts'

/**
 * Completes an import once every planned chunk is stored, and queues its email (same
 * transaction); idempotent (completing a completed import changes nothing). Missing chunks are a 409 that names them, so the client can send them.
 * @example finishImport(db, 12)
 */
export function finishImport(db: Db, id: number, mail?: MailConfig): void {
  db.transaction(() => {
    const session = getImport(db, id)
    if (!session) throw new AppError('NOT_FOUND', `Import ${id} does not exist.`)
    if (session.status === 'completed') return
    const total = Math.ceil(session.expected_rows / session.chunk_size)
    const stored = sumChunks(db, id)
    if (stored.chunks !== total) {
      throw new AppError(
        'CONFLICT',
        `Import ${id} has ${stored.chunks} of its ${total} chunks. Send the missing ones (see committed_chunks), then complete it.`,
      )
    }
    completeImport(db, id)
    notifyImportFinished(db, id, mail)
  }).immediate()
}
