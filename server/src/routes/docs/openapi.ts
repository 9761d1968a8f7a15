import {
  assistantSchema,
  campaignSchema,
  createAssistantBody,
  createCampaignBody,
  createPhoneNumberBody,
  errorBody,
  LEAD_STATUSES,
  leadSchema,
  pageOf,
  phoneNumberSchema,
  postLeadsBody,
  postLeadsResponse,
  updateAssistantBody,
  updateCampaignBody,
  updatePhoneNumberBody,
} from '@leadport/shared'
import type { z } from 'zod'
import { dialerPaths } from '../do-not-call/openapi.ts'
import { callPaths, importPaths, importSchemas } from './openapi-imports.ts'
import { BAD, idParam, type Json, list, operation, ref, schema } from './openapi-parts.ts'

/** Builds the OpenAPI 3.1 document of the API from the same zod schemas the routes use. */
export function buildOpenApi(version: string): Json {
  const crud = (
    tag: string,
    path: string,
    name: string,
    noun: string,
    create: z.ZodType,
    update: z.ZodType,
  ) => ({
    [path]: {
      get: operation(tag, {
        summary: `List ${tag.toLowerCase()}`,
        ok: [200, 'All of them.', list(name)],
        refusals: {},
      }),
      post: operation(tag, {
        summary: `Create ${noun}`,
        body: create,
        ok: [201, 'Created.', ref(name)],
        refusals: { 400: BAD, 409: 'Conflicts with what is stored.', 415: 'Not JSON.' },
      }),
    },
    [`${path}/{id}`]: {
      get: operation(tag, {
        summary: 'Read one',
        params: [idParam(name)],
        ok: [200, 'Found.', ref(name)],
        refusals: { 404: 'No such id.' },
      }),
      patch: operation(tag, {
        summary: 'Update some fields',
        params: [idParam(name)],
        body: update,
        ok: [200, 'Updated.', ref(name)],
        refusals: { 400: BAD, 404: 'No such id.', 409: 'Not allowed in its current status.' },
      }),
    },
  })
  const transition = (summary: string, why: string) =>
    operation('Campaigns', {
      summary,
      params: [idParam('campaign')],
      ok: [200, 'The campaign, changed.', ref('Campaign')],
      refusals: { 404: 'No such campaign.', 409: why },
    })
  return {
    openapi: '3.1.0',
    info: {
      title: 'Leadport API',
      version,
      description:
        'Assistants, caller numbers, campaigns, their leads and lead imports. Errors are `{ "error": { "code", "message" } }` with a fitting status. Authenticate with an API key created on the app\'s API keys page, sent as `Authorization: Bearer lp_…`: a missing, wrong or revoked key gets 401, and each key may send a burst of 120 requests and 20 a second after that (429 with `Retry-After` in seconds).',
    },
    servers: [{ url: '/' }],
    security: [{ apiKey: [] }],
    paths: {
      ...crud(
        'Assistants',
        '/api/assistants',
        'Assistant',
        'an assistant',
        createAssistantBody,
        updateAssistantBody,
      ),
      ...crud(
        'Caller numbers',
        '/api/phone-numbers',
        'PhoneNumber',
        'a caller number',
        createPhoneNumberBody,
        updatePhoneNumberBody,
      ),
      ...crud(
        'Campaigns',
        '/api/campaigns',
        'Campaign',
        'a campaign',
        createCampaignBody,
        updateCampaignBody,
      ),
      '/api/campaigns/{id}/start': {
        post: transition(
          'Start (draft or paused → in progress); its created leads become scheduled',
          'Not draft or paused, or it lacks an assistant, a caller number or a lead (the message names what).',
        ),
      },
      '/api/campaigns/{id}/pause': {
        post: transition('Pause (in progress → paused)', 'Not in progress.'),
      },
      '/api/campaigns/{id}/leads': leadPaths(),
      ...importPaths(),
      ...callPaths(),
      ...dialerPaths(),
    },
    components: {
      securitySchemes: {
        apiKey: {
          type: 'http',
          scheme: 'bearer',
          description: 'An API key, `lp_<prefix>_<secret>`.',
        },
      },
      schemas: {
        Assistant: schema(assistantSchema, 'output'),
        PhoneNumber: schema(phoneNumberSchema, 'output'),
        Campaign: schema(campaignSchema, 'output'),
        Lead: schema(leadSchema, 'output'),
        LeadPage: schema(pageOf(leadSchema), 'output'),
        ...importSchemas(),
        Error: schema(errorBody, 'output'),
      },
    },
  }
}

function leadPaths(): Json {
  const query = (name: string, description: string, s: Json) => ({
    name,
    in: 'query',
    description,
    schema: s,
  })
  return {
    get: operation('Leads', {
      summary: 'List a campaign’s leads, a page at a time',
      params: [
        idParam('campaign'),
        query('status', 'Only leads with this status.', {
          type: 'string',
          enum: [...LEAD_STATUSES],
        }),
        query(
          'phone',
          'Numbers starting with these digits (E.164, + optional); ordered by number.',
          { type: 'string' },
        ),
        query('cursor', 'The `next_cursor` of the previous page.', { type: 'string' }),
        query('limit', 'Page size, 1–1000 (100).', { type: 'integer', minimum: 1, maximum: 1000 }),
      ],
      ok: [200, 'A page, in id order (or number order with `phone`).', ref('LeadPage')],
      refusals: { 400: 'A bad status, phone, cursor or limit.', 404: 'No such campaign.' },
    }),
    post: {
      ...operation('Leads', {
        summary: 'Add one lead, or up to 10,000 under `leads`',
        params: [
          idParam('campaign'),
          {
            name: 'Idempotency-Key',
            in: 'header',
            description:
              'Optional, 1–255 visible ASCII characters. The same key with the same body replays the stored answer (header `Idempotent-Replayed: true`); with a different body it is refused with 409. Keys are per campaign and kept for 24 hours; refusals are not stored.',
            schema: { type: 'string', maxLength: 255 },
          },
        ],
        body: postLeadsBody,
        ok: [
          200,
          'One result per lead, in order: created, updated, duplicate or invalid (with codes).',
          schema(postLeadsResponse, 'output'),
        ],
        refusals: {
          400: BAD,
          404: 'No such campaign.',
          409: 'The campaign is completed, or the key was used with another body.',
          413: 'Body too large.',
        },
      }),
      description:
        'Every phone is re-validated on the server. A lead added to an in-progress campaign is `scheduled` at once; to a draft or paused one, `created` (Start schedules it).',
    },
  }
}
