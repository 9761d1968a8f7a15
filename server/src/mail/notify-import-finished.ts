import { getCampaign } from '../db/campaigns.ts'
import { getImport } from '../db/imports.ts'
import type { Db } from '../db/open.ts'
import { enqueueMessage } from '../db/outbox.ts'
import { getUser } from '../db/users.ts'
import { renderImportFinished } from './import-finished-message.ts'
import type { MailConfig } from './read-mail-config.ts'

/** Imports with more rows than this get an email even when they ran in the foreground. */
export const LARGE_IMPORT_ROWS = 10_000

/** Options of {@link notifyImportFinished}. */
export interface NotifyOptions {
  /** The server imported the file on its own (`POST /api/imports/file`). */
  background?: boolean
  /** The clock, in ms (tests); default `Date.now`. */
  now?: () => number
}

// One address, nothing a header parser could read as a list, a name or a second line.
const PLAIN_ADDRESS = /^[^\s@,;:<>()[\]"\\]+@[^\s@,;:<>()[\]"\\]+$/

/**
 * Enqueues the "import finished" email when a completed import ran in the background or has more
 * than {@link LARGE_IMPORT_ROWS} rows, to the user who started it. Call it inside the transaction
 * that completes the import, so the email exists exactly when the completion does; calling it
 * again for the same import adds nothing. Returns the outbox id, or `null` when no email is due:
 * email is off (`mail` undefined), the import is small and foreground, not completed, or was
 * started with an API key (no user).
 * @example db.transaction(() => { completeImport(db, 12); notifyImportFinished(db, 12, mail) })()
 */
export function notifyImportFinished(
  db: Db,
  importId: number,
  mail: Pick<MailConfig, 'publicUrl'> | undefined,
  options: NotifyOptions = {},
): number | null {
  if (!mail) return null
  const session = getImport(db, importId)
  if (session?.status !== 'completed' || session.created_by === null) return null
  if (!options.background && session.counts.rows <= LARGE_IMPORT_ROWS) return null
  const user = getUser(db, session.created_by)
  if (!user || !PLAIN_ADDRESS.test(user.email)) return null
  const c = session.counts
  const message = renderImportFinished(
    {
      importId,
      campaignId: session.campaign_id,
      campaignName: getCampaign(db, session.campaign_id)?.name ?? `Campaign ${session.campaign_id}`,
      fileName: session.file_name,
      rows: c.rows,
      inserted: c.inserted,
      duplicates: c.duplicate_in_file + c.duplicate_in_campaign,
      invalid: c.invalid,
    },
    mail.publicUrl,
  )
  return enqueueMessage(
    db,
    {
      dedupe_key: `import-finished:${importId}`,
      to_address: user.email,
      subject: message.subject,
      text_body: message.text,
      html_body: message.html,
    },
    new Date((options.now ?? Date.now)()).toISOString(),
  )
}
