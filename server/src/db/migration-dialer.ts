/**
 * The dialer's tables and columns (to be appended as migration 5).
 *
 * - `calls`: one row per dial. Claiming a lead inserts it with `status = 'dialing'` and a lease in
 *   the same transaction that makes the lead `processing`; the outcome ends it exactly once. A
 *   lease that runs out (a crash, a silent provider) ends it as `failed`: a call row is handed to
 *   a provider at most once, so nothing is ever dialled twice. `(lead_id, attempt, phone_index)`
 *   is unique: one dial per number per round.
 * - `call_events`: the provider's event ids per call, so a replayed callback changes nothing.
 * - `leads.phone_index`: the number the lead's current round dials next (0 the primary, 1.. the
 *   secondary ones). `leads.time_zone`: the IANA zone of the lead's number, `''` for "the
 *   campaign's zone" (unknown or multi-zone country), `NULL` until the dialer works it out.
 * - `campaigns.caller_cursor`: round-robin over the campaign's caller numbers.
 */
export const DIALER_MIGRATION = `
  CREATE TABLE calls (
    id INTEGER PRIMARY KEY,
    campaign_id INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    lead_id INTEGER NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
    attempt INTEGER NOT NULL CHECK (attempt >= 1),
    phone_index INTEGER NOT NULL CHECK (phone_index >= 0),
    to_e164 TEXT NOT NULL,
    from_e164 TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'dialing' CHECK (status IN ('dialing', 'ended')),
    lease_until TEXT,
    outcome TEXT CHECK (outcome IN ('completed', 'no_answer', 'busy', 'voicemail', 'failed')),
    duration_seconds INTEGER CHECK (duration_seconds >= 0),
    created_at TEXT NOT NULL,
    ended_at TEXT,
    CHECK ((status = 'ended') = (outcome IS NOT NULL)),
    UNIQUE (lead_id, attempt, phone_index)
  ) STRICT;
  CREATE INDEX calls_campaign_live ON calls (campaign_id, status);
  CREATE INDEX calls_lease ON calls (status, lease_until);
  CREATE INDEX calls_campaign_created ON calls (campaign_id, created_at);

  CREATE TABLE call_events (
    call_id INTEGER NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
    event_id TEXT NOT NULL,
    received_at TEXT NOT NULL,
    PRIMARY KEY (call_id, event_id)
  ) STRICT, WITHOUT ROWID;

  ALTER TABLE leads ADD COLUMN phone_index INTEGER NOT NULL DEFAULT 0 CHECK (phone_index >= 0);
  ALTER TABLE leads ADD COLUMN time_zone TEXT;
  -- Due leads of a campaign by zone, in due order (the claim query).
  CREATE INDEX leads_campaign_due ON leads (campaign_id, status, time_zone, next_attempt_at);

  ALTER TABLE campaigns ADD COLUMN caller_cursor INTEGER NOT NULL DEFAULT 0;
`
