/**
 * The app's settings (providers, resource caps, the monitor's thresholds), kept in app.db under one
 * key and checked with zod when read (the file is a trust boundary). API keys come from settings or, when unset there, from the environment
 * (GEMINI_API_KEY, OPENAI_API_KEY, QLOO_API_KEY); OLLAMA_HOST, OPENAI_BASE_URL, GEMINI_BASE_URL and
 * QLOO_BASE_URL override an address that settings leave at its default (gateways, proxies). A stored
 * value that no longer parses is reported and replaced by defaults for this session, never deleted.
 */
import { SETTINGS_DEFAULTS, settingsSchema, type AppSettings, type LlmEndpoint, type SettingsChange, type SettingsInput, type SettingsView } from '../../shared/settings';
import { AppError, SecretRegistry } from '../platform';
import type { SecretBox } from '../platform';

/** The rows of app.db's settings table this store reads and writes (the workshop store provides them). */
export interface SettingsRows {
  readSetting(key: string): string | undefined;
  writeSetting(key: string, value: unknown): void;
  /** Rewrites the file without its free pages, so text written before sealing survives nowhere. */
  scrubFreedPages(): void;
}

// The key predates the monitor's section; kept so that saved settings still load.
const KEY = 'providers';

const SEALED = 'sealed:';
const KEYED = ['ollama', 'openai', 'gemini', 'qloo'] as const;
const TEAM_SECRETS = ['password', 'teamKey'] as const;

/** A change that would make the settings invalid; `path` names the setting (e.g. limits.maxConcurrency). */
export class SettingsError extends AppError {
  override name = 'SettingsError';
  constructor(
    readonly path: string,
    message: string,
  ) {
    super('invalid_request', message, path ? `change.${path}` : 'change');
  }
}

export class SettingsStore {
  /**
   * As saved, keys opened; a key sealed by another keychain (the desktop app's, read from browser
   * mode or the CLI) stays sealed here, unused but kept, so that saving never drops it.
   */
  private current: AppSettings;
  private readonly listeners = new Set<(settings: AppSettings, previous: AppSettings) => void>();
  /** `current` with the environment applied: what get() returns, computed when settings change, not per call. */
  private effective: AppSettings;
  /** Why the stored settings could not be read at all; cleared by the next save. */
  private loadProblem: string | undefined;

  constructor(
    private readonly store: SettingsRows,
    private readonly secrets: SecretBox,
    private readonly env: NodeJS.ProcessEnv = process.env,
    /** Told every key these settings hold, so the rest of the core can hide them. */
    private readonly secretRegistry: SecretRegistry = new SecretRegistry(),
  ) {
    const { settings, problem, plainKeys } = this.load();
    this.current = settings;
    this.effective = this.withEnvironment(settings);
    this.loadProblem = problem;
    // Versions before 0.2 kept keys as written: seal them now and scrub the old text from the file.
    if (plainKeys) {
      this.store.writeSetting(KEY, this.sealKeys(settings));
      this.store.scrubFreedPages();
    }
  }

  /** The settings with keys from the environment filled in where settings have none. */
  get(): AppSettings {
    return this.effective;
  }

  /** Why some saved settings cannot be used here, if so. */
  get problem(): string | undefined {
    const sealed = KEYED.filter((name) => isSealed(this.current[name].apiKey));
    if (sealed.length) return `The saved ${sealed.join(' and ')} key${sealed.length > 1 ? 's' : ''} could not be decrypted on this machine; enter ${sealed.length > 1 ? 'them' : 'it'} again in Settings to use ${sealed.length > 1 ? 'them' : 'it'} here.`;
    return this.loadProblem;
  }

  /**
   * Merges a change (sections field by field; an API key given as null is removed), checks the
   * whole and saves it; throws a SettingsError naming the bad field, saving nothing.
   */
  update(change: SettingsInput | SettingsChange): AppSettings {
    const merged = settingsSchema.safeParse(deepMerge(this.current, change));
    if (!merged.success) {
      const issue = merged.error.issues[0]!;
      const path = issue.path.join('.');
      throw new SettingsError(path, `Setting ${path} ${issue.message}; nothing was saved.`);
    }
    const previous = this.effective;
    this.store.writeSetting(KEY, this.sealKeys(merged.data));
    this.current = merged.data;
    this.effective = this.withEnvironment(merged.data);
    this.loadProblem = undefined;
    for (const listener of this.listeners) listener(this.effective, previous);
    return this.effective;
  }

