import { z } from 'zod'
import { id, timestamp, timeZone } from './common.ts'
import { listPlaceholders } from './script.ts'

/** Most variables one assistant declares. */
export const MAX_ASSISTANT_VARIABLES = 50

/** One assistant variable: a key used as `{{key}}` in the script, a label, a default. */
export const assistantVariable = z.strictObject({
  key: z
    .string()
    .regex(
      /^[a-z][a-z0-9_]{0,63}$/,
      'A variable key is lower-case letters, digits and _ and starts with a letter (customer_name).',
    ),
  label: z.string().trim().min(1, 'Give every variable a label.').max(100),
  default: z.string().max(500).optional(),
  required: z.boolean().default(false),
})

const assistantFields = {
  name: z.string().trim().min(1, 'Give the assistant a name.').max(200),
  variables: z.array(assistantVariable).max(MAX_ASSISTANT_VARIABLES).default([]),
  script: z.string().max(20_000).default(''),
  time_zone: timeZone.default('UTC'),
}

// The script may only use declared variables, and a key is declared once.
function checkVariables(
  value: { variables?: { key: string }[]; script?: string },
  ctx: z.core.$RefinementCtx,
) {
  const keys = new Set<string>()
  for (const [i, v] of (value.variables ?? []).entries()) {
    if (keys.has(v.key)) {
      ctx.addIssue({
        code: 'custom',
        message: `The variable key "${v.key}" is used twice.`,
        path: ['variables', i, 'key'],
      })
    }
    keys.add(v.key)
  }
  if (value.script === undefined || value.variables === undefined) return
  for (const p of listPlaceholders(value.script)) {
    if (!keys.has(p)) {
      ctx.addIssue({
        code: 'custom',
        message: `The script uses {{${p}}}, which is not one of the assistant's variables. Add it, or fix the spelling.`,
        path: ['script'],
      })
    }
  }
}

/** Body of `POST /api/assistants`. */
export const createAssistantBody = z.strictObject(assistantFields).superRefine(checkVariables)
export type CreateAssistantBody = z.infer<typeof createAssistantBody>

/** Body of `PATCH /api/assistants/{id}`: any subset of the fields; variables and script together are checked against each other. */
export const updateAssistantBody = z
  .strictObject({
    name: assistantFields.name.optional(),
    variables: z.array(assistantVariable).max(MAX_ASSISTANT_VARIABLES).optional(),
    script: z.string().max(20_000).optional(),
    time_zone: timeZone.optional(),
  })
  .superRefine(checkVariables)
export type UpdateAssistantBody = z.infer<typeof updateAssistantBody>

/** An assistant as the API returns it. */
export const assistantSchema = z.object({
  id,
  name: z.string(),
  variables: z.array(assistantVariable),
  script: z.string(),
  time_zone: z.string(),
  created_at: timestamp,
  updated_at: timestamp,
})
export type Assistant = z.infer<typeof assistantSchema>
