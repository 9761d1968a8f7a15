import { type SetupBody, setupBody, type User } from '@leadport/shared'
import type { Db } from '../db/open.ts'
import { countUsers, insertUser } from '../db/users.ts'
import { hashPassword } from './password.ts'

/**
 * Creates the first admin, only while there are no users (checked again inside the write
 * transaction, so two racing setups make one admin); `null` when someone was first.
 */
export async function createFirstAdmin(
  db: Db,
  body: Pick<SetupBody, 'email' | 'name' | 'password'>,
): Promise<User | null> {
  const passwordHash = await hashPassword(body.password)
  return db
    .transaction(() =>
      countUsers(db) > 0
        ? null
        : insertUser(db, { email: body.email, name: body.name, role: 'admin', passwordHash }),
    )
    .immediate()
}

/**
 * The unattended install: creates the admin from `LEADPORT_ADMIN_EMAIL` and
 * `LEADPORT_ADMIN_PASSWORD` on a first start; does nothing once any user exists. Throws with a
 * readable message when the values break the rules.
 */
export async function ensureAdminFromEnv(
  db: Db,
  env: NodeJS.ProcessEnv,
): Promise<'created' | 'exists' | 'not-configured'> {
  const email = env.LEADPORT_ADMIN_EMAIL
  const password = env.LEADPORT_ADMIN_PASSWORD
  if (!email || !password) return 'not-configured'
  if (countUsers(db) > 0) return 'exists'
  const parsed = setupBody.safeParse({ email, password, name: env.LEADPORT_ADMIN_NAME ?? 'Admin' })
  if (!parsed.success) {
    throw new Error(
      `LEADPORT_ADMIN_EMAIL/LEADPORT_ADMIN_PASSWORD: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
    )
  }
  return (await createFirstAdmin(db, parsed.data)) ? 'created' : 'exists'
}
