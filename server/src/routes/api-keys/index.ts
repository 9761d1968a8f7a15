import { type CreatedApiKey, createApiKeyBody } from '@leadport/shared'
import { Hono } from 'hono'
import type { AppEnv } from '../../app.ts'
import { AppError } from '../../app-error.ts'
import { createApiKeySecret } from '../../auth/tokens.ts'
import { insertApiKey, listApiKeys, revokeApiKey } from '../../db/api-keys.ts'
import { requireUser } from '../../http/authenticate.ts'
import { readId, readJson } from '../validate.ts'

/** API key routes under `/api/api-keys` (signed-in members only; a key cannot mint keys). */
export const apiKeyRoutes = new Hono<AppEnv>()
  .get('/', (c) => {
    requireUser(c)
    return c.json({ items: listApiKeys(c.get('db')) })
  })
  .post('/', async (c) => {
    const user = requireUser(c)
    const body = await readJson(c, createApiKeyBody)
    const { key, prefix, secretHash } = createApiKeySecret()
    const meta = insertApiKey(c.get('db'), {
      prefix,
      secretHash,
      name: body.name,
      createdBy: user.id,
    })
    const created: CreatedApiKey = { ...meta, key }
    c.header('cache-control', 'no-store')
    return c.json(created, 201)
  })
  .delete('/:id', (c) => {
    requireUser(c)
    const id = readId(c, 'id', 'API key')
    if (!revokeApiKey(c.get('db'), id, new Date().toISOString()))
      throw new AppError('NOT_FOUND', `API key ${id} does not exist or is already revoked.`)
    return c.body(null, 204)
  })
