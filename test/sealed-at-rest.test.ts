/**
 * Client data sealed at rest, on real files: after seeded generations (so cache.db holds generation
 * and culture entries) no persona name or brief text is in the bytes of cache.db, its WAL or a
 * backup; every data file is 0600 in a 0700 folder, and a folder left world-readable is tightened
 * at start; a cache.db from before sealing still reads and is sealed; a backup sealed with another
 * key is refused with a clear message and nothing changes; a plain backup from before still restores.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TieredCache, keyFor } from '../src/main/cache';
import { createCore, type Core } from '../src/main/core/core';
import { DataKeyError, keyFileSecretBox, openDataKey, valueSeal } from '../src/main/platform';
import { briefInputSchema } from '../src/shared/brief';
import { tempDir } from './helpers';

/** Words no dataset or template holds, so finding them in a file can only mean the brief leaked. */
const BRIEF = 'Quillfeather marmalade subscriptions for busy parents in Lyon';
const brief = (seed: number) => briefInputSchema.parse({ description: BRIEF, count: 4, level: 'standard', seed });
const onLinux = process.platform === 'linux';

function open(dataDir: string): Core {
  return createCore({ dataDir, resources: null, monitor: { autoStart: false } });
}

/** The files (by name relative to the folder) whose bytes hold `text`, in any case. */
function holding(files: readonly string[], text: string): string[] {
  const needles = [text, text.toLowerCase()].map((t) => Buffer.from(t, 'utf8'));
  return files.filter((file) => fs.existsSync(file) && needles.some((needle) => fs.readFileSync(file).includes(needle)));
}

/** Every file in the folder and its backups/, with its mode. */
function modes(dataDir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const folder of [dataDir, path.join(dataDir, 'backups')]) {
    if (!fs.existsSync(folder)) continue;
    out[path.relative(dataDir, folder) || '.'] = (fs.statSync(folder).mode & 0o777).toString(8);
    for (const name of fs.readdirSync(folder)) {
      const file = path.join(folder, name);
      if (fs.statSync(file).isFile()) out[path.relative(dataDir, file)] = (fs.statSync(file).mode & 0o777).toString(8);
    }
  }
  return out;
}

