import { type ImportFileOptions, importFileOptions, type PhoneFormat } from '@leadport/shared'
import { Hono } from 'hono'
import type { AppEnv } from '../../app.ts'
import { AppError } from '../../app-error.ts'
import { getImport } from '../../db/imports.ts'
import type { FileImports } from './import-file.ts'
import { viewImport } from './view-import.ts'

function readOptions(raw: unknown): ImportFileOptions {
  let json: unknown
  try {
    json = typeof raw === 'string' ? JSON.parse(raw) : undefined
  } catch {
    throw new AppError('BAD_REQUEST', 'The "options" part is not valid JSON.')
  }
  if (json === undefined) {
    throw new AppError(
      'BAD_REQUEST',
      'Send an "options" part with JSON: { "campaign_id", "format" }.',
    )
  }
  const parsed = importFileOptions.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue && issue.path.length > 0 ? ` (at options.${issue.path.join('.')})` : ''
    throw new AppError('BAD_REQUEST', `${issue?.message ?? 'Invalid options'}${where}`)
  }
  return parsed.data
}

/**
 * `POST /file` (under `/api/imports`): multipart with a `file` part and an `options` JSON part.
 * The server reads the file in a worker, answers `202` with the new import, and stores its rows
 * in the background; `GET /api/imports/:id` shows the progress. A bad file is a 4xx with the
 * reader's message and creates nothing.
 * @example app.route('/api/imports', importFileRoutes(createFileImports({ mail })))
 */
export function importFileRoutes(imports: FileImports) {
  return new Hono<AppEnv>().post('/file', async (c) => {
    const type = c.req.header('content-type') ?? ''
    if (!/^multipart\/form-data\s*;/i.test(type)) {
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the file as multipart/form-data.')
    }
    const form = await c.req.parseBody()
    const file = form.file
    if (!(file instanceof File)) {
      throw new AppError('BAD_REQUEST', 'Send the lead file in a part named "file".')
    }
    const options = readOptions(form.options)
    const auth = c.get('auth')
    const db = c.get('db')
    const importId = await imports.start(db, {
      campaignId: options.campaign_id,
      userId: auth?.kind === 'session' ? auth.user.id : null,
      fileName: file.name.replace(/[\p{Cc}\p{Cf}]/gu, ''),
      bytes: new Uint8Array(await file.arrayBuffer()),
      format: options.format as PhoneFormat,
      ...(options.mapping ? { mapping: options.mapping } : {}),
      ...(options.sheet ? { sheet: options.sheet } : {}),
      ...(options.header_row ? { headerRow: options.header_row } : {}),
      ...(options.encoding ? { encoding: options.encoding } : {}),
      ...(options.delimiter ? { delimiter: options.delimiter } : {}),
      ...(options.chunk_size ? { chunkSize: options.chunk_size } : {}),
    })
    const session = getImport(db, importId)
    if (!session) throw new AppError('NOT_FOUND', `Import ${importId} is gone.`)
    return c.json(viewImport(db, session), 202)
  })
}
