/**
 * The Settings form reads its ranges from the one settings schema (src/shared/settings.ts): the same
 * bounds in screen units, checked before anything is sent, and changes sent in settings' units.
 */
import { describe, expect, it } from 'vitest';
import { SETTINGS_DEFAULTS, settingsSchema, type SettingsView } from '../src/shared/settings';
import { diffDraft, toDraft } from '../src/renderer/src/settings/model';
import { numberRule } from '../src/renderer/src/settings/number-rules';

function view(): SettingsView {
  const s = settingsSchema.parse({});
  const endpoint = (e: typeof s.ollama) => ({ baseUrl: e.baseUrl, model: e.model, stream: e.stream, temperature: e.temperature, temperatureMode: e.temperatureMode, servers: e.servers, apiKeySet: false });
  return { ...s, ollama: endpoint(s.ollama), openai: endpoint(s.openai), gemini: endpoint(s.gemini), qloo: { baseUrl: s.qloo.baseUrl, take: s.qloo.take, apiKeySet: false }, teamCache: { url: s.teamCache.url, tls: s.teamCache.tls, mode: s.teamCache.mode, username: null, sentinelName: null, passwordSet: false, teamKeySet: false }, keyStorage: 'key_file', problem: null };
}

describe('the Settings form follows the settings schema', () => {
  it('shows each range in screen units, as the schema bounds it', () => {
    expect(numberRule('limits.maxConcurrency')).toMatchObject({ min: 1, max: 64, whole: true, unit: '' });
    expect(numberRule('monitor.cacheHitRate')).toMatchObject({ min: 0, max: 100, unit: '%' });
    expect(numberRule('monitor.p95Ms')).toMatchObject({ min: 0.1, max: 600, unit: 's' });
    expect(numberRule('ollama.temperature')).toMatchObject({ min: 0, max: 2, whole: false });
    expect(numberRule('monitor.raiseAfterS')).toMatchObject({ min: 0, max: 600 });
  });

  it('refuses what the schema would refuse, naming the field, and sends nothing', () => {
    const base = toDraft(view());
    const tooMany = diffDraft({ ...base, limits: { ...base.limits, maxConcurrency: '65' } }, base);
    expect(tooMany.errors['limits.maxConcurrency']).toBe('Max concurrent calls must be between 1 and 64.');
    const fraction = diffDraft({ ...base, limits: { ...base.limits, maxConcurrency: '2.5' } }, base);
    expect(fraction.errors['limits.maxConcurrency']).toMatch(/whole number/);
    const rate = diffDraft({ ...base, monitor: { ...base.monitor, cacheHitRate: '150' } }, base);
    expect(rate.errors['monitor.cacheHitRate']).toMatch(/between 0 and 100 %/);
  });

  it('sends only what changed, converted back to the units settings keep', () => {
    const base = toDraft(view());
    expect(base.monitor.cacheHitRate).toBe(String(SETTINGS_DEFAULTS.monitor.cacheHitRate * 100));
    const { change, errors } = diffDraft({ ...base, monitor: { ...base.monitor, cacheHitRate: '80', p95Ms: '12.5' }, limits: { ...base.limits, maxConcurrency: '4' } }, base);
    expect(errors).toEqual({});
    expect(change).toEqual({ monitor: { cacheHitRate: 0.8, p95Ms: 12_500 }, limits: { maxConcurrency: 4 } });
    expect(settingsSchema.safeParse({ ...settingsSchema.parse({}), ...change, monitor: { ...SETTINGS_DEFAULTS.monitor, ...change.monitor } }).success).toBe(true);
  });
});

describe("the Settings form's report defaults (issue 25)", () => {
  it('starts from the saved template and paper and sends only the one changed', () => {
    const base = toDraft(view());
    expect(base.report).toEqual({ template: 'client', paper: 'a4' });
    const { change, changed, errors } = diffDraft({ ...base, report: { ...base.report, paper: 'letter' } }, base);
    expect(errors).toEqual({});
    expect(changed).toEqual(['report.paper']);
    expect(change).toEqual({ report: { paper: 'letter' } });
    expect(diffDraft({ ...base, report: { template: 'internal', paper: 'letter' } }, base).change).toEqual({ report: { template: 'internal', paper: 'letter' } });
    expect(diffDraft(base, base).change).toEqual({});
  });
});

describe("the Settings form's extra servers and team cache (issue 24)", () => {
  it('sends the whole list of extra servers when one is added, checked as the schema checks it', () => {
    const base = toDraft(view());
    const added = { ...base, ollama: { ...base.ollama, servers: [{ key: 'a', baseUrl: ' http://10.0.0.2:11434 ', weight: '2.5' }] } };
    const { change, errors, changed } = diffDraft(added, base);
    expect(errors).toEqual({});
    expect(changed).toEqual(['ollama.servers']);
    expect(change).toEqual({ ollama: { servers: [{ baseUrl: 'http://10.0.0.2:11434', weight: 2.5 }] } });
    expect(settingsSchema.safeParse({ ollama: { ...SETTINGS_DEFAULTS.ollama, ...change.ollama } }).success).toBe(true);
  });

  it('names the row and field that is wrong: an address, a duplicate, a weight out of 0.1-10', () => {
    const base = toDraft(view());
    const servers = [
      { key: 'a', baseUrl: 'ftp://nope', weight: '1' },
      { key: 'b', baseUrl: 'http://10.0.0.3:11434', weight: '11' },
      { key: 'c', baseUrl: 'http://10.0.0.3:11434', weight: '' },
    ];
    const { errors, change } = diffDraft({ ...base, openai: { ...base.openai, servers } }, base);
    expect(change).toEqual({});
    expect(errors['openai.servers.0.baseUrl']).toMatch(/^OpenAI server 2 address must be a URL/);
    expect(errors['openai.servers.1.weight']).toBe('OpenAI server 3 weight must be between 0.1 and 10.');
    expect(errors['openai.servers.2.baseUrl']).toMatch(/already in the list/);
    expect(errors['openai.servers.2.weight']).toMatch(/needs a value/);
    expect(numberRule('openai.servers.4.weight')).toMatchObject({ min: 0.1, max: 10 });
  });

  it('sends team cache fields, empty user as null, secrets only when typed, and refuses a URL Redis would not take', () => {
    const base = toDraft(view());
    const draft = { ...base, teamCache: { ...base.teamCache, url: 'redis://127.0.0.1:6390', tls: true, username: ' ', teamKey: ' k3y ' } };
    const { change, errors } = diffDraft(draft, base);
    expect(errors).toEqual({});
    expect(change).toEqual({ teamCache: { url: 'redis://127.0.0.1:6390', tls: true, teamKey: 'k3y' } });
    const wrong = diffDraft({ ...base, teamCache: { ...base.teamCache, url: 'http://cache:6379' } }, base);
    expect(wrong.errors['teamCache.url']).toMatch(/redis:\/\//);
    const named = { ...base, teamCache: { ...base.teamCache, username: 'alice' } };
    const cleared = diffDraft({ ...named, teamCache: { ...named.teamCache, username: '' } }, named);
    expect(cleared.change).toEqual({ teamCache: { username: null } });
  });
});
