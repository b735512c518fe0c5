/**
 * Settings as the renderer sees and changes them. API keys never travel to the renderer: the view
 * says only whether one is set; a change may set a key (a string) or clear it (null). Value ranges
 * are checked by the main side's settings schema, which names the field that is wrong.
 */
import { z } from 'zod';
import { CULTURE_SOURCE_IDS, PROVIDER_IDS } from './vocabulary';

/** 'model_default' sends no temperature (the model's own); 'set' sends the number, where the model accepts one. */
export const TEMPERATURE_MODES = ['set', 'model_default'] as const;
export type TemperatureMode = (typeof TEMPERATURE_MODES)[number];

const endpointView = z.object({ baseUrl: z.string(), model: z.string(), stream: z.boolean(), temperature: z.number(), temperatureMode: z.enum(TEMPERATURE_MODES), apiKeySet: z.boolean() });
const limits = z.object({ maxConcurrency: z.number(), maxCpuPercent: z.number(), maxMemoryPercent: z.number() });
const monitor = z.object({
  retentionDays: z.number(),
  p95Ms: z.number(),
  cacheHitRate: z.number(),
  validationSuccess: z.number(),
  cpuPercent: z.number(),
  memoryBudgetMb: z.number(),
  raiseAfterS: z.number().nullable(),
  tuner: z.boolean(),
});
const cache = z.object({ l1MaxMb: z.number(), ttlMinMinutes: z.number(), ttlMaxDays: z.number() });

export const settingsViewSchema = z.object({
  provider: z.enum(PROVIDER_IDS),
  culture: z.enum(CULTURE_SOURCE_IDS),
  ollama: endpointView,
  openai: endpointView,
  gemini: endpointView,
  qloo: z.object({ baseUrl: z.string(), take: z.number(), apiKeySet: z.boolean() }),
  limits,
  monitor,
  cache,
  /** How keys are sealed in app.db: with the OS keychain (the desktop app) or with secret.key in the data folder (browser mode, the CLI). */
  keyStorage: z.enum(['os_keychain', 'key_file']),
  /** Why the saved settings could not be used, when they could not. */
  problem: z.string().nullable(),
});

const key = z.string().trim().min(1, 'must not be empty (send null to remove the key)').max(500).nullable();
const endpointChange = z.strictObject({ baseUrl: z.string(), model: z.string(), stream: z.boolean(), temperature: z.number(), temperatureMode: z.enum(TEMPERATURE_MODES), apiKey: key }).partial();

export const settingsChangeSchema = z.strictObject({
  provider: z.enum(PROVIDER_IDS),
  culture: z.enum(CULTURE_SOURCE_IDS),
  ollama: endpointChange,
  openai: endpointChange,
  gemini: endpointChange,
  qloo: z.strictObject({ baseUrl: z.string(), take: z.number(), apiKey: key }).partial(),
  limits: limits.strict().partial(),
  monitor: monitor.strict().partial(),
  cache: cache.strict().partial(),
}).partial();

export type SettingsView = z.output<typeof settingsViewSchema>;
export type SettingsChange = z.output<typeof settingsChangeSchema>;
