import type { Import } from '@leadport/shared'
import { readImportFailure } from '../../db/file-imports.ts'
import { type ImportSession, listChunkNumbers } from '../../db/imports.ts'
import type { Db } from '../../db/open.ts'

/** An import session as the API shows it, with the committed chunk numbers for resuming. */
export function viewImport(db: Db, s: ImportSession): Import {
  return {
    id: s.id,
    campaign_id: s.campaign_id,
    status: s.status,
    file_name: s.file_name,
    file_kind: s.file_kind,
    expected_rows: s.expected_rows,
    chunk_size: s.chunk_size,
    total_chunks: Math.ceil(s.expected_rows / s.chunk_size),
    committed_chunks: listChunkNumbers(db, s.id),
    counts: { ...s.counts, valid: s.counts.inserted + s.counts.duplicate_in_campaign },
    created_at: s.created_at,
    updated_at: s.updated_at,
    completed_at: s.completed_at,
    failure: readImportFailure(db, s.id) ?? null,
  }
}
