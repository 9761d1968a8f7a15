import { createUserBody } from '@leadport/shared'
import { Hono } from 'hono'
import type { AppEnv } from '../../app.ts'
import { AppError } from '../../app-error.ts'
import { hashPassword } from '../../auth/password.ts'
import { deleteUser, getUser, insertUser, listUsers } from '../../db/users.ts'
import { requireAdmin, requireUser } from '../../http/authenticate.ts'
import { readId, readJson } from '../validate.ts'

/** Member routes under `/api/users`: everyone signed in sees the team; the admin changes it. */
export const userRoutes = new Hono<AppEnv>()
  .get('/', (c) => {
    requireUser(c)
    return c.json({ items: listUsers(c.get('db')) })
  })
  .post('/', async (c) => {
    requireAdmin(c)
    const body = await readJson(c, createUserBody)
    const passwordHash = await hashPassword(body.password)
    const user = insertUser(c.get('db'), { ...body, passwordHash })
    if (!user) throw new AppError('CONFLICT', `${body.email} is already a member.`)
    return c.json(user, 201)
  })
  .delete('/:id', (c) => {
    const admin = requireAdmin(c)
    const id = readId(c, 'id', 'Member')
    if (id === admin.id) {
      throw new AppError('CONFLICT', 'You cannot remove yourself: the team needs its admin.')
    }
    const db = c.get('db')
    if (!getUser(db, id) || !deleteUser(db, id))
      throw new AppError('NOT_FOUND', `Member ${id} does not exist.`)
    return c.body(null, 204)
  })
