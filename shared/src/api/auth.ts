import { z } from 'zod'
import { id, timestamp } from './common.ts'

/** Shortest password the app accepts (NIST SP 800-63B asks for at least 8). */
export const MIN_PASSWORD_LENGTH = 10

const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email('Enter an email address such as ayse@example.com.'))
const password = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Use a password of at least ${MIN_PASSWORD_LENGTH} characters.`)
  .max(200, 'Use a password of at most 200 characters.')
const name = z.string().trim().max(100).default('')

/** Roles: the admin adds and removes members; both use the app and its API keys. */
export const USER_ROLES = ['admin', 'member'] as const
/** A user's role. */
export type UserRole = (typeof USER_ROLES)[number]

/** Body of `POST /api/auth/login`. */
export const loginBody = z.strictObject({
  email: z.string().trim().toLowerCase().min(1, 'Enter your email address.').max(254),
  password: z.string().min(1, 'Enter your password.').max(200),
})
export type LoginBody = z.infer<typeof loginBody>

/** Body of `POST /api/auth/setup`: the first admin, once, with the code printed at start. */
export const setupBody = z.strictObject({
  email,
  name,
  password,
  setup_code: z.string().trim().max(100).optional(),
})
export type SetupBody = z.infer<typeof setupBody>

/** Body of `POST /api/users` (admin only). */
export const createUserBody = z.strictObject({
  email,
  name,
  password,
  role: z.enum(USER_ROLES).default('member'),
})
export type CreateUserBody = z.infer<typeof createUserBody>

/** A user as the API returns it (never the password hash). */
export const userSchema = z.object({
  id,
  email: z.string(),
  name: z.string(),
  role: z.enum(USER_ROLES),
  created_at: timestamp,
})
export type User = z.infer<typeof userSchema>

/** `GET /api/auth/state`: whether the first admin must be created, and who is signed in. */
export const authStateSchema = z.object({
  setup_needed: z.boolean(),
  /** Setup asks for the code the server printed at start (not for unattended installs). */
  setup_code_required: z.boolean(),
  user: userSchema.nullable(),
})
export type AuthState = z.infer<typeof authStateSchema>

/** Body of `POST /api/api-keys`. */
export const createApiKeyBody = z.strictObject({
  name: z.string().trim().min(1, 'Name the key after what uses it, e.g. "HubSpot sync".').max(100),
})
export type CreateApiKeyBody = z.infer<typeof createApiKeyBody>

/** An API key's metadata; the secret is never stored or shown again. */
export const apiKeySchema = z.object({
  id,
  name: z.string(),
  /** The key's public prefix, to tell keys apart (`lp_ab12cd34ef56`). */
  prefix: z.string(),
  created_by: z.string().nullable(),
  created_at: timestamp,
  last_used_at: timestamp.nullable(),
})
export type ApiKey = z.infer<typeof apiKeySchema>

/** `POST /api/api-keys` answer: the metadata plus the whole key, shown this once. */
export const createdApiKeySchema = apiKeySchema.extend({
  key: z.string().meta({ example: 'lp_ab12cd34ef56_…' }),
})
export type CreatedApiKey = z.infer<typeof createdApiKeySchema>
