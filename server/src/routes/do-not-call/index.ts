import {
  addDoNotCallBody,
  type DoNotCallFileResponse,
  doNotCallFileOptions,
} from '@leadport/shared'
import { Hono } from 'hono'
import type { AppEnv } from '../../app.ts'
import { AppError } from '../../app-error.ts'
import { deleteDoNotCall, listDoNotCall } from '../../db/dnc.ts'
import { readId, readJson } from '../validate.ts'
import { readAuthor, readNumbers, storeNumbers } from './add-numbers.ts'
import { readDncFile } from './read-file.ts'
import { readDncQuery } from './read-query.ts'

function readFileOptions(raw: unknown) {
  let json: unknown = {}
  if (typeof raw === 'string' && raw.trim() !== '') {
    try {
      json = JSON.parse(raw)
    } catch {
      throw new AppError('BAD_REQUEST', 'The "options" part is not valid JSON.')
    }
  }
  const parsed = doNotCallFileOptions.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue && issue.path.length > 0 ? ` (at options.${issue.path.join('.')})` : ''
    throw new AppError('BAD_REQUEST', `${issue?.message ?? 'Invalid options'}${where}`)
  }
  return parsed.data
}

/**
 * The workspace's do-not-call list under `/api/do-not-call`: list (newest first, or searched),
 * add numbers (JSON), upload a file of numbers (multipart), remove one. Adding suppresses the
 * matching leads that were not called yet, in every campaign.
 * @example app.route('/do-not-call', doNotCallRoutes)
 */
export const doNotCallRoutes = new Hono<AppEnv>()
  .get('/', (c) => c.json(listDoNotCall(c.get('db'), readDncQuery(c))))
  .post('/', async (c) => {
    const body = await readJson(c, addDoNotCallBody)
    const read = readNumbers(body.numbers, body.country)
    const source = c.get('auth')?.kind === 'key' ? 'api' : 'manual'
    return c.json(storeNumbers(c.get('db'), read, source, body.reason, readAuthor(c)))
  })
  .post('/file', async (c) => {
    const type = c.req.header('content-type') ?? ''
    if (!/^multipart\/form-data\s*;/i.test(type)) {
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the file as multipart/form-data.')
    }
    const form = await c.req.parseBody()
    const file = form.file
    if (!(file instanceof File)) {
      throw new AppError('BAD_REQUEST', 'Send the file of numbers in a part named "file".')
    }
    const options = readFileOptions(form.options)
    const bytes = new Uint8Array(await file.arrayBuffer())
    const read = await readDncFile(bytes, file.name, options.country)
    const stored = storeNumbers(c.get('db'), read, 'file', options.reason, readAuthor(c))
    const answer: DoNotCallFileResponse = {
      rows: read.rows,
      added: stored.added,
      duplicate: stored.duplicate,
      invalid: stored.invalid,
      suppressed_leads: stored.suppressed_leads,
      invalid_rows: read.invalidRows,
      notes: read.notes,
    }
    return c.json(answer)
  })
  .delete('/:id', (c) => {
    const id = readId(c, 'id', 'Do-not-call entry')
    if (!deleteDoNotCall(c.get('db'), id)) {
      throw new AppError('NOT_FOUND', `Do-not-call entry ${id} does not exist.`)
    }
    return c.body(null, 204)
  })
