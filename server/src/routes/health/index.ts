import { Hono } from 'hono'
import type { AppEnv } from '../../app.ts'

/** `GET /api/health`: liveness plus a database round trip. */
export const healthRoutes = new Hono<AppEnv>().get('/', (c) => {
  const db = c.get('db')
  const schema = db.pragma('user_version', { simple: true }) as number
  return c.json({ status: 'ok', version: c.get('version'), schema })
})
