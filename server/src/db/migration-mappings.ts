/**
 * Migration 7: column mappings remembered per campaign (the wizard offers the last one).
 * One row per campaign, replaced on every save; the JSON columns hold the shapes of
 * `campaignMappingBody` (shared/src/api/campaign-import.ts). Never edit once shipped.
 */
export const MAPPINGS_MIGRATION = `
  CREATE TABLE campaign_mappings (
    campaign_id INTEGER PRIMARY KEY REFERENCES campaigns (id) ON DELETE CASCADE,
    header TEXT NOT NULL CHECK (json_valid(header) AND json_type(header) = 'array'),
    mapping TEXT NOT NULL CHECK (json_valid(mapping) AND json_type(mapping) = 'object'),
    format TEXT NOT NULL CHECK (json_valid(format) AND json_type(format) = 'object'),
    saved_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
  ) STRICT;
`
