import { z } from 'zod'
import { id } from './common.ts'
import { MAX_CHUNK_ROWS, mappingSchema, phoneFormatSchema } from './imports.ts'

/** Text encodings a background file import can be told to use (detected when absent). */
export const FILE_IMPORT_ENCODINGS = [
  'utf-8',
  'utf-16le',
  'utf-16be',
  'windows-1252',
  'windows-1254',
] as const

/**
 * The `options` part (JSON) of `POST /api/imports/file`: the campaign, the phone format, and
 * optionally how to read and map the file (detected like the wizard when absent).
 */
export const importFileOptions = z.strictObject({
  campaign_id: id,
  format: phoneFormatSchema,
  mapping: mappingSchema.optional(),
  sheet: z.string().min(1).max(255).optional(),
  header_row: z.number().int().min(1).max(1_048_576).optional(),
  encoding: z.enum(FILE_IMPORT_ENCODINGS).optional(),
  delimiter: z.enum([',', ';', '\t', '|']).optional(),
  chunk_size: z.number().int().min(1).max(MAX_CHUNK_ROWS).optional(),
})
export type ImportFileOptions = z.infer<typeof importFileOptions>
