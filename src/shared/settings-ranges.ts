/**
 * The ranges and defaults of every setting, as plain data: the zod schema in settings.ts is built
 * from them, and the renderer's Settings form reads them without bundling zod.
 */
import type { CULTURE_SOURCE_IDS, PaperSize, ProviderId, ReportTemplate } from './vocabulary';

export interface NumberRange {
  min: number;
  max: number;
  /** A whole number. */
  int?: boolean;
}

/** How the team cache reaches Redis: one server, through Sentinel, or a Cluster. */
export const TEAM_CACHE_MODES = ['single', 'sentinel', 'cluster'] as const;

/** 'model_default' sends no temperature (the model's own); 'set' sends the number, where the model accepts one. */
export const TEMPERATURE_MODES = ['set', 'model_default'] as const;
export type TemperatureMode = (typeof TEMPERATURE_MODES)[number];

export const SETTINGS_RANGES = {
  endpoint: { temperature: { min: 0, max: 2 }, /** A server's share of calls relative to the others (the engine's own baseUrl weighs 1). */ weight: { min: 0.1, max: 10 } },
  qloo: { take: { min: 1, max: 50, int: true } },
  limits: {
    maxConcurrency: { min: 1, max: 64, int: true },
    maxCpuPercent: { min: 10, max: 100 },
    maxMemoryPercent: { min: 10, max: 100 },
  },
  monitor: {
    retentionDays: { min: 1, max: 365, int: true },
    p95Ms: { min: 100, max: 600_000 },
    cacheHitRate: { min: 0, max: 1 },
    validationSuccess: { min: 0, max: 1 },
    cpuPercent: { min: 10, max: 100 },
    memoryBudgetMb: { min: 128, max: 65_536, int: true },
    raiseAfterS: { min: 0, max: 600 },
  },
  cache: {
    l1MaxMb: { min: 4, max: 1024 },
    ttlMinMinutes: { min: 1, max: 1440 },
    ttlMaxDays: { min: 1, max: 365 },
    l2MaxMb: { min: 16, max: 16_384, int: true },
    preloadPerLookup: { min: 1, max: 10, int: true },
  },
} as const satisfies Record<string, Record<string, NumberRange>>;

/** An engine's extra model servers, beside its baseUrl (the first server); calls are routed between them. */
export interface ExtraServer {
  baseUrl: string;
  weight: number;
}
/** Extra servers an engine takes at most. */
export const MAX_EXTRA_SERVERS = 16;
const endpointDefaults = (baseUrl: string, model: string) => ({ baseUrl, model, stream: true, temperature: 0.8, temperatureMode: 'set' as TemperatureMode, servers: [] as ExtraServer[] });
export const SETTINGS_DEFAULTS = {
  provider: 'offline' as ProviderId,
  culture: 'bundled' as (typeof CULTURE_SOURCE_IDS)[number],
  ollama: endpointDefaults('http://127.0.0.1:11434', 'llama3.1:8b'),
  openai: endpointDefaults('http://127.0.0.1:8080/v1', 'local-model'),
  gemini: endpointDefaults('https://generativelanguage.googleapis.com', 'gemini-2.5-flash'),
  qloo: { baseUrl: 'https://hackathon.api.qloo.com', take: 15 },
  limits: { maxConcurrency: 16, maxCpuPercent: 90, maxMemoryPercent: 92 },
  monitor: { retentionDays: 30, p95Ms: 20_000, cacheHitRate: 0.7, validationSuccess: 0.95, cpuPercent: 70, memoryBudgetMb: 1536, raiseAfterS: null as number | null, tuner: true },
  cache: { l1MaxMb: 32, ttlMinMinutes: 10, ttlMaxDays: 90, l2MaxMb: 256, preload: true, preloadPerLookup: 3 },
  /** The team cache (L3, Redis): an empty url is off. */
  teamCache: { url: '', tls: false, mode: 'single' as (typeof TEAM_CACHE_MODES)[number] },
  /** The PDF report's defaults: a client report on A4. */
  report: { template: 'client' as ReportTemplate, paper: 'a4' as PaperSize },
};
