import type { Context } from 'hono'
import type { z } from 'zod'
import { AppError } from '../app-error.ts'

/**
 * Reads a JSON body and validates it with a schema from `shared`; refuses anything else with a
 * message that names the first problem and where it is.
 * @example const body = await readJson(c, createCampaignBody)
 */
export async function readJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  const type = c.req.header('content-type') ?? ''
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      'Send the body as JSON with Content-Type: application/json.',
    )
  }
  let raw: unknown
  try {
    raw = await c.req.json()
  } catch {
    throw new AppError('BAD_REQUEST', 'The body is not valid JSON.')
  }
  const parsed = schema.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue && issue.path.length > 0 ? ` (at ${issue.path.join('.')})` : ''
    throw new AppError('BAD_REQUEST', `${issue?.message ?? 'Invalid body'}${where}`)
  }
  return parsed.data
}

/** Parses a positive integer path parameter, or answers 404 naming the resource. */
export function readId(c: Context, name: string, resource: string): number {
  const raw = c.req.param(name) ?? ''
  const id = /^[1-9]\d{0,15}$/.test(raw) ? Number(raw) : Number.NaN
  if (!Number.isSafeInteger(id))
    throw new AppError('NOT_FOUND', `${resource} ${raw} does not exist.`)
  return id
}
