/**
 * app.db schema, one entry per version. PRAGMA user_version records how many have run; a
 * migration is never edited once released, only followed by a new one.
 */
export const APP_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE workshops (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );

  CREATE TABLE briefs (
    id TEXT PRIMARY KEY,
    workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
    description TEXT NOT NULL,
    brief_json TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE INDEX briefs_workshop ON briefs(workshop_id, created_at);

  CREATE TABLE runs (
    id TEXT PRIMARY KEY,
    workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
    brief_id TEXT NOT NULL REFERENCES briefs(id) ON DELETE CASCADE,
    status TEXT NOT NULL CHECK (status IN ('completed', 'failed', 'cancelled')),
    provider TEXT NOT NULL,
    level TEXT NOT NULL,
    count INTEGER NOT NULL,
    seed INTEGER,
    started_at TEXT NOT NULL,
    duration_ms REAL NOT NULL,
    quality_score REAL,
    report_json TEXT,
    error TEXT
  );
  CREATE INDEX runs_workshop ON runs(workshop_id, started_at);

  CREATE TABLE personas (
    id TEXT PRIMARY KEY,
    run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    age INTEGER NOT NULL,
    city TEXT NOT NULL,
    country TEXT NOT NULL,
    occupation TEXT NOT NULL,
    source TEXT NOT NULL,
    quality_score REAL,
    json TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (run_id, position)
  );
  CREATE INDEX personas_workshop ON personas(workshop_id);
  CREATE INDEX personas_country ON personas(country);
  CREATE INDEX personas_name ON personas(name);

  CREATE TABLE edits (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    persona_id TEXT NOT NULL REFERENCES personas(id) ON DELETE CASCADE,
    edited_at TEXT NOT NULL,
    before_json TEXT NOT NULL,
    after_json TEXT NOT NULL
  );
  CREATE INDEX edits_persona ON edits(persona_id, edited_at);
  `,
  `
  CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value_json TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  `,
  `
  CREATE TABLE metric_minutes (
    minute INTEGER PRIMARY KEY,
    rollup_json TEXT NOT NULL
  );

  CREATE TABLE alerts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    rule TEXT NOT NULL,
    severity TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('active', 'resolved')),
    acknowledged INTEGER NOT NULL DEFAULT 0,
    message TEXT NOT NULL,
    value REAL NOT NULL,
    threshold REAL NOT NULL,
    raised_at INTEGER NOT NULL,
    resolved_at INTEGER,
    actions_json TEXT NOT NULL DEFAULT '[]'
  );
  CREATE INDEX alerts_raised ON alerts(raised_at);

  CREATE TABLE monitor_audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at INTEGER NOT NULL,
    source TEXT NOT NULL CHECK (source IN ('tuner', 'emergency')),
    subject TEXT NOT NULL,
    step TEXT NOT NULL,
    before REAL,
    after REAL,
    metric TEXT,
    baseline REAL,
    measured REAL,
    reason TEXT NOT NULL
  );
  CREATE INDEX monitor_audit_at ON monitor_audit(at);
  `,
  `
  ALTER TABLE runs ADD COLUMN phases_json TEXT;
  `,
  // Workshops the user owns: a client, a description and an archive; runs titled (NULL: the title
  // follows the brief) and keyed to the generation cache entry they came from, so a delete can purge
  // it; each edit says how it came about. The current workshop is a row of the settings table.
  `
  ALTER TABLE workshops ADD COLUMN client TEXT;
  ALTER TABLE workshops ADD COLUMN description TEXT;
  ALTER TABLE workshops ADD COLUMN archived_at TEXT;
  ALTER TABLE runs ADD COLUMN title TEXT;
  ALTER TABLE runs ADD COLUMN cache_key TEXT;
  ALTER TABLE edits ADD COLUMN kind TEXT NOT NULL DEFAULT 'edit' CHECK (kind IN ('edit', 'regenerate', 'restore'));
  CREATE INDEX runs_cache_key ON runs(cache_key) WHERE cache_key IS NOT NULL;
  CREATE INDEX runs_brief ON runs(brief_id);
  `,
];
