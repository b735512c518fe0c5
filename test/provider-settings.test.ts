/**
 * Headless configuration and the temperature option: every engine's address from the environment
 * (GEMINI_BASE_URL, OPENAI_BASE_URL, QLOO_BASE_URL, as OLLAMA_HOST) while settings keep the
 * default, as the CLI and browser mode read them; "model default" as a saved temperature mode.
 */
import { describe, expect, it } from 'vitest';
import { WorkshopStore } from '../src/main/workshops/workshop-store';
import { keyFileSecretBox } from '../src/main/platform/key-file-secrets';
import { SettingsStore } from '../src/main/settings/settings-store';
import { cli, tempDir } from './helpers';
import { serve } from './support/rules-fixture';

function settingsWith(env: NodeJS.ProcessEnv) {
  const dir = tempDir();
  const store = WorkshopStore.open(dir);
  return { store, settings: new SettingsStore(store, keyFileSecretBox(dir), env) };
}

describe('addresses from the environment', () => {
  it('move each engine while settings keep its default address; an address saved in settings wins', () => {
    const env = { GEMINI_BASE_URL: 'https://gemini-gateway.example/', OPENAI_BASE_URL: 'https://api.openai.com/v1', QLOO_BASE_URL: 'https://qloo-proxy.example', OLLAMA_HOST: 'gpu-box' };
    const { store, settings } = settingsWith(env);
    expect(settings.get()).toMatchObject({
      gemini: { baseUrl: 'https://gemini-gateway.example/' },
      openai: { baseUrl: 'https://api.openai.com/v1' },
      qloo: { baseUrl: 'https://qloo-proxy.example' },
      // OLLAMA_HOST as Ollama reads it: no scheme is http, no port is 11434.
      ollama: { baseUrl: 'http://gpu-box:11434' },
    });
    settings.update({ gemini: { baseUrl: 'https://my-own.example' } });
    expect(settings.get().gemini.baseUrl).toBe('https://my-own.example');
    expect(settings.view().openai.baseUrl).toBe('https://api.openai.com/v1');
    store.close();
  });

  it('the CLI reaches Gemini through GEMINI_BASE_URL, with GEMINI_API_KEY, and says nothing fell back', async () => {
    const server = await serve({ keys: { gemini: 'env-key' } });
    const saved = { base: process.env.GEMINI_BASE_URL, key: process.env.GEMINI_API_KEY };
    process.env.GEMINI_BASE_URL = server.url;
    process.env.GEMINI_API_KEY = 'env-key';
    try {
      const result = await cli(['generate', 'Budgeting app for university students in Manchester', '--count', '2', '--level', 'simple', '--provider', 'gemini', '--json', '--data', tempDir()]);
      expect(result.code).toBe(0);
      expect(result.err).not.toMatch(/warning/);
      expect((JSON.parse(result.out) as { personas: Array<{ meta: { source: string } }> }).personas.map((p) => p.meta.source)).toEqual(['gemini', 'gemini']);
      expect(server.requests.length).toBeGreaterThan(0);
      expect(server.refusals).toHaveLength(0);
    } finally {
      for (const [name, value] of [['GEMINI_BASE_URL', saved.base], ['GEMINI_API_KEY', saved.key]] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });
});

describe('the temperature option', () => {
  it('"model default" is saved, shown, and sets no temperature; the number is kept for when it is switched back', () => {
    const { store, settings } = settingsWith({});
    expect(settings.view().openai).toMatchObject({ temperature: 0.8, temperatureMode: 'set' });
    settings.update({ openai: { temperatureMode: 'model_default' } });
    expect(settings.view().openai).toMatchObject({ temperature: 0.8, temperatureMode: 'model_default' });
    expect(() => settings.update({ openai: { temperatureMode: 'hot' as never } })).toThrow(/Setting openai\.temperatureMode/);
    store.close();
  });
});
