import type { CreateImportBody } from '@leadport/shared'
import { buildTargets, type PhoneFormat, validateMapping } from '@leadport/shared'
import { AppError } from '../../app-error.ts'
import { saveCampaignMapping } from '../../db/campaign-mappings.ts'
import { readCampaignStatus } from '../../db/campaigns.ts'
import { insertImport, readCampaignVariables } from '../../db/imports.ts'
import type { Db } from '../../db/open.ts'

/**
 * Creates an import session after checking the campaign and the mapping against the campaign
 * assistant's variables, which are frozen into the import with the mapping and the format.
 * @example createImportSession(db, body) // 12
 */
export function createImportSession(
  db: Db,
  body: CreateImportBody,
  userId: number | null = null,
): number {
  return db
    .transaction(() => {
      const status = readCampaignStatus(db, body.campaign_id)
      if (!status) throw new AppError('NOT_FOUND', `Campaign ${body.campaign_id} does not exist.`)
      if (status === 'completed') {
        throw new AppError(
          'CONFLICT',
          `Campaign ${body.campaign_id} is completed and takes no more leads. Create a new campaign for them.`,
        )
      }
      const variables = readCampaignVariables(db, body.campaign_id)
      // A null-prototype copy: a `__proto__` key stays a key (and is refused as unknown).
      const own: Record<string, number | null> = Object.create(null)
      for (const [k, v] of Object.entries(body.mapping.variables)) own[k] = v
      const mapping = { ...body.mapping, variables: own }
      const problems = validateMapping(mapping, body.header.length, buildTargets(variables))
      const error = problems.find((p) => p.severity === 'error')
      if (error) throw new AppError('BAD_REQUEST', error.message)
      // The wizard offers the campaign's last mapping next time (an API import counts too).
      saveCampaignMapping(db, body.campaign_id, {
        header: body.header,
        mapping,
        format: body.format,
      })
      return insertImport(db, {
        campaign_id: body.campaign_id,
        created_by: userId,
        file_name: body.file_name.replace(/[\p{Cc}\p{Cf}]/gu, ''),
        file_kind: body.file_kind,
        options: {
          header: body.header,
          format: body.format as PhoneFormat,
          mapping,
          variables,
          ...(body.read_options ? { read_options: body.read_options } : {}),
        },
        expected_rows: body.expected_rows,
        chunk_size: body.chunk_size,
      })
    })
    .immediate()
}
