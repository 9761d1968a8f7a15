import { DIALER_MIGRATION } from './migration-dialer.ts'
import { DNC_MIGRATION } from './migration-dnc.ts'
import { IMPORTS_MIGRATION } from './migration-imports.ts'
import { MAPPINGS_MIGRATION } from './migration-mappings.ts'
import { OUTBOX_MIGRATION } from './migration-outbox.ts'

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
  // 2: assistants, caller numbers, campaign settings, lead details, idempotency keys
  `
  CREATE TABLE assistants (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    variables TEXT NOT NULL DEFAULT '[]',
    script TEXT NOT NULL DEFAULT '',
    time_zone TEXT NOT NULL DEFAULT 'UTC',
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
  ) STRICT;

  CREATE TABLE phone_numbers (
    id INTEGER PRIMARY KEY,
    phone_e164 TEXT NOT NULL UNIQUE,
    label TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
  ) STRICT;

  ALTER TABLE campaigns ADD COLUMN assistant_id INTEGER REFERENCES assistants (id);
  ALTER TABLE campaigns ADD COLUMN time_zone TEXT;
  ALTER TABLE campaigns ADD COLUMN calling_hours_start TEXT NOT NULL DEFAULT '00:00';
  ALTER TABLE campaigns ADD COLUMN calling_hours_end TEXT NOT NULL DEFAULT '23:59';
  ALTER TABLE campaigns ADD COLUMN allowed_days TEXT NOT NULL
    DEFAULT '["mon","tue","wed","thu","fri","sat","sun"]';
  ALTER TABLE campaigns ADD COLUMN max_retries INTEGER NOT NULL DEFAULT 3
    CHECK (max_retries BETWEEN 1 AND 5);
  ALTER TABLE campaigns ADD COLUMN retry_interval_minutes INTEGER NOT NULL DEFAULT 60
    CHECK (retry_interval_minutes BETWEEN 10 AND 4320);
  ALTER TABLE campaigns ADD COLUMN parallel_calls INTEGER NOT NULL DEFAULT 3
    CHECK (parallel_calls BETWEEN 1 AND 10);
  ALTER TABLE campaigns ADD COLUMN retry_on_voicemail INTEGER NOT NULL DEFAULT 0
    CHECK (retry_on_voicemail IN (0, 1));
  -- ADD COLUMN takes constant defaults only; inserts set it, old rows copy created_at.
  ALTER TABLE campaigns ADD COLUMN updated_at TEXT NOT NULL DEFAULT '';
  UPDATE campaigns SET updated_at = created_at;

  CREATE TABLE campaign_phone_numbers (
    campaign_id INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    phone_number_id INTEGER NOT NULL REFERENCES phone_numbers (id),
    position INTEGER NOT NULL,
    PRIMARY KEY (campaign_id, phone_number_id)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX campaign_phone_numbers_number ON campaign_phone_numbers (phone_number_id);

  ALTER TABLE leads ADD COLUMN secondary_phones TEXT NOT NULL DEFAULT '[]';
  ALTER TABLE leads ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0);
  ALTER TABLE leads ADD COLUMN next_attempt_at TEXT;
  ALTER TABLE leads ADD COLUMN origin_kind TEXT NOT NULL DEFAULT 'api'
    CHECK (origin_kind IN ('api', 'import'));
  ALTER TABLE leads ADD COLUMN origin_ref TEXT;
  ALTER TABLE leads ADD COLUMN updated_at TEXT NOT NULL DEFAULT '';
  UPDATE leads SET updated_at = created_at;
  -- Cursor paging in id order without a status filter (the rowid follows campaign_id).
  CREATE INDEX leads_campaign_id ON leads (campaign_id, id);

  -- One stored answer per Idempotency-Key and scope (see routes/campaigns/idempotency.ts).
  CREATE TABLE idempotency_keys (
    scope TEXT NOT NULL,
    key TEXT NOT NULL,
    body_hash TEXT NOT NULL,
    status INTEGER NOT NULL,
    response TEXT NOT NULL,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    PRIMARY KEY (scope, key)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
  `,
  // 3: users, sessions and API keys
  `
  CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL UNIQUE COLLATE NOCASE,
    name TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL CHECK (role IN ('admin', 'member')),
    -- scrypt$N$r$p$salt$hash (see auth/password.ts)
    password_hash TEXT NOT NULL,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
  ) STRICT;

  -- Only the SHA-256 of a session token is stored: a copy of the file logs nobody in.
  CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    expires_at TEXT NOT NULL
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX sessions_user ON sessions (user_id);

  -- Keys are lp_<prefix>_<secret>; the prefix finds the row, SHA-256(secret) proves it.
  CREATE TABLE api_keys (
    id INTEGER PRIMARY KEY,
    prefix TEXT NOT NULL UNIQUE,
    secret_hash TEXT NOT NULL,
    name TEXT NOT NULL,
    created_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    last_used_at TEXT,
    revoked_at TEXT
  ) STRICT;
  `,
  // 4: import sessions, the chunk ledger and skipped rows
  IMPORTS_MIGRATION,
  // 5: the dialer: calls, call events, lead time zones, caller rotation
  DIALER_MIGRATION,
  // 6: the email outbox
  OUTBOX_MIGRATION,
  // 7: column mappings remembered per campaign
  MAPPINGS_MIGRATION,
  // 8: the do-not-call list and lead-count samples
  DNC_MIGRATION,
]
