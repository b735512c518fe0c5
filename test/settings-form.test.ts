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
  const endpoint = (e: typeof s.ollama) => ({ baseUrl: e.baseUrl, model: e.model, stream: e.stream, temperature: e.temperature, temperatureMode: e.temperatureMode, apiKeySet: false });
  return { ...s, ollama: endpoint(s.ollama), openai: endpoint(s.openai), gemini: endpoint(s.gemini), qloo: { baseUrl: s.qloo.baseUrl, take: s.qloo.take, apiKeySet: false }, keyStorage: 'key_file', problem: null };
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
