/**
 * The settings form's draft (numbers as text, in screen units) and every setting on screen by its
 * path (as settings:update names it in an error), with its label and input id.
 */
import type { SettingsView } from '../../../shared/settings';
import type { TemperatureMode } from '../../../shared/settings-ranges';
import type { PaperSize, ProviderId, ReportTemplate } from '../../../shared/vocabulary';

export type CultureId = SettingsView['culture'];
export type EndpointId = 'ollama' | 'openai' | 'gemini';
export type KeyedId = EndpointId | 'qloo';
export type TeamCacheMode = SettingsView['teamCache']['mode'];

/** One extra model server of an engine, as typed (weight as text); `key` only keeps its row apart while others are added or removed. */
export interface ServerDraft {
  key: string;
  baseUrl: string;
  weight: string;
}

export interface EndpointDraft {
  baseUrl: string;
  model: string;
  temperature: string;
  /** 'model_default' sends no temperature: the model's own (some models accept no other). */
  temperatureMode: TemperatureMode;
  stream: boolean;
  /** A new key typed by the user; never the saved one, which the renderer never sees. */
  apiKey: string;
  /** More servers running the same model, beside baseUrl (the first server). */
  servers: ServerDraft[];
}

export interface TeamCacheDraft {
  /** Empty: no team cache. */
  url: string;
  tls: boolean;
  mode: TeamCacheMode;
  /** Empty: none (the default user). */
  username: string;
  /** Sentinel's name for the primary; used in Sentinel mode only. */
  sentinelName: string;
  /** New secrets typed by the user; never the saved ones, which the renderer never sees. */
  password: string;
  teamKey: string;
}

export interface SettingsDraft {
  provider: ProviderId;
  culture: CultureId;
  ollama: EndpointDraft;
  openai: EndpointDraft;
  gemini: EndpointDraft;
  qloo: { baseUrl: string; take: string; apiKey: string };
  limits: { maxConcurrency: string; maxCpuPercent: string; maxMemoryPercent: string };
  monitor: {
    retentionDays: string;
    /** Seconds. */
    p95Ms: string;
    /** Percent. */
    cacheHitRate: string;
    /** Percent. */
    validationSuccess: string;
    cpuPercent: string;
    memoryBudgetMb: string;
    /** Seconds; empty means null. */
    raiseAfterS: string;
    tuner: boolean;
  };
  cache: { l1MaxMb: string; ttlMinMinutes: string; ttlMaxDays: string; l2MaxMb: string; preload: boolean; preloadPerLookup: string };
  teamCache: TeamCacheDraft;
  /** The PDF report's defaults (an export may choose otherwise). */
  report: { template: ReportTemplate; paper: PaperSize };
}

/** The draft's sections that hold fields (everything but the two top-level choices). */
export type DraftSection = Exclude<keyof SettingsDraft, 'provider' | 'culture'>;

type EndpointField = keyof EndpointDraft;
export type ServerField = 'baseUrl' | 'weight';
/** One extra server's address or weight: `ollama.servers.0.baseUrl` is the first extra server (the second of the engine). */
export type ServerPath = `${EndpointId}.servers.${number}.${ServerField}`;

/** The settings written only: the view says whether each is set, a change sets or clears it. */
export type SecretPath = `${KeyedId}.apiKey` | 'teamCache.password' | 'teamCache.teamKey';

/** A setting's path as settings:update names it in an error's field, without the leading "change.". */
export type FieldPath = StaticPath | ServerPath;
type StaticPath =
  | 'provider'
  | 'culture'
  | `${EndpointId}.${EndpointField}`
  | `qloo.${keyof SettingsDraft['qloo']}`
  | `limits.${keyof SettingsDraft['limits']}`
  | `monitor.${keyof SettingsDraft['monitor']}`
  | `cache.${keyof SettingsDraft['cache']}`
  | `teamCache.${keyof TeamCacheDraft}`
  | `report.${keyof SettingsDraft['report']}`;

export type FieldErrors = Partial<Record<FieldPath, string>>;