  /** What the renderer may see: everything but the keys, which are only said to be set or not. */
  view(): SettingsView {
    const s = this.effective;
    const endpoint = (e: LlmEndpoint) => ({ baseUrl: e.baseUrl, model: e.model, stream: e.stream, temperature: e.temperature, temperatureMode: e.temperatureMode ?? 'set', servers: e.servers ?? [], apiKeySet: Boolean(e.apiKey) });
    return {
      provider: s.provider,
      culture: s.culture,
      ollama: endpoint(s.ollama),
      openai: endpoint(s.openai),
      gemini: endpoint(s.gemini),
      qloo: { baseUrl: s.qloo.baseUrl, take: s.qloo.take, apiKeySet: Boolean(s.qloo.apiKey) },
      limits: s.limits,
      monitor: s.monitor,
      cache: s.cache,
      teamCache: { url: withoutPassword(s.teamCache.url), tls: s.teamCache.tls, mode: s.teamCache.mode, username: s.teamCache.username ?? null, sentinelName: s.teamCache.sentinelName ?? null, passwordSet: Boolean(s.teamCache.password), teamKeySet: Boolean(s.teamCache.teamKey) },
      report: { template: s.report.template, paper: s.report.paper },
      keyStorage: this.secrets.storage,
      problem: this.problem ?? null,
    };
  }

  /** Calls `listener` after each save with the new and the previous settings. */
  onChange(listener: (settings: AppSettings, previous: AppSettings) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private sealKeys(settings: AppSettings): AppSettings {
    const sealed = structuredClone(settings);
    // The team cache's password and key are sealed as API keys are.
    for (const name of TEAM_SECRETS) {
      const secret = sealed.teamCache[name];
      if (secret && !isSealed(secret)) sealed.teamCache[name] = SEALED + this.secrets.encrypt(secret);
    }
    for (const name of KEYED) {
      const section = sealed[name] as { apiKey?: string };
      if (section.apiKey && !isSealed(section.apiKey)) section.apiKey = SEALED + this.secrets.encrypt(section.apiKey);
    }
    return sealed;
  }

  /** Keys read back from app.db, opened with the secret box; one that cannot be opened stays sealed (see `problem`). */
  private unsealKeys(settings: AppSettings): AppSettings {
    for (const name of TEAM_SECRETS) {
      const secret = settings.teamCache[name];
      if (!isSealed(secret)) continue;
      try {
        settings.teamCache[name] = this.secrets.decrypt(secret!.slice(SEALED.length));
      } catch {
        // Left sealed, as API keys are: unused here, kept for the machine that can open it.
      }
    }
    for (const name of KEYED) {
      const section = settings[name] as { apiKey?: string };
      if (!isSealed(section.apiKey)) continue;
      try {
        section.apiKey = this.secrets.decrypt(section.apiKey!.slice(SEALED.length));
      } catch {
        // Left sealed: another keychain's key, or this one locked.
      }
    }
    return settings;
  }

  /** An address from the environment moves an engine only while settings keep its default; keys fill only empty ones. */
  private withEnvironment(s: AppSettings): AppSettings {
    for (const name of KEYED) this.secretRegistry.remember(s[name].apiKey);
    for (const secret of [s.teamCache.password, s.teamCache.teamKey, this.env['PERSONA_STUDIO_TEAM_KEY']]) this.secretRegistry.remember(secret);
    for (const name of ['OPENAI_API_KEY', 'GEMINI_API_KEY', 'QLOO_API_KEY'] as const) this.secretRegistry.remember(this.env[name]);
    return {
      ...s,
      ollama: withKey(withAddress(s.ollama, SETTINGS_DEFAULTS.ollama.baseUrl, ollamaHost(this.env.OLLAMA_HOST)), undefined),
      openai: withKey(withAddress(s.openai, SETTINGS_DEFAULTS.openai.baseUrl, this.env.OPENAI_BASE_URL), this.env.OPENAI_API_KEY),
      gemini: withKey(withAddress(s.gemini, SETTINGS_DEFAULTS.gemini.baseUrl, this.env.GEMINI_BASE_URL), this.env.GEMINI_API_KEY),
      qloo: withKey(withAddress(s.qloo, SETTINGS_DEFAULTS.qloo.baseUrl, this.env.QLOO_BASE_URL), this.env.QLOO_API_KEY),
      teamCache: teamCacheWithEnvironment(s.teamCache, this.env),
    };
  }

  private load(): { settings: AppSettings; problem?: string; plainKeys?: boolean } {
    const text = this.store.readSetting(KEY);
    const defaults = settingsSchema.parse({});
    if (text === undefined) return { settings: defaults };
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      return { settings: defaults, problem: 'The saved settings are not valid JSON; defaults are used until you save new ones.' };
    }
    const parsed = settingsSchema.safeParse(raw);
    if (parsed.success) {
      const plainKeys = KEYED.some((name) => parsed.data[name].apiKey !== undefined && !isSealed(parsed.data[name].apiKey));
      return { settings: this.unsealKeys(parsed.data), plainKeys };
    }
    const issue = parsed.error.issues[0]!;
    return { settings: defaults, problem: `The saved settings have ${issue.path.join('.') || 'a value'} that ${issue.message}; defaults are used until you save new ones.` };
  }
}

