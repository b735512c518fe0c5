/**
 * Damaged files: app.db truncated, zero-filled or garbage never gets overwritten, the app still
 * starts and offers a checked backup; cache.db heals itself; settings that are not JSON fall back
 * to defaults and say so.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src/main/core/core';
import { createDispatcher } from '../../src/main/ipc/dispatcher';
import { createHandlers } from '../../src/main/ipc/handlers';
import { briefInputSchema } from '../../src/shared/brief';
import { tempDir } from '../helpers';

const briefWithSeed = (seed: number) => briefInputSchema.parse({ description: 'Eco-friendly meal-kit delivery for busy parents in Lyon', count: 4, level: 'standard', seed });
const DAMAGE = {
  truncated: (bytes: Buffer) => bytes.subarray(0, Math.floor(bytes.length * 0.6)),
  'zero-filled': (bytes: Buffer) => Buffer.alloc(bytes.length, 0),
  garbage: (bytes: Buffer) => Buffer.from(Array.from({ length: bytes.length }, (_, i) => (i * 7919 + 13) % 251)),
} as const;

function open(dataDir: string, options: { onRestartNeeded?: () => void } = {}): Core {
  return createCore({ dataDir, resources: null, monitor: { autoStart: false }, ...options });
}

const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** A data folder with two runs and a backup, then a third run that only app.db has. */
async function workshopWithBackup(): Promise<{ dir: string; backedUpRuns: string[]; allRuns: string[] }> {
  const dir = tempDir();
  const core = open(dir);
  const first = await core.generate(briefWithSeed(1));
  const second = await core.generate(briefWithSeed(2));
  await core.recovery.backup(core.store);
  const third = await core.generate(briefWithSeed(3));
  core.close();
  return { dir, backedUpRuns: [first.run.id, second.run.id], allRuns: [first.run.id, second.run.id, third.run.id] };
}

function runIds(core: Core): string[] {
  return core.store.listRuns(core.store.currentWorkshopId()).map((r) => r.id);
}

