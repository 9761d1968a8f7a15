import { join } from 'node:path'
import { type FullConfig, request } from '@playwright/test'

/** Signs in as the admin once and saves the session cookie for every test (`storageState`). */
export default async function globalSetup(config: FullConfig) {
  const baseURL = config.projects[0]?.use.baseURL as string
  const ctx = await request.newContext({ baseURL })
  const res = await ctx.post('/api/auth/login', {
    headers: { origin: baseURL },
    data: { email: process.env.E2E_ADMIN_EMAIL, password: process.env.E2E_ADMIN_PASSWORD },
  })
  if (res.status() !== 200)
    throw new Error(`admin sign-in failed: ${res.status()} ${await res.text()}`)
  await ctx.storageState({ path: join(process.env.E2E_DATA_DIR as string, 'admin-state.json') })
  await ctx.dispose()
}
