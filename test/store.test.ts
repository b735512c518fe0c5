import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { WorkshopStore } from '../src/main/workshops/workshop-store';
import type { NewRun } from '../src/main/generation/run-record';
import { APP_MIGRATIONS } from '../src/main/workshops/migrations';
import { keychainWithKeyFile, keyFileSecretBox } from '../src/main/platform/key-file-secrets';
import { SettingsStore } from '../src/main/settings/settings-store';
import { DatabaseOpenError } from '../src/main/platform/sqlite';
import type { Persona } from '../src/shared/persona';
import { tempDir } from './helpers';

const persona = (id: string, name: string): Persona => ({
  id,
  name,
  age: 40,
  location: { city: 'Lyon', country: 'France' },
  occupation: 'Teacher',
  bio: 'Teaches.',
  goals: ['Rest'],
  painPoints: ['Marking'],
  interests: ['Hiking'],
  meta: { source: 'offline', qualityScore: 80 },
});

const run = (workshopId: string, personas: Persona[]): NewRun => ({
  workshopId,
  brief: { description: 'a brief long enough', count: personas.length, level: 'simple', seed: 1 },
  status: 'completed',
  provider: 'offline',
  level: 'simple',
  count: personas.length,
  seed: 1,
  startedAt: new Date().toISOString(),
  durationMs: 12.5,
  qualityScore: 80,
  report: { valid: true, score: 80, issues: [] },
  error: null,
  personas,
});

describe('WorkshopStore', () => {
  it('migrates an empty folder to the latest schema with WAL and foreign keys', () => {
    const dir = tempDir();
    const store = WorkshopStore.open(dir);
    store.close();
    const db = new Database(path.join(dir, 'app.db'));
    expect(db.pragma('user_version', { simple: true })).toBe(APP_MIGRATIONS.length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['briefs', 'edits', 'personas', 'runs', 'workshops']));
    db.close();
  });

  it('keeps runs and personas across a reopen', () => {
    const dir = tempDir();
    const store = WorkshopStore.open(dir);
    const workshop = store.createWorkshop('Meal kits');
    const saved = store.saveRun(run(workshop.id, [persona('p1', 'Camille Rousseau'), persona('p2', 'Karim Benali')]));
    store.close();

    const reopened = WorkshopStore.open(dir);
    expect(reopened.listWorkshops()).toEqual([expect.objectContaining({ id: workshop.id, name: 'Meal kits', runCount: 1, personaCount: 2 })]);
    const detail = reopened.getRun(saved.id)!;
    expect(detail.document!.personas.map((p) => p.name)).toEqual(['Camille Rousseau', 'Karim Benali']);
    expect(detail.document!.report).toEqual({ valid: true, score: 80, issues: [] });
    expect(reopened.listRuns(workshop.id)).toHaveLength(1);
    reopened.close();
  });

  it('saves a run atomically: a persona that cannot be written leaves no run, brief or persona behind', () => {
    const dir = tempDir();
    const store = WorkshopStore.open(dir);
    const workshop = store.createWorkshop('W');
    // The same persona id twice violates the primary key on the second insert.
    expect(() => store.saveRun(run(workshop.id, [persona('dup', 'A B'), persona('dup', 'C D')]))).toThrow();
    expect(store.listRuns(workshop.id)).toEqual([]);
    expect(store.getWorkshop(workshop.id)!.personaCount).toBe(0);
    store.close();
    const db = new Database(path.join(dir, 'app.db'));
    expect(db.prepare('SELECT COUNT(*) AS n FROM briefs').get()).toEqual({ n: 0 });
    db.close();
  });

  it('creates one default workshop on first use and returns it afterwards', () => {
    const store = WorkshopStore.open(tempDir());
    const id = store.currentWorkshopId();
    expect(store.currentWorkshopId()).toBe(id);
    expect(store.listWorkshops()).toHaveLength(1);
    store.close();
  });

  it('refuses a database from a newer version and leaves it untouched', () => {
    const dir = tempDir();
    const db = new Database(path.join(dir, 'app.db'));
    db.pragma(`user_version = ${APP_MIGRATIONS.length + 1}`);
    db.close();
    const before = fs.readFileSync(path.join(dir, 'app.db'));
    expect(() => WorkshopStore.open(dir)).toThrow(/newer version of Persona Studio/);
    expect(fs.readFileSync(path.join(dir, 'app.db'))).toEqual(before);
  });

  it('reports a file that is not a database with advice, and does not overwrite it', () => {
    const dir = tempDir();
    const file = path.join(dir, 'app.db');
    fs.writeFileSync(file, 'this is not a database, but it is the user file'.repeat(200));
    const before = fs.readFileSync(file);
    let error: unknown;
    try {
      WorkshopStore.open(dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DatabaseOpenError);
    expect((error as Error).message).toMatch(/app\.db .* could not be opened: .*left untouched/);
    expect(fs.readFileSync(file)).toEqual(before);
  });
});

