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
  // Asking the personas (the asking module's tables: app.db has one list of migrations, kept here):
  // interviews and their turns, focus groups and their answers, concept tests and their verdicts.
  // Each hangs off its run, and each answer off its persona, ON DELETE CASCADE, so deleting a run, a
  // workshop or a persona takes them along. An answer's text has its own column (searched); the rest
  // of it is JSON. `cache_key` names the answer cache entry it was stored or served under, so a
  // delete can purge it. A focus group's or a concept test's summary is not stored: it is made from
  // the answers that remain when read.
  `
  CREATE TABLE interviews (
    id TEXT PRIMARY KEY,
    run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    persona_id TEXT NOT NULL REFERENCES personas(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX interviews_run ON interviews(run_id, updated_at);
  CREATE INDEX interviews_persona ON interviews(persona_id);

  CREATE TABLE interview_turns (
    id TEXT PRIMARY KEY,
    interview_id TEXT NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    question TEXT NOT NULL,
    asked_at TEXT NOT NULL,
    answer_text TEXT NOT NULL,
    answer_json TEXT NOT NULL,
    cache_key TEXT,
    UNIQUE (interview_id, position)
  );

  CREATE TABLE focus_groups (
    id TEXT PRIMARY KEY,
    run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    question TEXT NOT NULL,
    asked_at TEXT NOT NULL
  );
  CREATE INDEX focus_groups_run ON focus_groups(run_id, asked_at);

  CREATE TABLE focus_group_answers (
    focus_group_id TEXT NOT NULL REFERENCES focus_groups(id) ON DELETE CASCADE,
    persona_id TEXT NOT NULL REFERENCES personas(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    answer_text TEXT NOT NULL,
    answer_json TEXT NOT NULL,
    cache_key TEXT,
    PRIMARY KEY (focus_group_id, persona_id)
  );
  CREATE INDEX focus_group_answers_persona ON focus_group_answers(persona_id);

  CREATE TABLE concept_tests (
    id TEXT PRIMARY KEY,
    run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    concept_text TEXT NOT NULL,
    price TEXT,
    tested_at TEXT NOT NULL
  );
  CREATE INDEX concept_tests_run ON concept_tests(run_id, tested_at);

  CREATE TABLE concept_verdicts (
    concept_test_id TEXT NOT NULL REFERENCES concept_tests(id) ON DELETE CASCADE,
    persona_id TEXT NOT NULL REFERENCES personas(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    verdict_json TEXT NOT NULL,
    cache_key TEXT,
    PRIMARY KEY (concept_test_id, persona_id)
  );
  CREATE INDEX concept_verdicts_persona ON concept_verdicts(persona_id);

  -- A focus group or a concept test whose last persona was deleted goes with it.
  CREATE TRIGGER focus_group_emptied AFTER DELETE ON focus_group_answers
    WHEN NOT EXISTS (SELECT 1 FROM focus_group_answers WHERE focus_group_id = OLD.focus_group_id)
    BEGIN DELETE FROM focus_groups WHERE id = OLD.focus_group_id; END;
  CREATE TRIGGER concept_test_emptied AFTER DELETE ON concept_verdicts
    WHEN NOT EXISTS (SELECT 1 FROM concept_verdicts WHERE concept_test_id = OLD.concept_test_id)
    BEGIN DELETE FROM concept_tests WHERE id = OLD.concept_test_id; END;
  `,
  // Anomalies the monitor's detector found (issue 23): one row per series and 5-minute bucket, so a
  // restart that judges the same bucket again adds nothing. provider is '' for the cache's series.
  `
  CREATE TABLE anomalies (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    subject TEXT NOT NULL,
    provider TEXT NOT NULL DEFAULT '',
    at INTEGER NOT NULL,
    value REAL NOT NULL,
    baseline REAL NOT NULL,
    low REAL NOT NULL,
    high REAL NOT NULL,
    hour_of_day INTEGER,
    evidence TEXT NOT NULL,
    UNIQUE (subject, provider, at)
  );
  CREATE INDEX anomalies_at ON anomalies(at);
  `,
  // The audit records the user's performance actions too (issue 23): SQLite cannot change a CHECK, so the
  // table is copied into one that allows 'user'. Optimizations (with their trials as JSON) and the kept tuning layer.
  `
  CREATE TABLE monitor_audit_v2 (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at INTEGER NOT NULL,
    source TEXT NOT NULL CHECK (source IN ('tuner', 'emergency', 'user')),
    subject TEXT NOT NULL,
    step TEXT NOT NULL,
    before REAL,
    after REAL,
    metric TEXT,
    baseline REAL,
    measured REAL,
    reason TEXT NOT NULL
  );
  INSERT INTO monitor_audit_v2 SELECT id, at, source, subject, step, before, after, metric, baseline, measured, reason FROM monitor_audit;
  DROP TABLE monitor_audit;
  ALTER TABLE monitor_audit_v2 RENAME TO monitor_audit;
  CREATE INDEX monitor_audit_at ON monitor_audit(at);

  CREATE TABLE optimizations (id TEXT PRIMARY KEY, created_at REAL NOT NULL, status TEXT NOT NULL, json TEXT NOT NULL);
  CREATE INDEX optimizations_created ON optimizations(created_at);
  CREATE TABLE tuned_values (tunable TEXT PRIMARY KEY, value REAL NOT NULL, at REAL NOT NULL, reason TEXT NOT NULL);
  `,
  // A workshop's report branding (issue 25): the accent colour (#rrggbb; NULL for the default) and
  // the cover's logo, its type and its bytes (both NULL for none). The bytes were checked before they
  // were written (workshops/branding.ts): a PNG or JPEG by its signature, an SVG without scripts,
  // event handlers or references outside itself.
  `
  ALTER TABLE workshops ADD COLUMN accent TEXT;
  ALTER TABLE workshops ADD COLUMN logo_mime TEXT;
  ALTER TABLE workshops ADD COLUMN logo_bytes BLOB;
  `,
  // The executive summary of a run's persona set (issue 25; the summarizing module's table, rows in
  // summarizing/summary-rows.ts): one per run, keyed by the digest of the set it was made from. It
  // goes with its run (cascade), and with any change to the run's personas, so no quote of a line
  // outlives the line.
  `
  CREATE TABLE set_summaries (
    run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    set_hash TEXT NOT NULL,
    summary_json TEXT NOT NULL,
    stored_at TEXT NOT NULL,
    PRIMARY KEY (run_id, set_hash)
  );
  CREATE TRIGGER set_summary_persona_edited AFTER UPDATE OF json ON personas
    BEGIN DELETE FROM set_summaries WHERE run_id = OLD.run_id; END;
  CREATE TRIGGER set_summary_persona_deleted AFTER DELETE ON personas
    BEGIN DELETE FROM set_summaries WHERE run_id = OLD.run_id; END;
  CREATE TRIGGER set_summary_persona_added AFTER INSERT ON personas
    BEGIN DELETE FROM set_summaries WHERE run_id = NEW.run_id; END;
  `,
];
