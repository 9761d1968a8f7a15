import { z } from 'zod'
import { MAX_SECONDARY_PHONES } from '../mapping/fields.ts'
import { MAX_COLUMNS } from '../read/workbook/scan-sheet.ts'
import { id, timestamp } from './common.ts'

/** Most rows in one chunk of an import session (more is `413`). */
export const MAX_CHUNK_ROWS = 5_000
/** Most bytes in one chunk body (more is `413`): room for a few 1 MB cells the report must show. */
export const MAX_CHUNK_BYTES = 16 * 1024 * 1024
/** Most rows in one import. */
export const MAX_IMPORT_ROWS = 5_000_000
/** Rows per chunk when the client does not say. */
export const DEFAULT_CHUNK_SIZE = 2_000

/** What an import reads: a file of one of these kinds, or rows pushed through the API. */
export const IMPORT_FILE_KINDS = ['csv', 'xlsx', 'xls', 'ods', 'api'] as const
/** An import's lifecycle: chunks arrive while `uploading`; `completed` takes no more. */
export const IMPORT_STATUSES = ['uploading', 'processing', 'completed', 'failed'] as const

/** The phone format of an import: International (`+`/`00`) or National with one country. */
export const phoneFormatSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('international') }),
  z.strictObject({
    kind: z.literal('national'),
    country: z.string().regex(/^[A-Z]{2}$/, 'Use a two-letter ISO country code such as TR or US.'),
  }),
])

const column = z.number().int().min(0).max(MAX_COLUMNS).nullable()

/** Which column feeds each target (the shared `Mapping`). */
export const mappingSchema = z.strictObject({
  phone_number: column,
  email: column,
  secondary_phones: z.array(z.number().int().min(0).max(MAX_COLUMNS)).max(MAX_SECONDARY_PHONES * 2),
  variables: z.record(z.string().min(1).max(64), column),
})

/** Body of `POST /api/imports`: one import session into a campaign. */
export const createImportBody = z.strictObject({
  campaign_id: id,
  file_name: z.string().trim().min(1).max(255),
  file_kind: z.enum(IMPORT_FILE_KINDS),
  /** The header row as read (labels of the report's columns; its length bounds the row). */
  header: z.array(z.string().max(1_000).nullable()).min(1).max(MAX_COLUMNS),
  format: phoneFormatSchema,
  mapping: mappingSchema,
  /** Free-form reading options shown back (sheet, header row, encoding, delimiter). */
  read_options: z.record(z.string().max(64), z.union([z.string().max(256), z.number()])).optional(),
  expected_rows: z.number().int().min(0).max(MAX_IMPORT_ROWS),
  chunk_size: z.number().int().min(1).max(MAX_CHUNK_ROWS).default(DEFAULT_CHUNK_SIZE),
})
export type CreateImportBody = z.infer<typeof createImportBody>

/** One cell as read: text, an exact number (XLSX numeric cell), a boolean, or empty. */
export const chunkCell = z.union([z.string(), z.number(), z.boolean(), z.null()])

/** One row of a chunk: its row number in the original file and its raw cells, as read. */
export const chunkRow = z.strictObject({
  row: z
    .number()
    .int()
    .min(1)
    .max(2 ** 31 - 1),
  cells: z.array(chunkCell).max(MAX_COLUMNS),
  hidden: z.boolean().optional(),
})
export type ChunkRow = z.infer<typeof chunkRow>

/** Body of `PUT /api/imports/{id}/chunks/{n}`: the raw rows, re-validated by the server. */
export const putChunkBody = z.strictObject({
  rows: z.array(chunkRow).min(1).max(MAX_CHUNK_ROWS),
})
export type PutChunkBody = z.infer<typeof putChunkBody>

/** Counters of an import or of one chunk; `rows` = inserted + every kind of skipped row. */
export const importCounts = z.object({
  rows: z.number().int(),
  inserted: z.number().int(),
  invalid: z.number().int(),
  duplicate_in_file: z.number().int(),
  duplicate_in_campaign: z.number().int(),
  /** Inserted rows that carry a warning. */
  warnings: z.number().int(),
})
export type ImportCounts = z.infer<typeof importCounts>

/** Answer of a chunk `PUT`; `replay` is true when it was already stored and nothing changed. */
export const chunkResult = importCounts.extend({ n: z.number().int(), replay: z.boolean() })
export type ChunkResult = z.infer<typeof chunkResult>

/** An import session as `GET /api/imports/{id}` returns it. */
export const importSchema = z.object({
  id,
  campaign_id: id,
  status: z.enum(IMPORT_STATUSES),
  file_name: z.string(),
  file_kind: z.enum(IMPORT_FILE_KINDS),
  expected_rows: z.number().int(),
  chunk_size: z.number().int(),
  total_chunks: z.number().int(),
  /** Chunk numbers stored so far (0-based): a resuming client sends only the others. */
  committed_chunks: z.array(z.number().int()),
  counts: importCounts.extend({ valid: z.number().int() }),
  created_at: timestamp,
  updated_at: timestamp,
  completed_at: timestamp.nullable(),
  /** Why a background import failed (status `failed`), in words for the user; else null. */
  failure: z.string().nullable(),
})
export type Import = z.infer<typeof importSchema>
