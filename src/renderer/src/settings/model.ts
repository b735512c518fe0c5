/**
 * The settings form's model: the loaded view turned into a draft the inputs edit (numbers as text,
 * in the units the screen shows), and the draft turned back into a SettingsChange holding only the
 * fields the user changed. Percentages on screen are 0-1 rates in settings; p95 is seconds on screen
 * and milliseconds in settings; an empty "Alert after" is null (each rule's own delay).
 */
import type { SettingsChange, SettingsView, TemperatureMode } from '../../../shared/settings';
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
  cache: { l1MaxMb: string; ttlMinMinutes: string; ttlMaxDays: string };
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

/** A number as the inputs show it: no float noise (0.95 × 100 is 95, not 95.00000000000001). */
function show(value: number): string {
  return String(Number(value.toFixed(6)));
}

export function toDraft(view: SettingsView): SettingsDraft {
  const endpoint = (e: SettingsView['ollama']): EndpointDraft => ({
    baseUrl: e.baseUrl,
    model: e.model,
    temperature: show(e.temperature),
    temperatureMode: e.temperatureMode,
    stream: e.stream,
    apiKey: '',
  });
  const { monitor, limits, cache, qloo } = view;
  return {
    provider: view.provider,
    culture: view.culture,
    ollama: endpoint(view.ollama),
    openai: endpoint(view.openai),
    gemini: endpoint(view.gemini),
    qloo: { baseUrl: qloo.baseUrl, take: show(qloo.take), apiKey: '' },
    limits: { maxConcurrency: show(limits.maxConcurrency), maxCpuPercent: show(limits.maxCpuPercent), maxMemoryPercent: show(limits.maxMemoryPercent) },
    monitor: {
      retentionDays: show(monitor.retentionDays),
      p95Ms: show(monitor.p95Ms / 1000),
      cacheHitRate: show(monitor.cacheHitRate * 100),
      validationSuccess: show(monitor.validationSuccess * 100),
      cpuPercent: show(monitor.cpuPercent),
      memoryBudgetMb: show(monitor.memoryBudgetMb),
      raiseAfterS: monitor.raiseAfterS === null ? '' : show(monitor.raiseAfterS),
      tuner: monitor.tuner,
    },
    cache: { l1MaxMb: show(cache.l1MaxMb), ttlMinMinutes: show(cache.ttlMinMinutes), ttlMaxDays: show(cache.ttlMaxDays) },
  };
}

export interface DraftDiff {
  /** Only what changed, in settings' units; empty when nothing did. */
  change: SettingsChange;
  /** The fields that changed, in screen order. */
  changed: FieldPath[];
  /** Values that cannot be sent (not a number, a percentage above 100); nothing is sent while any. */
  errors: FieldErrors;
}

interface NumberRule {
  /** Screen value to settings value. */
  toSetting?: (shown: number) => number;
  /** Bounds checked here only where the main side's message would speak in other units. */
  min?: number;
  max?: number;
  unit?: string;
}

const percent: NumberRule = { toSetting: (p) => Number((p / 100).toFixed(6)), min: 0, max: 100, unit: '%' };
const seconds: NumberRule = { toSetting: (s) => Math.round(s * 1000), min: 0.1, max: 600, unit: 's' };

function parse(text: string): number | null {
  const trimmed = text.trim();
  return trimmed === '' ? null : Number(trimmed);
}