describe('provider settings', () => {
  it('are saved in app.db and read back after reopening; a bad change names the field and saves nothing', () => {
    const dir = tempDir();
    let store = WorkshopStore.open(dir);
    const settings = new SettingsStore(store, keyFileSecretBox(dir), {});
    expect(settings.get()).toMatchObject({ provider: 'offline', culture: 'bundled', ollama: { baseUrl: 'http://127.0.0.1:11434' } });
    settings.update({ provider: 'ollama', ollama: { model: 'qwen2.5:7b' } });
    expect(() => settings.update({ ollama: { baseUrl: 'localhost:11434' } })).toThrow(/Setting ollama\.baseUrl must .*nothing was saved/);
    store.close();
    store = WorkshopStore.open(dir);
    expect(new SettingsStore(store, keyFileSecretBox(dir), {}).get()).toMatchObject({ provider: 'ollama', ollama: { model: 'qwen2.5:7b', baseUrl: 'http://127.0.0.1:11434' } });
    store.close();
  });

  it('take keys from the environment only where settings have none, and OLLAMA_HOST while the address is the default', () => {
    const dir = tempDir();
    const store = WorkshopStore.open(dir);
    const env = { GEMINI_API_KEY: 'env-gemini', QLOO_API_KEY: 'env-qloo', OLLAMA_HOST: '10.0.0.5:11434' };
    const settings = new SettingsStore(store, keyFileSecretBox(dir), env);
    expect(settings.get()).toMatchObject({ gemini: { apiKey: 'env-gemini' }, qloo: { apiKey: 'env-qloo' }, ollama: { baseUrl: 'http://10.0.0.5:11434' } });
    expect(settings.get().openai.apiKey).toBeUndefined();
    // Saving anything keeps OLLAMA_HOST in force; an address chosen in settings wins over it.
    settings.update({ provider: 'gemini', gemini: { apiKey: 'saved-gemini' } });
    expect(settings.get()).toMatchObject({ gemini: { apiKey: 'saved-gemini' }, ollama: { baseUrl: 'http://10.0.0.5:11434' } });
    settings.update({ ollama: { baseUrl: 'http://192.168.1.9:11434' } });
    expect(settings.get().ollama.baseUrl).toBe('http://192.168.1.9:11434');
    store.close();
  });

  it('a stored value that no longer parses is reported, defaults are used, and the stored text is kept', () => {
    const dir = tempDir();
    const store = WorkshopStore.open(dir);
    store.writeSetting('providers', { provider: 'chatgpt' });
    const settings = new SettingsStore(store, keyFileSecretBox(dir), {});
    expect(settings.problem).toMatch(/provider that .*defaults are used until you save new ones/);
    expect(settings.get().provider).toBe('offline');
    expect(JSON.parse(store.readSetting('providers')!)).toEqual({ provider: 'chatgpt' });
    store.close();
  });
});