/** Every input's visible label, which is also its accessible name (an extra server's: labelOf). */
export const LABELS: Record<StaticPath, string> = {
  provider: 'Default engine',
  culture: 'Cultural data',
  'ollama.baseUrl': 'Ollama base URL',
  'ollama.model': 'Ollama model',
  'ollama.temperature': 'Ollama temperature',
  'ollama.temperatureMode': 'Ollama temperature source',
  'ollama.stream': 'Stream Ollama responses',
  'ollama.apiKey': 'Ollama API key',
  'ollama.servers': 'Ollama extra servers',
  'openai.baseUrl': 'OpenAI base URL',
  'openai.model': 'OpenAI model',
  'openai.temperature': 'OpenAI temperature',
  'openai.temperatureMode': 'OpenAI temperature source',
  'openai.stream': 'Stream OpenAI responses',
  'openai.apiKey': 'OpenAI API key',
  'openai.servers': 'OpenAI extra servers',
  'gemini.baseUrl': 'Gemini base URL',
  'gemini.model': 'Gemini model',
  'gemini.temperature': 'Gemini temperature',
  'gemini.temperatureMode': 'Gemini temperature source',
  'gemini.stream': 'Stream Gemini responses',
  'gemini.apiKey': 'Gemini API key',
  'gemini.servers': 'Gemini extra servers',
  'qloo.baseUrl': 'Qloo base URL',
  'qloo.take': 'Qloo results per request',
  'qloo.apiKey': 'Qloo API key',
  'limits.maxConcurrency': 'Max concurrent calls',
  'limits.maxCpuPercent': 'Max CPU use (%)',
  'limits.maxMemoryPercent': 'Max memory use (%)',
  'monitor.retentionDays': 'Keep history (days)',
  'monitor.p95Ms': 'p95 latency above (seconds)',
  'monitor.cacheHitRate': 'Cache hit rate below (%)',
  'monitor.validationSuccess': 'Validation success below (%)',
  'monitor.cpuPercent': 'CPU use above (%)',
  'monitor.memoryBudgetMb': 'App memory budget (MB)',
  'monitor.raiseAfterS': 'Alert after (seconds)',
  'monitor.tuner': 'Auto-tuner',
  'cache.l1MaxMb': 'Memory cache budget (MB)',
  'cache.ttlMinMinutes': 'Shortest entry lifetime (minutes)',
  'cache.ttlMaxDays': 'Longest entry lifetime (days)',
  'cache.l2MaxMb': 'cache.db budget (MB)',
  'cache.preload': 'Preloading',
  'cache.preloadPerLookup': 'Lookups preloaded after each',
  'teamCache.url': 'Team cache URL',
  'teamCache.tls': 'Use TLS',
  'teamCache.mode': 'Redis setup',
  'teamCache.username': 'Redis user',
  'teamCache.sentinelName': 'Sentinel primary name',
  'teamCache.password': 'Redis password',
  'teamCache.teamKey': 'Team key',
  'report.template': 'Default template',
  'report.paper': 'Default paper',
};

/** Each engine's name as its fields' labels say it. */
export const ENGINE_NAMES: Record<EndpointId, string> = { ollama: 'Ollama', openai: 'OpenAI', gemini: 'Gemini' };
const SERVER_PATH = /^(ollama|openai|gemini)\.servers\.(\d+)\.(baseUrl|weight)$/;

/** An extra server's path, taken apart; null for any other path. */
export function serverPathParts(path: string): { id: EndpointId; index: number; field: ServerField } | null {
  const match = SERVER_PATH.exec(path);
  return match ? { id: match[1] as EndpointId, index: Number(match[2]), field: match[3] as ServerField } : null;
}

export function serverPath(id: EndpointId, index: number, field: ServerField): ServerPath {
  return `${id}.servers.${index}.${field}`;
}

/**
 * A setting's label. An extra server is numbered after the engine's base URL (server 1), so the
 * first extra server is "Ollama server 2 address".
 */
export function labelOf(path: FieldPath): string {
  const server = serverPathParts(path);
  if (server) return `${ENGINE_NAMES[server.id]} server ${server.index + 2} ${server.field === 'baseUrl' ? 'address' : 'weight'}`;
  return LABELS[path as StaticPath];
}

function isFieldPath(path: string): path is FieldPath {
  return Object.hasOwn(LABELS, path) || SERVER_PATH.test(path);
}

/** The DOM id of a setting's input. */
export function fieldId(path: FieldPath): string {
  return `settings-${path.replace(/\./g, '-')}`;
}

/** The setting an ApiError's field names ("change.limits.maxConcurrency"), when it is one on screen. */
export function fieldPathOf(apiField: string | undefined): FieldPath | null {
  if (!apiField) return null;
  const path = apiField.replace(/^change\.?/, '');
  if (isFieldPath(path)) return path;
  // A deeper path (an issue inside a value) belongs to the nearest field on screen.
  const parts = path.split('.');
  for (let n = parts.length - 1; n > 0; n--) {
    const prefix = parts.slice(0, n).join('.');
    if (isFieldPath(prefix)) return prefix;
  }
  return null;
}
