/**
 * The settings form's draft (numbers as text, in screen units) and every setting on screen by its
 * path (as settings:update names it in an error), with its label and input id.
 */
import type { SettingsView } from '../../../shared/settings';
import type { TemperatureMode } from '../../../shared/settings-ranges';
import type { ProviderId } from '../../../shared/vocabulary';

export type CultureId = SettingsView['culture'];
export type EndpointId = 'ollama' | 'openai' | 'gemini';
export type KeyedId = EndpointId | 'qloo';

export interface EndpointDraft {
  baseUrl: string;
  model: string;
  temperature: string;
  /** 'model_default' sends no temperature: the model's own (some models accept no other). */
  temperatureMode: TemperatureMode;
  stream: boolean;
  /** A new key typed by the user; never the saved one, which the renderer never sees. */
  apiKey: string;
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
}

/** The draft's sections that hold fields (everything but the two top-level choices). */
export type DraftSection = Exclude<keyof SettingsDraft, 'provider' | 'culture'>;

type EndpointField = keyof EndpointDraft;
/** A setting's path as settings:update names it in an error's field, without the leading "change.". */
export type FieldPath =
  | 'provider'
  | 'culture'
  | `${EndpointId}.${EndpointField}`
  | `qloo.${keyof SettingsDraft['qloo']}`
  | `limits.${keyof SettingsDraft['limits']}`
  | `monitor.${keyof SettingsDraft['monitor']}`
  | `cache.${keyof SettingsDraft['cache']}`;

export type FieldErrors = Partial<Record<FieldPath, string>>;

/** Every input's visible label, which is also its accessible name. */
export const LABELS: Record<FieldPath, string> = {
  provider: 'Default engine',
  culture: 'Cultural data',
  'ollama.baseUrl': 'Ollama base URL',
  'ollama.model': 'Ollama model',
  'ollama.temperature': 'Ollama temperature',
  'ollama.temperatureMode': 'Ollama temperature source',
  'ollama.stream': 'Stream Ollama responses',
  'ollama.apiKey': 'Ollama API key',
  'openai.baseUrl': 'OpenAI base URL',
  'openai.model': 'OpenAI model',
  'openai.temperature': 'OpenAI temperature',
  'openai.temperatureMode': 'OpenAI temperature source',
  'openai.stream': 'Stream OpenAI responses',
  'openai.apiKey': 'OpenAI API key',
  'gemini.baseUrl': 'Gemini base URL',
  'gemini.model': 'Gemini model',
  'gemini.temperature': 'Gemini temperature',
  'gemini.temperatureMode': 'Gemini temperature source',
  'gemini.stream': 'Stream Gemini responses',
  'gemini.apiKey': 'Gemini API key',
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
};

function isFieldPath(path: string): path is FieldPath {
  return Object.hasOwn(LABELS, path);
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
