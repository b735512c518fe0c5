/**
 * The app's settings, defined once: the fields' ranges and defaults (settings-ranges.ts) made into
 * zod schemas. The main side's store parses saved settings with `settingsSchema`, the IPC contract
 * checks changes with `settingsChangeSchema`, and the renderer's form reads the same ranges.
 * API keys never travel to the renderer: the view says only whether one is set; a change may set a
 * key (a string) or clear it (null).
 */
import { z } from 'zod';
import { MAX_EXTRA_SERVERS, SETTINGS_DEFAULTS, SETTINGS_RANGES, TEAM_CACHE_MODES, TEMPERATURE_MODES, type NumberRange, type TemperatureMode } from './settings-ranges';
import { CULTURE_SOURCE_IDS, PAPER_SIZES, PROVIDER_IDS, REPORT_TEMPLATES } from './vocabulary';

export { SETTINGS_DEFAULTS, SETTINGS_RANGES, TEMPERATURE_MODES, type TemperatureMode };

function ranged(range: NumberRange) {
  const number = range.int ? z.number().int() : z.number();
  return number.min(range.min).max(range.max);
}
const R = SETTINGS_RANGES;

const url = z.string().trim().url('must be a URL such as http://127.0.0.1:11434').refine((u) => /^https?:\/\//.test(u), 'must start with http:// or https://');
const apiKey = z.string().trim().min(1);

/** Each section's fields with their ranges, no defaults: shared by the stored form and the change form. */
const endpointFields = {
  baseUrl: url,
  model: z.string().trim().min(1),
  /** Stream the answer (progress as it is written); off, one request and one answer. */
  stream: z.boolean(),
  temperature: ranged(R.endpoint.temperature),
  temperatureMode: z.enum(TEMPERATURE_MODES),
  /** More servers running the same model, beside baseUrl; the key, model and options are the engine's. */
  servers: z
    .array(z.object({ baseUrl: url, weight: ranged(R.endpoint.weight).default(1) }))
    .max(MAX_EXTRA_SERVERS, `at most ${MAX_EXTRA_SERVERS} extra servers per engine`)
    .refine((servers) => new Set(servers.map((s) => s.baseUrl)).size === servers.length, 'lists a server twice: remove the duplicate address'),
};
const qlooFields = { baseUrl: url, /** Entities asked for per category. */ take: ranged(R.qloo.take) };
/** User caps the scheduler honours. */
const limitsFields = {
  maxConcurrency: ranged(R.limits.maxConcurrency),
  maxCpuPercent: ranged(R.limits.maxCpuPercent),
  maxMemoryPercent: ranged(R.limits.maxMemoryPercent),
};
/** Alert thresholds (defaults from the seeds), history retention and the auto-tuner switch. */
const monitorFields = {
  retentionDays: ranged(R.monitor.retentionDays),
  p95Ms: ranged(R.monitor.p95Ms),
  cacheHitRate: ranged(R.monitor.cacheHitRate),
  validationSuccess: ranged(R.monitor.validationSuccess),
  cpuPercent: ranged(R.monitor.cpuPercent),
  memoryBudgetMb: ranged(R.monitor.memoryBudgetMb),
  /** Seconds a value must stay bad before an alert; null keeps each rule's own (10-60 s). */
  raiseAfterS: ranged(R.monitor.raiseAfterS).nullable(),
  tuner: z.boolean(),
};
const cacheFields = {
  l1MaxMb: ranged(R.cache.l1MaxMb),
  ttlMinMinutes: ranged(R.cache.ttlMinMinutes),
  ttlMaxDays: ranged(R.cache.ttlMaxDays),
  /** cache.db's byte budget: the sweep trims it to this. */
  l2MaxMb: ranged(R.cache.l2MaxMb),
  /** Warm the lookups likely to come next, and how many after each lookup. */
  preload: z.boolean(),
  preloadPerLookup: ranged(R.cache.preloadPerLookup),
};

/** The team cache's Redis: redis:// or rediss:// (TLS), or empty for none. */
const teamCacheUrl = z.string().trim().max(2000).refine((u) => u === '' || (/^rediss?:\/\/[^\s]+$/.test(u) && URL.canParse(u)), 'must be empty (no team cache) or a URL such as redis://cache.example:6379 or rediss://…')
  // Saved settings seal the password only in its own field: one in the URL would be kept readable.
  .refine((u) => u === '' || !URL.canParse(u) || new URL(u).password === '', 'must not hold a password: enter it in the password field, where it is sealed');
const teamCacheFields = {
  url: teamCacheUrl,
  /** TLS even when the url says redis://. */
  tls: z.boolean(),
  mode: z.enum(TEAM_CACHE_MODES),
};
const reportFields = { template: z.enum(REPORT_TEMPLATES), paper: z.enum(PAPER_SIZES) };
const teamCacheOptional = { username: z.string().trim().min(1).max(200).optional(), sentinelName: z.string().trim().min(1).max(200).optional() };

/** A stored section: each field falls back to its default, so settings saved by an older version still load. */
function section<S extends z.ZodRawShape>(fields: S, defaults: { [K in keyof S]: z.output<S[K]> }) {
  const shape = Object.fromEntries(Object.entries(fields).map(([key, field]) => [key, (field as z.ZodType).default(defaults[key as keyof S] as never)])) as unknown as {
    [K in keyof S]: z.ZodDefault<S[K]>;
  };
  return z.object(shape).default(defaults as never);
}
const storedEndpoint = (defaults: typeof SETTINGS_DEFAULTS.ollama) => {
  const { baseUrl, model, stream, temperature, temperatureMode, servers } = defaults;
  return z.object({ ...section(endpointFields, { baseUrl, model, stream, temperature, temperatureMode, servers }).unwrap().shape, apiKey: apiKey.optional() }).default(defaults);
};

/** Settings as saved in app.db (API keys sealed there) and as the main side uses them (keys opened). */
export const settingsSchema = z.object({
  provider: z.enum(PROVIDER_IDS).default(SETTINGS_DEFAULTS.provider),
  culture: z.enum(CULTURE_SOURCE_IDS).default(SETTINGS_DEFAULTS.culture),
  ollama: storedEndpoint(SETTINGS_DEFAULTS.ollama),
  openai: storedEndpoint(SETTINGS_DEFAULTS.openai),
  gemini: storedEndpoint(SETTINGS_DEFAULTS.gemini),
  qloo: z.object({ ...section(qlooFields, SETTINGS_DEFAULTS.qloo).unwrap().shape, apiKey: apiKey.optional() }).default(SETTINGS_DEFAULTS.qloo),
  limits: section(limitsFields, SETTINGS_DEFAULTS.limits),
  monitor: section(monitorFields, SETTINGS_DEFAULTS.monitor),
  cache: section(cacheFields, SETTINGS_DEFAULTS.cache),
  /** Password and team key sealed in app.db like API keys. */
  teamCache: z.object({ ...section(teamCacheFields, SETTINGS_DEFAULTS.teamCache).unwrap().shape, ...teamCacheOptional, password: apiKey.optional(), teamKey: apiKey.optional() }).default(SETTINGS_DEFAULTS.teamCache),
  report: section(reportFields, SETTINGS_DEFAULTS.report),
});

export type AppSettings = z.output<typeof settingsSchema>;
export type SettingsInput = z.input<typeof settingsSchema>;
export type MonitorSettings = AppSettings['monitor'];
/** What each LLM provider needs from settings: where it is, which model, a key for cloud ones; no mode sends the temperature; no servers is baseUrl alone. */
export type LlmEndpoint = Omit<AppSettings['ollama'], 'temperatureMode' | 'servers'> & { temperatureMode?: TemperatureMode; servers?: AppSettings['ollama']['servers'] };
export type QlooSettings = AppSettings['qloo'];
export type TeamCacheSettings = AppSettings['teamCache'];

const endpointView = z.object({ ...endpointFields, apiKeySet: z.boolean() });
export const settingsViewSchema = z.object({
  provider: z.enum(PROVIDER_IDS),
  culture: z.enum(CULTURE_SOURCE_IDS),
  ollama: endpointView,
  openai: endpointView,
  gemini: endpointView,
  qloo: z.object({ ...qlooFields, apiKeySet: z.boolean() }),
  limits: z.object(limitsFields),
  monitor: z.object(monitorFields),
  cache: z.object(cacheFields),
  teamCache: z.object({ ...teamCacheFields, username: z.string().nullable(), sentinelName: z.string().nullable(), passwordSet: z.boolean(), teamKeySet: z.boolean() }),
  report: z.object(reportFields),
  /** How keys are sealed in app.db: with the OS keychain (the desktop app) or with secret.key in the data folder (browser mode, the CLI). */
  keyStorage: z.enum(['os_keychain', 'key_file']),
  /** Why the saved settings could not be used, when they could not. */
  problem: z.string().nullable(),
});

const keyChange = z.string().trim().min(1, 'must not be empty (send null to remove the key)').max(500).nullable();
const endpointChange = z.strictObject({ ...endpointFields, apiKey: keyChange }).partial();

export const settingsChangeSchema = z
  .strictObject({
    provider: z.enum(PROVIDER_IDS),
    culture: z.enum(CULTURE_SOURCE_IDS),
    ollama: endpointChange,
    openai: endpointChange,
    gemini: endpointChange,
    qloo: z.strictObject({ ...qlooFields, apiKey: keyChange }).partial(),
    limits: z.strictObject(limitsFields).partial(),
    monitor: z.strictObject(monitorFields).partial(),
    cache: z.strictObject(cacheFields).partial(),
    teamCache: z.strictObject({ ...teamCacheFields, username: keyChange, sentinelName: keyChange, password: keyChange, teamKey: keyChange }).partial(),
    report: z.strictObject(reportFields).partial(),
  })
  .partial();

export type SettingsView = z.output<typeof settingsViewSchema>;
export type SettingsChange = z.output<typeof settingsChangeSchema>;
