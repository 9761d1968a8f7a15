/**
 * Import sessions, their chunk ledger and their skipped rows (to be appended as migration 4).
 *
 * - `imports`: one row per session; options are frozen at creation (mapping, format, the
 *   assistant's variables), so replays and resumed uploads validate exactly like the first try.
 *   Counters are updated in the same transaction as each chunk.
 * - `import_chunks`: the ledger. `(import_id, n)` is the key; `body_sha256` tells a replay from a
 *   conflicting body; `result` is the JSON answer given the first time.
 * - `import_errors`: every skipped row with its original row number, raw cells and issues.
 * - `leads.origin_row`: the file row a lead came from. With `origin_ref` (the import id) it tells
 *   a duplicate within the same file (`DUPLICATE_IN_FILE`, "same as row Y") from a number that
 *   was already in the campaign (`DUPLICATE_IN_CAMPAIGN`), whichever chunk arrives first.
 */
export const IMPORTS_MIGRATION = `
  CREATE TABLE imports (
    id INTEGER PRIMARY KEY,
    campaign_id INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    -- The signed-in user who started it (for the "import finished" email); NULL for API keys.
    created_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    status TEXT NOT NULL DEFAULT 'uploading'
      CHECK (status IN ('uploading', 'processing', 'completed', 'failed')),
    file_name TEXT NOT NULL,
    file_kind TEXT NOT NULL CHECK (file_kind IN ('csv', 'xlsx', 'xls', 'ods', 'api')),
    options TEXT NOT NULL,
    expected_rows INTEGER NOT NULL CHECK (expected_rows >= 0),
    chunk_size INTEGER NOT NULL CHECK (chunk_size > 0),
    rows INTEGER NOT NULL DEFAULT 0,
    inserted INTEGER NOT NULL DEFAULT 0,
    invalid INTEGER NOT NULL DEFAULT 0,
    duplicate_in_file INTEGER NOT NULL DEFAULT 0,
    duplicate_in_campaign INTEGER NOT NULL DEFAULT 0,
    warnings INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    completed_at TEXT
  ) STRICT;
  CREATE INDEX imports_campaign ON imports (campaign_id, id);

  CREATE TABLE import_chunks (
    import_id INTEGER NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
    n INTEGER NOT NULL CHECK (n >= 0),
    body_sha256 TEXT NOT NULL,
    rows INTEGER NOT NULL,
    result TEXT NOT NULL,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    PRIMARY KEY (import_id, n)
  ) STRICT, WITHOUT ROWID;

  -- Not unique by row: a client may (wrongly) send one row number in two chunks; both are kept.
  CREATE TABLE import_errors (
    id INTEGER PRIMARY KEY,
    import_id INTEGER NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
    row_number INTEGER NOT NULL,
    cells TEXT NOT NULL,
    codes TEXT NOT NULL,
    messages TEXT NOT NULL
  ) STRICT;
  CREATE INDEX import_errors_row ON import_errors (import_id, row_number);

  ALTER TABLE leads ADD COLUMN origin_row INTEGER;
`