const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('client data sealed at rest', () => {
  it('leaves no persona name or brief text in cache.db, its WAL or a backup, and still serves the cache', async () => {
    const dataDir = tempDir();
    const core = open(dataDir);
    let closed = false;
    try {
      const first = await core.generate(brief(7));
      await core.generate(brief(8));
      // Served from cache.db, so sealed values open again.
      expect((await core.generate(brief(7))).fromCache).toBe(true);
      const stats = core.cache.stats();
      expect(stats.l2Kinds.generation.entries).toBeGreaterThanOrEqual(2);
      expect(stats.l2Kinds.culture.entries).toBeGreaterThanOrEqual(1);
      // The request history reads back with its canonical text, opened.
      expect(core.cache.recentAccesses().some((access) => access.canonical.includes('quillfeather'))).toBe(true);
      const backup = await core.recovery.backup(core.store);

      const names = first.document.personas.map((p) => p.name);
      const sealedFiles = ['cache.db', 'cache.db-wal', path.join('backups', backup.name)].map((name) => path.join(dataDir, name));
      // The needles are right: app.db itself (a plain SQLite file the app opens) holds them.
      for (const text of [...names, 'Quillfeather']) expect(holding([path.join(dataDir, 'app.db'), path.join(dataDir, 'app.db-wal')], text), text).not.toEqual([]);
      for (const text of [...names, 'Quillfeather', BRIEF]) expect(holding(sealedFiles, text), text).toEqual([]);
      core.close();
      closed = true;
      for (const text of [...names, 'Quillfeather']) expect(holding(sealedFiles, text), `${text} after close`).toEqual([]);
    } finally {
      if (!closed) core.close();
    }
    // The same folder opens again with the same data.key: the cache still answers.
    const again = open(dataDir);
    try {
      expect((await again.generate(brief(7))).fromCache).toBe(true);
    } finally {
      again.close();
    }
  });

  it.runIf(onLinux)('creates every data file 0600 in a 0700 folder', async () => {
    const dataDir = path.join(tempDir(), 'data');
    const core = open(dataDir);
    try {
      await core.generate(brief(3));
      core.settings.update({ openai: { apiKey: 'sk-test-0123456789', baseUrl: 'http://127.0.0.1:9/v1', model: 'm' } });
      await core.recovery.backup(core.store);
      const found = modes(dataDir);
      expect(Object.keys(found)).toEqual(expect.arrayContaining(['.', 'app.db', 'cache.db', 'data.key', 'secret.key', 'backups']));
      for (const [name, mode] of Object.entries(found)) expect(mode, name).toBe(name === '.' || name === 'backups' ? '700' : '600');
    } finally {
      core.close();
    }
  });

  it.runIf(onLinux)('tightens a world-readable data folder and its files at start', async () => {
    const dataDir = tempDir();
    const core = open(dataDir);
    await core.generate(brief(4));
    await core.recovery.backup(core.store);
    core.close();
    for (const [name] of Object.entries(modes(dataDir))) fs.chmodSync(path.join(dataDir, name), name === '.' || name === 'backups' ? 0o777 : 0o644);
    expect(Object.values(modes(dataDir))).toContain('644');

    const reopened = open(dataDir);
    try {
      for (const [name, mode] of Object.entries(modes(dataDir))) expect(mode, name).toBe(name === '.' || name === 'backups' ? '700' : '600');
    } finally {
      reopened.close();
    }
  });

  it('reads a cache.db written before sealing, then seals its rows; a row sealed with another key reads as a miss', () => {
    const dir = tempDir();
    const file = path.join(dir, 'cache.db');
    const generation = keyFor('generation', { description: BRIEF, seed: 1 });
    const culture = keyFor('culture', { themes: ['quillfeather'], countries: ['FR'] });
    const value = { personas: [{ name: 'Zephyrine Oakenshield', quote: 'I want marmalade delivered before school.' }] };
    const plain = new TieredCache({ file });
    plain.set(generation, value);
    plain.set(culture, { tags: ['jazz'] });
    plain.getSync(generation, { record: true });
    plain.recentAccesses();
    plain.close();
    const files = [file, `${file}-wal`];
    expect(holding(files, 'Zephyrine Oakenshield')).not.toEqual([]);
    expect(holding(files, 'quillfeather')).not.toEqual([]);

    const key = randomBytes(32);
    const sealed = new TieredCache({ file, seal: valueSeal(key) });
    expect(sealed.getSync(generation)).toEqual(value);
    expect(sealed.getSync(culture)).toEqual({ tags: ['jazz'] });
    expect(sealed.recentAccesses().map((a) => a.canonical)).toContain(generation.canonical);
    sealed.close();
    for (const text of ['Zephyrine Oakenshield', 'marmalade', 'quillfeather']) expect(holding(files, text), text).toEqual([]);

    // Opened with the same key later: still there. With another key: a miss, never an error.
    const same = new TieredCache({ file, seal: valueSeal(key) });
    expect(same.getSync(generation)).toEqual(value);
    same.close();
    const other = new TieredCache({ file, seal: valueSeal(randomBytes(32)) });
    expect(other.getSync(generation)).toBeUndefined();
    other.close();
  });

  it('refuses a backup sealed with another key, saying so, and changes nothing', async () => {
    const elsewhere = tempDir();
    const theirs = open(elsewhere);
    await theirs.generate(brief(5));
    const backup = await theirs.recovery.backup(theirs.store);
    theirs.close();

    const dataDir = tempDir();
    const ours = open(dataDir);
    await ours.generate(brief(6));
    ours.close();
    fs.mkdirSync(path.join(dataDir, 'backups'), { recursive: true });
    fs.copyFileSync(path.join(elsewhere, 'backups', backup.name), path.join(dataDir, 'backups', backup.name));
    const appDb = path.join(dataDir, 'app.db');
    fs.writeFileSync(appDb, Buffer.alloc(fs.statSync(appDb).size, 0));
    const before = Object.fromEntries(fs.readdirSync(dataDir).filter((n) => fs.statSync(path.join(dataDir, n)).isFile() && !n.startsWith('cache.db')).map((n) => [n, sha(path.join(dataDir, n))]));

    const damaged = open(dataDir);
    try {
      expect(damaged.recovery.state().damaged).toMatchObject({ failure: 'damaged' });
      expect(() => damaged.recovery.restore(backup.name)).toThrow(/cannot be restored: it was sealed with another data key than this data folder's data\.key.*nothing was changed\. Choose another one/);
      expect(damaged.recovery.state().restartPending).toBe(false);
    } finally {
      damaged.close();
    }
    const after = Object.fromEntries(fs.readdirSync(dataDir).filter((n) => fs.statSync(path.join(dataDir, n)).isFile() && !n.startsWith('cache.db')).map((n) => [n, sha(path.join(dataDir, n))]));
    expect(after).toEqual(before);
  });

  it('restores a plain backup taken before sealing', async () => {
    const dataDir = tempDir();
    const core = open(dataDir);
    const { run } = await core.generate(brief(9));
    fs.mkdirSync(core.recovery.folder, { recursive: true });
    const name = `app-${new Date().toISOString().replace(/[:.]/g, '-')}.db`;
    await core.store.backupTo(path.join(core.recovery.folder, name));
    core.close();
    const appDb = path.join(dataDir, 'app.db');
    fs.writeFileSync(appDb, Buffer.alloc(fs.statSync(appDb).size, 0));

    const damaged = open(dataDir);
    damaged.recovery.restore(name);
    damaged.close();
    const restored = open(dataDir);
    try {
      expect(restored.recovery.state().damaged).toBeNull();
      expect(restored.store.getRun(run.id)).toBeDefined();
    } finally {
      restored.close();
    }
  });

  it('keeps one data key per folder, sealed by the secret box; one it cannot open is left as it is and the core runs without backups', async () => {
    const dataDir = tempDir();
    const made = openDataKey(dataDir, keyFileSecretBox(dataDir));
    expect(made.created).toBe(true);
    expect(openDataKey(dataDir, keyFileSecretBox(dataDir))).toEqual({ key: made.key, created: false });
    // The key is not in data.key as written: it is sealed by secret.key (kf1.).
    expect(fs.readFileSync(path.join(dataDir, 'data.key'), 'utf8')).toMatch(/^kf1\./);
    expect(fs.readFileSync(path.join(dataDir, 'data.key')).includes(made.key)).toBe(false);

    // A data.key the desktop app's keychain sealed, seen where there is no keychain (the CLI).
    const keychain = { storage: 'os_keychain' as const, encrypt: (plain: string) => `kc.${Buffer.from(plain).toString('base64')}`, decrypt: (sealed: string) => Buffer.from(sealed.slice(3), 'base64').toString() };
    const desktopDir = tempDir();
    openDataKey(desktopDir, keychain);
    const sealedByKeychain = sha(path.join(desktopDir, 'data.key'));
    expect(() => openDataKey(desktopDir, keyFileSecretBox(desktopDir))).toThrow(DataKeyError);
    expect(() => openDataKey(desktopDir, keyFileSecretBox(desktopDir))).toThrow(/OS keychain.*could not be opened here.*left as it is/);
    const cli = open(desktopDir);
    try {
      await cli.generate(brief(2));
      // Sealed with a key of this session only: the cache still serves within it.
      expect((await cli.generate(brief(2))).fromCache).toBe(true);
    } finally {
      cli.close();
    }
    expect(sha(path.join(desktopDir, 'data.key'))).toBe(sealedByKeychain);
  });
});