/** A sealed key cannot be used here: it is dropped from what the providers see, and the environment's key (if any) used instead. */
function withKey<T extends { apiKey?: string | undefined }>(settings: T, envKey: string | undefined): T {
  if (isSealed(settings.apiKey)) {
    const { apiKey: _sealed, ...open } = settings;
    return (envKey ? { ...open, apiKey: envKey } : open) as T;
  }
  return settings.apiKey || !envKey ? settings : { ...settings, apiKey: envKey };
}

/** PERSONA_STUDIO_TEAM_CACHE (a URL) and PERSONA_STUDIO_TEAM_KEY stand in where settings have none (the CLI, browser mode); sealed secrets are dropped. */
function teamCacheWithEnvironment(team: AppSettings['teamCache'], env: NodeJS.ProcessEnv): AppSettings['teamCache'] {
  const { password, teamKey, ...open } = team;
  const url = open.url || env['PERSONA_STUDIO_TEAM_CACHE']?.trim() || '';
  const key = (!isSealed(teamKey) && teamKey) || env['PERSONA_STUDIO_TEAM_KEY'] || undefined;
  return { ...open, url, ...(password && !isSealed(password) ? { password } : {}), ...(key ? { teamKey: key } : {}) };
}

/** A URL as the renderer may see it: PERSONA_STUDIO_TEAM_CACHE may carry a password, which stays here. */
function withoutPassword(url: string): string {
  if (!URL.canParse(url)) return url;
  const parsed = new URL(url);
  if (parsed.password === '') return url;
  parsed.password = '';
  return parsed.toString();
}

function isSealed(key: string | undefined): boolean {
  return key?.startsWith(SEALED) ?? false;
}

/** The environment's address, while settings keep the default one. */
function withAddress<T extends { baseUrl: string }>(settings: T, defaultUrl: string, fromEnv: string | undefined): T {
  const address = fromEnv?.trim();
  return address && settings.baseUrl === defaultUrl ? { ...settings, baseUrl: address } : settings;
}

/** OLLAMA_HOST as Ollama's own client reads it (envconfig.Host): without a scheme, http and port 11434. */
function ollamaHost(value: string | undefined): string | undefined {
  const host = value?.trim();
  if (!host || /^https?:\/\//.test(host)) return host;
  return /:\d+$/.test(host) ? `http://${host}` : `http://${host}:11434`;
}

/** Objects merge key by key; a key set to null in the change is removed (that is how a renderer removes an API key). */
function deepMerge(base: unknown, change: unknown): unknown {
  if (change === undefined) return base;
  if (base === null || typeof base !== 'object' || Array.isArray(base) || change === null || typeof change !== 'object' || Array.isArray(change)) return change;
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(change)) {
    if (value === null) delete out[key];
    else out[key] = deepMerge(out[key], value);
  }
  return out;
}