/** The draft against the loaded view's draft: what to send, or why it cannot be sent. */
export function diffDraft(draft: SettingsDraft, base: SettingsDraft): DraftDiff {
  const changed: FieldPath[] = [];
  const errors: FieldErrors = {};

  /** The new value of a number field, or undefined when unchanged or wrong (then an error is noted). */
  const numberOf = (path: FieldPath, next: string, before: string, rule: NumberRule = {}, nullable = false): number | null | undefined => {
    const value = parse(next);
    const label = LABELS[path];
    if (value === null) {
      if (!nullable) {
        errors[path] = `${label} needs a value.`;
        return undefined;
      }
      if (parse(before) === null) return undefined;
      changed.push(path);
      return null;
    }
    if (!Number.isFinite(value)) {
      errors[path] = `${label} must be a number.`;
      return undefined;
    }
    if ((rule.min !== undefined && value < rule.min) || (rule.max !== undefined && value > rule.max)) {
      errors[path] = `${label} must be between ${rule.min ?? '…'} and ${rule.max ?? '…'}${rule.unit === '%' ? ' %' : rule.unit ? ` ${rule.unit}` : ''}.`;
      return undefined;
    }
    if (value === parse(before)) return undefined;
    changed.push(path);
    return rule.toSetting ? rule.toSetting(value) : value;
  };
  const number = (path: FieldPath, next: string, before: string, rule?: NumberRule): number | undefined => {
    const value = numberOf(path, next, before, rule);
    return value === null ? undefined : value;
  };
  const text = (path: FieldPath, next: string, before: string): string | undefined => {
    if (next === before) return undefined;
    changed.push(path);
    return next;
  };
  const choice = <T extends string>(path: FieldPath, next: T, before: T): T | undefined => {
    if (next === before) return undefined;
    changed.push(path);
    return next;
  };
  const flag = (path: FieldPath, next: boolean, before: boolean): boolean | undefined => {
    if (next === before) return undefined;
    changed.push(path);
    return next;
  };
  const key = (path: FieldPath, typed: string): string | undefined => {
    const trimmed = typed.trim();
    if (!trimmed) return undefined;
    changed.push(path);
    return trimmed;
  };
  /** The object without its undefined entries, or undefined when none is left. */
  const defined = <T extends object>(section: T): T | undefined => {
    const entries = Object.entries(section).filter(([, value]) => value !== undefined);
    return entries.length ? (Object.fromEntries(entries) as T) : undefined;
  };

  const change: SettingsChange = {};
  const provider = draft.provider === base.provider ? undefined : draft.provider;
  if (provider !== undefined) {
    changed.push('provider');
    change.provider = provider;
  }
  if (draft.culture !== base.culture) {
    changed.push('culture');
    change.culture = draft.culture;
  }

  for (const id of ['ollama', 'openai', 'gemini'] as const) {
    const next = draft[id];
    const before = base[id];
    const section = defined<NonNullable<SettingsChange[typeof id]>>({
      baseUrl: text(`${id}.baseUrl`, next.baseUrl, before.baseUrl),
      model: text(`${id}.model`, next.model, before.model),
      temperature: number(`${id}.temperature`, next.temperature, before.temperature),
      temperatureMode: choice(`${id}.temperatureMode`, next.temperatureMode, before.temperatureMode),
      stream: flag(`${id}.stream`, next.stream, before.stream),
      apiKey: key(`${id}.apiKey`, next.apiKey),
    });
    if (section) change[id] = section;
  }

  const qloo = defined<NonNullable<SettingsChange['qloo']>>({
    baseUrl: text('qloo.baseUrl', draft.qloo.baseUrl, base.qloo.baseUrl),
    take: number('qloo.take', draft.qloo.take, base.qloo.take),
    apiKey: key('qloo.apiKey', draft.qloo.apiKey),
  });
  if (qloo) change.qloo = qloo;

  const limits = defined<NonNullable<SettingsChange['limits']>>({
    maxConcurrency: number('limits.maxConcurrency', draft.limits.maxConcurrency, base.limits.maxConcurrency),
    maxCpuPercent: number('limits.maxCpuPercent', draft.limits.maxCpuPercent, base.limits.maxCpuPercent),
    maxMemoryPercent: number('limits.maxMemoryPercent', draft.limits.maxMemoryPercent, base.limits.maxMemoryPercent),
  });
  if (limits) change.limits = limits;

  const m = draft.monitor;
  const mb = base.monitor;
  const monitor = defined<NonNullable<SettingsChange['monitor']>>({
    retentionDays: number('monitor.retentionDays', m.retentionDays, mb.retentionDays),
    p95Ms: number('monitor.p95Ms', m.p95Ms, mb.p95Ms, seconds),
    cacheHitRate: number('monitor.cacheHitRate', m.cacheHitRate, mb.cacheHitRate, percent),
    validationSuccess: number('monitor.validationSuccess', m.validationSuccess, mb.validationSuccess, percent),
    cpuPercent: number('monitor.cpuPercent', m.cpuPercent, mb.cpuPercent),
    memoryBudgetMb: number('monitor.memoryBudgetMb', m.memoryBudgetMb, mb.memoryBudgetMb),
    raiseAfterS: numberOf('monitor.raiseAfterS', m.raiseAfterS, mb.raiseAfterS, {}, true),
    tuner: flag('monitor.tuner', m.tuner, mb.tuner),
  });
  if (monitor) change.monitor = monitor;

  const cache = defined<NonNullable<SettingsChange['cache']>>({
    l1MaxMb: number('cache.l1MaxMb', draft.cache.l1MaxMb, base.cache.l1MaxMb),
    ttlMinMinutes: number('cache.ttlMinMinutes', draft.cache.ttlMinMinutes, base.cache.ttlMinMinutes),
    ttlMaxDays: number('cache.ttlMaxDays', draft.cache.ttlMaxDays, base.cache.ttlMaxDays),
  });
  if (cache) change.cache = cache;

  return { change, changed, errors };
}
