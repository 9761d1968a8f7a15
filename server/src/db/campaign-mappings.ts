import type { CampaignMapping, CampaignMappingBody } from '@leadport/shared'
import type { Db } from './open.ts'

interface MappingRow {
  header: string
  mapping: string
  format: string
  saved_at: string
}

/**
 * Remembers a campaign's column mapping, replacing the one saved before (the wizard offers the
 * latest on the next import). Returns the stored mapping with its `saved_at`.
 * @example saveCampaignMapping(db, 1000, { header, mapping, format: { kind: 'international' } })
 */
export function saveCampaignMapping(
  db: Db,
  campaignId: number,
  m: CampaignMappingBody,
): CampaignMapping {
  const row = db
    .prepare(
      `INSERT INTO campaign_mappings (campaign_id, header, mapping, format) VALUES (?, ?, ?, ?)
       ON CONFLICT (campaign_id) DO UPDATE SET header = excluded.header,
         mapping = excluded.mapping, format = excluded.format, saved_at = excluded.saved_at
       RETURNING header, mapping, format, saved_at`,
    )
    .get(
      campaignId,
      JSON.stringify(m.header),
      JSON.stringify(m.mapping),
      JSON.stringify(m.format),
    ) as MappingRow
  return parseRow(row)
}

/**
 * A campaign's remembered mapping, or `undefined` when none was saved.
 * @example getCampaignMapping(db, 1000)?.mapping.phone_number // 2
 */
export function getCampaignMapping(db: Db, campaignId: number): CampaignMapping | undefined {
  const row = db
    .prepare(
      'SELECT header, mapping, format, saved_at FROM campaign_mappings WHERE campaign_id = ?',
    )
    .get(campaignId) as MappingRow | undefined
  return row && parseRow(row)
}

function parseRow(r: MappingRow): CampaignMapping {
  return {
    header: JSON.parse(r.header) as CampaignMapping['header'],
    mapping: JSON.parse(r.mapping) as CampaignMapping['mapping'],
    format: JSON.parse(r.format) as CampaignMapping['format'],
    saved_at: r.saved_at,
  }
}
