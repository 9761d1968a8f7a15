import { createAssistantBody, updateAssistantBody } from '@leadport/shared'
import { Hono } from 'hono'
import type { AppEnv } from '../../app.ts'
import { AppError } from '../../app-error.ts'
import {
  getAssistant,
  insertAssistant,
  listAssistants,
  updateAssistant,
} from '../../db/assistants.ts'
import { readId, readJson } from '../validate.ts'

/** Assistant routes under `/api/assistants`. */
export const assistantRoutes = new Hono<AppEnv>()
  .get('/', (c) => c.json({ items: listAssistants(c.get('db')) }))
  .post('/', async (c) => {
    const body = await readJson(c, createAssistantBody)
    return c.json(insertAssistant(c.get('db'), body), 201)
  })
  .get('/:id', (c) => {
    const id = readId(c, 'id', 'Assistant')
    const a = getAssistant(c.get('db'), id)
    if (!a) throw new AppError('NOT_FOUND', `Assistant ${id} does not exist.`)
    return c.json(a)
  })
  .patch('/:id', async (c) => {
    const db = c.get('db')
    const id = readId(c, 'id', 'Assistant')
    const patch = await readJson(c, updateAssistantBody)
    const updated = db
      .transaction(() => {
        const current = getAssistant(db, id)
        if (!current) throw new AppError('NOT_FOUND', `Assistant ${id} does not exist.`)
        // Re-check the merged result: a script patch must fit the stored variables and back.
        const merged = createAssistantBody.safeParse({
          name: patch.name ?? current.name,
          variables: patch.variables ?? current.variables,
          script: patch.script ?? current.script,
          time_zone: patch.time_zone ?? current.time_zone,
        })
        if (!merged.success) {
          throw new AppError('BAD_REQUEST', merged.error.issues[0]?.message ?? 'Invalid body')
        }
        return updateAssistant(db, id, merged.data)
      })
      .immediate()
    return c.json(updated)
  })
