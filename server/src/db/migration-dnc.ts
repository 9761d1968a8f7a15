/**
 * Migration 8: the workspace's do-not-call list, and the dialer's samples of lead counts.
 *
 * - `do_not_call`: one row per number (E.164, unique) that must never be dialled, with who added
 *   it (a member, or an API key; the label survives their deletion), how and why. Matching leads
 *   are `suppressed` when they arrive (see db/dnc.ts) and skipped at dial time.
 * - `campaign_samples`: the lead counts by status of an `in_progress` campaign, written by the
 *   dialer about once a minute, so the campaign page can chart statuses over time (leads keep no
 *   status history of their own, and a count per request would scan every lead).
 * - US, Canadian, Brazilian and Australian leads now get their zone from their region when the
 *   number tells it (dialer/region-zones.ts): the ones stored with the campaign's zone (`''`) are
 *   worked out again by the dialer.
 */
export const DNC_MIGRATION = `
  CREATE TABLE do_not_call (
    id INTEGER PRIMARY KEY,
    phone_e164 TEXT NOT NULL UNIQUE,
    reason TEXT NOT NULL DEFAULT '' CHECK (length(reason) <= 500),
    source TEXT NOT NULL CHECK (source IN ('manual', 'file', 'api')),
    added_by_user_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    added_by_api_key_id INTEGER REFERENCES api_keys (id) ON DELETE SET NULL,
    added_by TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
  ) STRICT;

  CREATE TABLE campaign_samples (
    campaign_id INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    at TEXT NOT NULL,
    counts TEXT NOT NULL,
    PRIMARY KEY (campaign_id, at)
  ) STRICT, WITHOUT ROWID;

  UPDATE leads SET time_zone = NULL
  WHERE time_zone = '' AND (phone_e164 GLOB '+1*' OR phone_e164 GLOB '+55*'
    OR phone_e164 GLOB '+61*');
`
