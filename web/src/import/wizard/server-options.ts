import type { ImportFileOptions, Mapping, PhoneFormat } from '@leadport/shared'
import type { EditLog, ReadOptions, ReadPreview } from '../worker/types.ts'

/** What the wizard chose, as {@link serverOptions} needs it. */
export interface WizardChoices {
  campaignId: number
  format: PhoneFormat
  mapping: Mapping
  read: ReadOptions
  /** The preview the user checked: its sheet, header row, encoding and delimiter as read. */
  preview: Pick<ReadPreview, 'sheet' | 'headerRow' | 'encoding' | 'delimiter'>
}

/**
 * The `options` of `POST /api/imports/file` for the wizard's choices: the server reads the file
 * exactly as the preview showed it (sheet, header row, encoding and delimiter made explicit, the
 * user's overrides first, then what was detected), with the same mapping and phone format.
 * @example serverOptions({ campaignId: 3, format, mapping, read: {}, preview }).delimiter // ';'
 */
export function serverOptions(c: WizardChoices): ImportFileOptions {
  const out: ImportFileOptions = {
    campaign_id: c.campaignId,
    format: c.format,
    mapping: c.mapping,
    header_row: c.read.headerRow ?? c.preview.headerRow,
  }
  const sheet = c.read.sheet ?? c.preview.sheet
  if (sheet !== undefined) out.sheet = sheet
  const encoding = c.read.encoding ?? c.preview.encoding
  if (encoding !== undefined) out.encoding = encoding
  const delimiter = c.read.delimiter ?? c.preview.delimiter
  if (delimiter !== undefined) out.delimiter = delimiter
  return out
}

/**
 * How many rows the user changed in the review (edited or deleted): changes the server does not
 * see when it reads the file itself.
 * @example changedRows({ edits: [[4, cells]], deleted: [4, 9] }) // 2
 */
export function changedRows(log: EditLog): number {
  const rows = new Set<number>(log.deleted)
  for (const [i] of log.edits) rows.add(i)
  return rows.size
}
