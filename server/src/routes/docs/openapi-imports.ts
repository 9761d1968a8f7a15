import {
  callEventBody,
  callEventResponse,
  chunkResult,
  createImportBody,
  importFileOptions,
  importSchema,
  MAX_CHUNK_ROWS,
  putChunkBody,
  SIGNATURE_HEADER,
  SIGNATURE_TIMESTAMP_HEADER,
} from '@leadport/shared'
import { BAD, error, idParam, type Json, operation, ref, schema } from './openapi-parts.ts'

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const binary = { type: 'string', contentMediaType: 'application/octet-stream' }

/** Component schemas of the import and call paths. */
export function importSchemas(): Json {
  return {
    Import: schema(importSchema, 'output'),
    ChunkResult: schema(chunkResult, 'output'),
  }
}

/** The import session paths: create, chunks, complete, progress, report, and whole files. */
export function importPaths(): Json {
  const imp = idParam('import')
  return {
    '/api/imports': {
      post: {
        ...operation('Imports', {
          summary: 'Create an import session into a campaign',
          body: createImportBody,
          ok: [201, 'Created (status `uploading`).', ref('Import')],
          refusals: {
            400: `${BAD} A mapping that names a missing column or an unknown variable is refused here.`,
            404: 'No such campaign.',
            409: 'The campaign is completed.',
            415: 'Not JSON.',
          },
        }),
        description:
          'The mapping, phone format and the assistant’s variables are frozen into the session, so a resumed upload validates exactly like the first try. Then `PUT` its chunks (numbered from 0, `chunk_size` rows each, the last one shorter) and complete it.',
      },
    },
    '/api/imports/{id}': {
      get: operation('Imports', {
        summary: 'Read an import’s progress and counts',
        params: [imp],
        ok: [
          200,
          'The import; `committed_chunks` lists the stored chunks (a resuming client sends only the others).',
          ref('Import'),
        ],
        refusals: { 404: 'No such import.' },
      }),
    },
    '/api/imports/{id}/chunks/{n}': {
      put: {
        ...operation('Imports', {
          summary: `Store chunk n (up to ${MAX_CHUNK_ROWS.toLocaleString('en-US')} rows), exactly once`,
          params: [
            imp,
            {
              name: 'n',
              in: 'path',
              required: true,
              description: 'The chunk number, from 0.',
              schema: { type: 'integer', minimum: 0 },
            },
          ],
          body: putChunkBody,
          ok: [
            200,
            'The chunk’s counts. The same chunk again answers the stored result with `replay: true` and the header `Idempotent-Replayed: true`.',
            ref('ChunkResult'),
          ],
          refusals: {
            400: `${BAD} Also: rows out of file order, or a row count that does not fit the chunk’s place.`,
            404: 'No such import.',
            409: 'A different body was stored under this number, or the import is completed.',
            413: 'Body too large.',
            415: 'Not JSON.',
          },
        }),
        description:
          'Every row is re-validated on the server with the session’s frozen mapping, format and variables; duplicates within the file and against the campaign are skipped and listed in the report. Send chunks in any order, concurrently, and again after a timeout: each is stored atomically, exactly once, and answered only after it is committed (chunks that arrive together share a commit).',
      },
    },
    '/api/imports/{id}/complete': {
      post: operation('Imports', {
        summary: 'Complete an import (idempotent)',
        params: [imp],
        ok: [200, 'The completed import.', ref('Import')],
        refusals: {
          404: 'No such import.',
          409: 'Chunks are missing; the message names how many.',
        },
      }),
    },
    '/api/imports/{id}/report': {
      get: {
        tags: ['Imports'],
        summary: 'Download the skipped-rows report',
        description:
          'Every skipped row with its row number in the original file, its values, issue codes and plain messages. Safe to open in Excel: no cell is run as a formula.',
        parameters: [
          imp,
          {
            name: 'format',
            in: 'query',
            description: '`xlsx` (default) or `csv`.',
            schema: { type: 'string', enum: ['xlsx', 'csv'], default: 'xlsx' },
          },
        ],
        responses: {
          200: {
            description: 'The report, as an attachment.',
            content: { [XLSX]: { schema: binary }, 'text/csv': { schema: { type: 'string' } } },
          },
          400: error('A format other than xlsx or csv.'),
          404: error('No such import.'),
        },
      },
    },
    '/api/imports/file': {
      post: {
        tags: ['Imports'],
        summary: 'Import a whole file in the background',
        description:
          'The server reads the file (CSV, TSV, TXT, XLSX, XLS, ODS; up to 100 MB) with the same code as the app’s wizard, answers 202 with the new import, and stores its rows in the background; poll `GET /api/imports/{id}`. The file is kept on the server until the import completes, so a restart resumes it. A bad file is refused before anything is stored.',
        requestBody: {
          required: true,
          content: {
            'multipart/form-data': {
              schema: {
                type: 'object',
                required: ['file', 'options'],
                properties: {
                  file: { ...binary, description: 'The lead file.' },
                  options: schema(importFileOptions, 'input'),
                },
              },
              encoding: { options: { contentType: 'application/json' } },
            },
          },
        },
        responses: {
          202: { description: 'Accepted; stored in the background.', ...jsonRef('Import') },
          400: error('No file part, or options that are not valid JSON or break a rule.'),
          404: error('No such campaign.'),
          413: error('The file is too large, or took too long or too much memory to read.'),
          415: error('Not multipart/form-data.'),
          422: error(
            'The file cannot be imported: empty, encrypted, damaged, no data rows, no phone column… (the code says which).',
          ),
        },
      },
    },
  }
}

function jsonRef(name: string) {
  return { content: { 'application/json': { schema: ref(name) } } }
}

/** `POST /api/calls/{id}/events`: the webhook provider's callback, signed instead of a key. */
export function callPaths(): Json {
  const header = (name: string, description: string) => ({
    name,
    in: 'header',
    required: true,
    description,
    schema: { type: 'string' },
  })
  return {
    '/api/calls/{id}/events': {
      post: {
        ...operation('Calls', {
          summary: 'Report a call’s progress or outcome (webhook provider)',
          params: [
            idParam('call'),
            header(SIGNATURE_TIMESTAMP_HEADER, 'Unix time in seconds when the body was signed.'),
            header(
              SIGNATURE_HEADER,
              '`v1=` and the hex HMAC-SHA256 of `<timestamp>.<raw body>` with `LEADPORT_WEBHOOK_SECRET`.',
            ),
          ],
          body: callEventBody,
          ok: [
            200,
            'Whether the event changed anything; a repeated `event_id` is acknowledged as a duplicate.',
            schema(callEventResponse, 'output'),
          ],
          refusals: {
            400: 'Not JSON, or not a valid event.',
            401: 'No signature, a wrong one, or a timestamp too far from the server’s clock.',
            404: 'No such call.',
          },
        }),
        security: [],
        description:
          '`progress` keeps a live call’s lease; `ended` records the outcome (completed, no_answer, busy, voicemail, failed) and moves the lead on: the next secondary number, a retry after the campaign’s interval, or done.',
      },
    },
  }
}
