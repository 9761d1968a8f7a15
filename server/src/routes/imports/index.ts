import { createImportBody } from '@leadport/shared'
import { Hono } from 'hono'
import type { AppEnv } from '../../app.ts'
import { AppError } from '../../app-error.ts'
import { iterateImportErrors } from '../../db/import-errors.ts'
import { getImport, type ImportSession } from '../../db/imports.ts'
import type { Db } from '../../db/open.ts'
import { buildReportTable, writeReportCsv, writeReportXlsx } from '../../reports/error-report.ts'
import { readId, readJson } from '../validate.ts'
import { finishImport } from './complete-import.ts'
import { createImportSession } from './create-import.ts'
import { limitChunkBody, readChunkBytes } from './read-chunk.ts'
import { viewImport } from './view-import.ts'

function findImport(db: Db, id: number): ImportSession {
  const s = getImport(db, id)
  if (!s) throw new AppError('NOT_FOUND', `Import ${id} does not exist.`)
  return s
}

function readChunkNumber(raw: string | undefined): number {
  if (!raw || !/^(0|[1-9]\d{0,6})$/.test(raw)) {
    throw new AppError('BAD_REQUEST', `Chunk numbers are whole numbers from 0; got "${raw}".`)
  }
  return Number(raw)
}

/**
 * Import sessions under `/api/imports`: create, `PUT` numbered chunks (idempotent), complete,
 * read progress, download the error report.
 * @example app.route('/api/imports', importRoutes)
 */
export const importRoutes = new Hono<AppEnv>()
  .post('/', async (c) => {
    const db = c.get('db')
    const auth = c.get('auth')
    const userId = auth?.kind === 'session' ? auth.user.id : null
    const id = createImportSession(db, await readJson(c, createImportBody), userId)
    return c.json(viewImport(db, findImport(db, id)), 201)
  })
  .get('/:id', (c) => {
    const db = c.get('db')
    return c.json(viewImport(db, findImport(db, readId(c, 'id', 'Import'))))
  })
  .put('/:id/chunks/:n', limitChunkBody, async (c) => {
    const db = c.get('db')
    const id = readId(c, 'id', 'Import')
    const n = readChunkNumber(c.req.param('n'))
    const body = await readChunkBytes(c)
    const result = await c.get('ingest').storeChunkBody(findImport(db, id), n, body)
    if (result.replay) c.header('Idempotent-Replayed', 'true')
    return c.json(result)
  })
  .post('/:id/complete', (c) => {
    const db = c.get('db')
    const id = readId(c, 'id', 'Import')
    finishImport(db, id, c.get('mail'))
    return c.json(viewImport(db, findImport(db, id)))
  })
  .get('/:id/report', (c) => {
    const db = c.get('db')
    const session = findImport(db, readId(c, 'id', 'Import'))
    const format = c.req.query('format') ?? 'xlsx'
    if (format !== 'xlsx' && format !== 'csv') {
      throw new AppError('BAD_REQUEST', 'The report format is xlsx (default) or csv.')
    }
    // Read to the end synchronously: an open iterator keeps the connection busy.
    const table = buildReportTable(session.options.header, iterateImportErrors(db, session.id))
    const name = `import-${session.id}-skipped-rows.${format}`
    c.header('Content-Disposition', `attachment; filename="${name}"`)
    if (format === 'csv') {
      c.header('Content-Type', 'text/csv; charset=utf-8')
      return c.body(writeReportCsv(table))
    }
    c.header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    return c.body(writeReportXlsx(table) as Uint8Array<ArrayBuffer>)
  })