describe('a damaged app.db', () => {
  for (const [kind, damage] of Object.entries(DAMAGE)) {
    it(`${kind}: the app starts, says so, never writes to it, and restores a checked backup`, async () => {
      const { dir, backedUpRuns } = await workshopWithBackup();
      const file = path.join(dir, 'app.db');
      fs.writeFileSync(file, damage(fs.readFileSync(file)));
      const damagedHash = sha(file);

      let restarts = 0;
      const core = open(dir, { onRestartNeeded: () => restarts++ });
      const dispatch = createDispatcher(createHandlers(core));
      const state = await dispatch('recovery:state', {}, { emit: () => {} });
      expect(state).toMatchObject({ ok: true, data: { damaged: { file, failure: 'damaged', reason: expect.any(String) }, restartPending: false } });
      const backups = core.recovery.backups();
      expect(backups).toHaveLength(1);
      // The app works in the meantime (on an in-memory store), and app.db is not touched by it.
      const meanwhile = await core.generate(briefWithSeed(9));
      expect(meanwhile.document.personas).toHaveLength(4);
      expect(sha(file)).toBe(damagedHash);

      const restored = await dispatch('recovery:restore', { backup: backups[0]!.name }, { emit: () => {} });
      expect(restored).toMatchObject({ ok: true, data: { restart: 'automatic', movedTo: expect.stringContaining('app.db.damaged-') } });
      const movedTo = (restored as { data: { movedTo: string } }).data.movedTo;
      expect(sha(movedTo)).toBe(damagedHash);
      expect(await dispatch('recovery:start-fresh', {}, { emit: () => {} })).toMatchObject({ ok: false, error: { code: 'invalid_request', message: expect.stringMatching(/already waiting/) } });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(restarts).toBe(1);
      core.close();

      const reopened = open(dir);
      expect(reopened.recovery.state().damaged).toBeNull();
      expect(runIds(reopened).sort()).toEqual([...backedUpRuns].sort());
      reopened.close();
      expect(sha(movedTo)).toBe(damagedHash);
    });
  }

  it('starting fresh keeps the damaged file beside the new one', async () => {
    const { dir } = await workshopWithBackup();
    const file = path.join(dir, 'app.db');
    fs.writeFileSync(file, DAMAGE.garbage(fs.readFileSync(file)));
    const damagedHash = sha(file);
    const core = open(dir);
    const { movedTo } = core.recovery.startFresh();
    core.close();
    const fresh = open(dir);
    expect(fresh.recovery.state().damaged).toBeNull();
    expect(runIds(fresh)).toEqual([]);
    fresh.close();
    expect(sha(movedTo)).toBe(damagedHash);
  });

  it('refuses a backup that is itself damaged, and changes nothing', async () => {
    const { dir } = await workshopWithBackup();
    const core = open(dir);
    const [backup] = core.recovery.backups();
    core.close();
    const backupFile = path.join(dir, 'backups', backup!.name);
    fs.writeFileSync(backupFile, DAMAGE.truncated(fs.readFileSync(backupFile)));
    const file = path.join(dir, 'app.db');
    fs.writeFileSync(file, DAMAGE['zero-filled'](fs.readFileSync(file)));
    const damagedHash = sha(file);
    const damaged = open(dir);
    expect(() => damaged.recovery.restore(backup!.name)).toThrow(/cannot be restored: .*Choose another one/);
    expect(() => damaged.recovery.restore('app-2020-01-01T00-00-00-000Z.db')).toThrow(/no backup called/);
    damaged.close();
    expect(sha(file)).toBe(damagedHash);
  });

  it('a file from a newer version is not called damaged, and is left alone', async () => {
    const dir = tempDir();
    const core = open(dir);
    await core.generate(briefWithSeed(1));
    core.close();
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(path.join(dir, 'app.db'));
    db.pragma('user_version = 999');
    db.close();
    const before = sha(path.join(dir, 'app.db'));
    const newer = open(dir);
    expect(newer.recovery.state().damaged).toMatchObject({ failure: 'newer_version', reason: expect.stringMatching(/newer version/) });
    expect(() => newer.recovery.startFresh()).toThrow(/newer version of Persona Studio and is not damaged/);
    newer.close();
    expect(sha(path.join(dir, 'app.db'))).toBe(before);
  });
});

describe('app.db left by a crash, with its WAL', () => {
  it('is refused without touching app.db or its WAL', async () => {
    const source = tempDir();
    const first = open(source);
    for (let seed = 1; seed <= 6; seed++) await first.generate(briefWithSeed(seed));
    first.close();
    const core = open(source);
    await core.generate(briefWithSeed(7));
    // A copy taken while the core is open is what a crash leaves: app.db plus a live WAL.
    const dir = tempDir();
    for (const suffix of ['', '-wal', '-shm']) fs.copyFileSync(path.join(source, `app.db${suffix}`), path.join(dir, `app.db${suffix}`));
    core.close();
    expect(fs.statSync(path.join(dir, 'app.db-wal')).size).toBeGreaterThan(0);
    const file = path.join(dir, 'app.db');
    // The older pages are damaged (the WAL holds only the newest): a bad sector, a bad sync.
    const bytes = fs.readFileSync(file);
    bytes.fill(0x5a, Math.floor(bytes.length / 3));
    fs.writeFileSync(file, bytes);
    // Not -shm: it holds no data, only an index of the WAL that SQLite rebuilds when it reads.
    const before = ['', '-wal'].map((suffix) => sha(file + suffix));

    const damaged = open(dir);
    expect(damaged.recovery.state().damaged).toMatchObject({ failure: 'damaged' });
    damaged.close();
    expect(['', '-wal'].map((suffix) => sha(file + suffix))).toEqual(before);
  });
});

