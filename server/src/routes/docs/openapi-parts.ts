import { z } from 'zod'

// The building blocks of the OpenAPI document: JSON Schema from zod, references, operations.

/** A JSON object. */
export type Json = Record<string, unknown>

/**
 * JSON Schema of a zod schema: request bodies as clients send them (defaults optional), answers
 * as sent.
 * @example schema(createImportBody, 'input')
 */
export function schema(s: z.ZodType, io: 'input' | 'output'): Json {
  const { $schema: _, ...json } = z.toJSONSchema(s, { io, unrepresentable: 'any' }) as Json
  return json
}

/** A reference to a component schema. @example ref('Import') */
export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })
/** A JSON body with this schema. @example json(ref('Import')) */
export const json = (s: Json) => ({ content: { 'application/json': { schema: s } } })
/** An error answer. @example error('No such import.') */
export const error = (description: string) => ({ description, ...json(ref('Error')) })
/** The `{id}` path parameter. @example idParam('import') */
export const idParam = (what: string) => ({
  name: 'id',
  in: 'path',
  required: true,
  description: `The ${what}'s id.`,
  schema: { type: 'integer', minimum: 1 },
})

/** One operation: summary, parameters, JSON body, the success answer and the refusals. */
export interface Op {
  summary: string
  params?: Json[]
  body?: z.ZodType
  ok: [number, string, Json]
  refusals: Record<number, string>
}

/**
 * An OpenAPI operation under `tag`.
 * @example operation('Imports', { summary: 'Read one', ok: [200, 'Found.', ref('Import')], refusals: {} })
 */
export function operation(tag: string, o: Op): Json {
  const responses: Json = { [o.ok[0]]: { description: o.ok[1], ...json(o.ok[2]) } }
  for (const [status, why] of Object.entries(o.refusals)) responses[status] = error(why)
  return {
    tags: [tag],
    summary: o.summary,
    ...(o.params ? { parameters: o.params } : {}),
    ...(o.body ? { requestBody: { required: true, ...json(schema(o.body, 'input')) } } : {}),
    responses,
  }
}

/** The usual 400. */
export const BAD =
  'The body is not valid JSON or breaks a rule; the message names the first problem.'
/** `{ items: [...] }` of a component schema. @example list('Campaign') */
export const list = (name: string) => ({
  type: 'object',
  properties: { items: { type: 'array', items: ref(name) } },
})
