import {
  addDoNotCallBody,
  addDoNotCallResponse,
  callSchema,
  campaignActivitySchema,
  doNotCallEntrySchema,
  doNotCallFileResponse,
  pageOf,
} from '@leadport/shared'
import { BAD, idParam, type Json, operation, schema } from '../docs/openapi-parts.ts'

const query = (name: string, description: string, s: Json) => ({
  name,
  in: 'query',
  description,
  schema: s,
})

/**
 * OpenAPI paths of the do-not-call list and of the dialer's read routes (calls, attempts,
 * activity), to spread into `paths` of routes/docs/openapi.ts.
 * @example paths: { ...callPaths(), ...dialerPaths() }
 */
export function dialerPaths(): Json {
  const calls = {
    type: 'object',
    properties: { items: { type: 'array', items: schema(callSchema, 'output') } },
  }
  return {
    '/api/do-not-call': {
      get: operation('Do not call', {
        summary: 'List the do-not-call numbers, newest first, or searched',
        params: [
          query(
            'q',
            'Digits: numbers starting with them (number order). Other text: reasons containing it.',
            { type: 'string' },
          ),
          query('cursor', 'The `next_cursor` of the previous page.', { type: 'string' }),
          query('limit', 'Page size, 1–500 (50).', { type: 'integer', minimum: 1, maximum: 500 }),
        ],
        ok: [200, 'A page of entries.', schema(pageOf(doNotCallEntrySchema), 'output')],
        refusals: { 400: 'A bad cursor or limit.' },
      }),
      post: operation('Do not call', {
        summary: 'Add numbers (up to 1,000); waiting leads with them become `suppressed`',
        body: addDoNotCallBody,
        ok: [
          200,
          'A result per number: added, duplicate (already listed) or invalid with the reason.',
          schema(addDoNotCallResponse, 'output'),
        ],
        refusals: { 400: BAD },
      }),
    },
    '/api/do-not-call/file': {
      post: {
        ...operation('Do not call', {
          summary: 'Upload a CSV/XLSX/XLS file of numbers (multipart, up to 1 MB)',
          ok: [
            200,
            'Counts, and the first 100 rows whose phone could not be read.',
            schema(doNotCallFileResponse, 'output'),
          ],
          refusals: {
            400: 'No `file` part, or bad `options`.',
            413: 'The file is larger than 1 MB.',
            415: 'Not multipart/form-data.',
            422: 'The file was refused (empty, damaged, encrypted, no phone column...): the code says which.',
          },
        }),
        requestBody: {
          required: true,
          content: {
            'multipart/form-data': {
              schema: {
                type: 'object',
                required: ['file'],
                properties: {
                  file: { type: 'string', format: 'binary' },
                  options: {
                    type: 'string',
                    description: 'JSON: `{ "country"?: "TR", "reason"?: "..." }`.',
                  },
                },
              },
            },
          },
        },
      },
    },
    '/api/do-not-call/{id}': {
      delete: {
        tags: ['Do not call'],
        summary: 'Remove a number from the list (leads already suppressed stay so)',
        parameters: [idParam('entry')],
        responses: { 204: { description: 'Removed.' }, 404: { description: 'No such entry.' } },
      },
    },
    '/api/campaigns/{id}/calls': {
      get: operation('Calls', {
        summary: 'A campaign’s calls in progress, or its latest ended ones',
        params: [
          idParam('campaign'),
          query(
            'status',
            '`in_progress` (default, oldest first) or `recent` (ended, newest first).',
            { type: 'string', enum: ['in_progress', 'recent'] },
          ),
          query('limit', 'For `recent`: 1–200 (50).', {
            type: 'integer',
            minimum: 1,
            maximum: 200,
          }),
        ],
        ok: [200, 'The calls.', calls],
        refusals: { 400: 'A bad status or limit.', 404: 'No such campaign.' },
      }),
    },
    '/api/campaigns/{id}/activity': {
      get: operation('Calls', {
        summary: 'Lead statuses and call outcomes over time (up to 60 equal buckets)',
        params: [idParam('campaign')],
        ok: [
          200,
          'The series, oldest bucket first; the last one shows the current counts.',
          schema(campaignActivitySchema, 'output'),
        ],
        refusals: { 404: 'No such campaign.' },
      }),
    },
    '/api/leads/{id}/calls': {
      get: operation('Calls', {
        summary: 'A lead’s attempts: every call placed to its numbers, oldest first',
        params: [idParam('lead')],
        ok: [200, 'The calls.', calls],
        refusals: { 404: 'No such lead.' },
      }),
    },
  }
}