describe('app.db that cannot be opened but is not damaged', () => {
  it('is called unavailable, and neither restore nor a fresh start is allowed to move it', async () => {
    const dir = tempDir();
    // A folder where the file should be: SQLite cannot open it, and nothing about it is damaged.
    fs.mkdirSync(path.join(dir, 'app.db'));
    const core = open(dir);
    expect(core.recovery.state().damaged).toMatchObject({ failure: 'unavailable' });
    expect(() => core.recovery.startFresh()).toThrow(/not damaged but could not be opened/);
    core.close();
    expect(fs.statSync(path.join(dir, 'app.db')).isDirectory()).toBe(true);
  });
});

describe('daily backups', () => {
  it('are taken when due, not again the same day, and only the newest five kept', async () => {
    const dir = tempDir();
    const core = open(dir);
    await core.generate(briefWithSeed(1));
    const day = 86_400_000;
    const start = Date.parse('2026-11-01T09:00:00Z');
    expect(await core.recovery.backupIfDue(core.store, start)).not.toBeNull();
    expect(await core.recovery.backupIfDue(core.store, start + day / 2)).toBeNull();
    for (let i = 1; i <= 6; i++) expect(await core.recovery.backupIfDue(core.store, start + i * day)).not.toBeNull();
    const kept = core.recovery.backups();
    expect(kept).toHaveLength(5);
    expect(kept[0]!.takenAt).toBe(new Date(start + 6 * day).toISOString());
    expect(fs.readdirSync(path.join(dir, 'backups')).filter((f) => f.endsWith('.partial'))).toEqual([]);
    core.close();
  });
});

describe('a damaged cache.db', () => {
  for (const [kind, damage] of Object.entries(DAMAGE)) {
    it(`${kind}: is moved aside and replaced, with an alert, and generations still come back from the cache`, async () => {
      const dir = tempDir();
      const core = open(dir);
      await core.generate(briefWithSeed(5));
      core.close();
      const file = path.join(dir, 'cache.db');
      fs.writeFileSync(file, damage(fs.readFileSync(file)));
      fs.rmSync(`${file}-wal`, { force: true });

      const healed = open(dir);
      const again = await healed.generate(briefWithSeed(5));
      expect(again.document.personas).toHaveLength(4);
      healed.cache.verifyIntegrity();
      const cached = await healed.generate(briefWithSeed(5));
      expect(cached.fromCache).toBe(true);
      expect(healed.monitor.listAlerts(3_600_000)).toEqual([expect.objectContaining({ rule: 'cache_recovered', message: expect.stringContaining('moved to') })]);
      // The user's work in app.db is untouched by the cache's trouble.
      expect(healed.recovery.state().damaged).toBeNull();
      expect(healed.store.listRuns(healed.store.currentWorkshopId())).toHaveLength(3); // the first run, the one made again, the cached one
      healed.close();
      expect(fs.readdirSync(dir).some((f) => f.startsWith('cache.db.corrupt-'))).toBe(true);
    });
  }
});

describe('settings that are not JSON', () => {
  it('start the app on defaults, say so, and keep the stored text until the next save', async () => {
    const dir = tempDir();
    const core = open(dir);
    core.settings.update({ limits: { maxConcurrency: 4 } });
    core.close();
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(path.join(dir, 'app.db'));
    db.prepare('UPDATE settings SET value_json = ?').run('{"provider": "ollama", "limits": {');
    db.close();

    const reopened = open(dir);
    expect(reopened.settings.get().limits.maxConcurrency).toBe(16);
    expect(reopened.settings.view().problem).toMatch(/not valid JSON; defaults are used until you save new ones/);
    expect(reopened.store.readSetting('providers')).toBe('{"provider": "ollama", "limits": {');
    expect((await reopened.generate(briefWithSeed(1))).document.personas).toHaveLength(4);
    reopened.settings.update({ limits: { maxConcurrency: 8 } });
    expect(reopened.settings.view().problem).toBeNull();
    reopened.close();
  });
});
