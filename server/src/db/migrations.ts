/**
 * Versioned schema migrations, applied in order; `PRAGMA user_version` records the last one.
 * Never edit a shipped migration: add a new one.
 */
export const MIGRATIONS: readonly string[] = [
  // 1: campaigns and leads
  `
  CREATE TABLE campaigns (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'draft'
      CHECK (status IN ('draft', 'in_progress', 'paused', 'completed')),
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
  ) STRICT;
  -- Campaign ids start at 1000 so that URLs read like /campaigns/1050.
  INSERT INTO sqlite_sequence (name, seq) VALUES ('campaigns', 999);

  CREATE TABLE leads (
    id INTEGER PRIMARY KEY,
    campaign_id INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    phone_e164 TEXT NOT NULL,
    phone_ext TEXT,
    status TEXT NOT NULL DEFAULT 'created'
      CHECK (status IN ('created', 'scheduled', 'processing', 'rescheduled',
                        'max_retries', 'completed', 'suppressed')),
    variables TEXT NOT NULL DEFAULT '{}',
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    UNIQUE (campaign_id, phone_e164)
  ) STRICT;
  CREATE INDEX leads_campaign_status ON leads (campaign_id, status, id);
  `,
]