describe('API keys at rest', () => {
  // A reversible stand-in for safeStorage (which needs Electron): what matters is that app.db never holds the plain key.
  const box = { storage: 'os_keychain' as const, encrypt: (plain: string) => Buffer.from([...plain].reverse().join('')).toString('base64'), decrypt: (sealed: string) => [...Buffer.from(sealed, 'base64').toString()].reverse().join('') };
  it('without a keychain are sealed with secret.key: not in app.db, opened again after a restart, routed by their seal', () => {
    const dir = tempDir();
    let store = WorkshopStore.open(dir);
    new SettingsStore(store, keyFileSecretBox(dir), {}).update({ openai: { apiKey: 'sk-file-sealed-key-123' } });
    store.close();
    expect(fs.readFileSync(path.join(dir, 'app.db')).toString('latin1')).not.toContain('sk-file-sealed-key-123');
    expect(fs.statSync(path.join(dir, 'secret.key')).size).toBe(32);
    store = WorkshopStore.open(dir);
    expect(new SettingsStore(store, keyFileSecretBox(dir), {}).get().openai.apiKey).toBe('sk-file-sealed-key-123');
    // The desktop app seals with the keychain and still opens what browser mode sealed with the key file.
    const desktop = new SettingsStore(store, keychainWithKeyFile(box, keyFileSecretBox(dir)), {});
    expect(desktop.get().openai.apiKey).toBe('sk-file-sealed-key-123');
    expect(desktop.problem).toBeUndefined();
    store.close();
    fs.writeFileSync(path.join(dir, 'secret.key'), 'short');
    expect(() => keyFileSecretBox(dir).decrypt('kf1.AAAA')).toThrow(/not a key file \(5 bytes, expected 32\); move it aside/);
  });

  it('saved in plain by an older version are sealed on start and scrubbed from every page of app.db', () => {
    const dir = tempDir();
    const store = WorkshopStore.open(dir);
    // What an older version did: the key as written, saved a few times over.
    for (const model of ['a', 'b', 'c']) store.writeSetting('providers', { openai: { apiKey: 'sk-old-plain-key-456', model } });
    store.close();
    const raw = () => ['app.db', 'app.db-wal'].map((f) => (fs.existsSync(path.join(dir, f)) ? fs.readFileSync(path.join(dir, f)).toString('latin1') : '')).join('');
    const reopened = WorkshopStore.open(dir);
    const settings = new SettingsStore(reopened, keyFileSecretBox(dir), {});
    expect(settings.get().openai).toMatchObject({ apiKey: 'sk-old-plain-key-456', model: 'c' });
    reopened.close();
    expect(raw()).not.toContain('sk-old-plain-key-456');
  });


  it('are sealed in app.db, opened again with the box, and reported (not thrown) without it', () => {
    const dir = tempDir();
    let store = WorkshopStore.open(dir);
    new SettingsStore(store, box, {}).update({ gemini: { apiKey: 'AIza-very-secret' } });
    store.close();
    const raw = fs.readFileSync(path.join(dir, 'app.db')).toString('latin1') + (fs.existsSync(path.join(dir, 'app.db-wal')) ? fs.readFileSync(path.join(dir, 'app.db-wal')).toString('latin1') : '');
    expect(raw).not.toContain('AIza-very-secret');

    store = WorkshopStore.open(dir);
    expect(new SettingsStore(store, box, {}).get().gemini.apiKey).toBe('AIza-very-secret');
    const withoutBox = new SettingsStore(store, keyFileSecretBox(dir), {});
    expect(withoutBox.get().gemini.apiKey).toBeUndefined();
    expect(withoutBox.problem).toMatch(/gemini key could not be decrypted/);
    expect(withoutBox.view().gemini.apiKeySet).toBe(false);
    // Saving elsewhere (browser mode, the CLI) keeps the key it cannot open; the keychain still can.
    withoutBox.update({ limits: { maxConcurrency: 4 } });
    expect(new SettingsStore(store, box, {}).get().gemini.apiKey).toBe('AIza-very-secret');
    // With a key in the environment, the sealed one gives way to it here.
    expect(new SettingsStore(store, keyFileSecretBox(dir), { GEMINI_API_KEY: 'env-key' }).get().gemini.apiKey).toBe('env-key');
    store.close();
  });
});
