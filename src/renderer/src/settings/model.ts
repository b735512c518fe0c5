/**
 * The settings form's model: the loaded view turned into a draft the inputs edit (numbers as text,
 * in the units the screen shows), and the draft turned back into a SettingsChange holding only the
 * fields the user changed. Ranges come from the one settings schema (src/shared/settings.ts), shown
 * in screen units: percentages on screen are 0-1 rates in settings; p95 is seconds on screen and
 * milliseconds in settings; an empty "Alert after" is null (each rule's own delay).
 */
import type { SettingsChange, SettingsView } from '../../../shared/settings';
import { MAX_EXTRA_SERVERS } from '../../../shared/settings-ranges';
import { numberRule, onScreen, show } from './number-rules';
import { labelOf, serverPath, type EndpointDraft, type EndpointId, type FieldErrors, type FieldPath, type ServerDraft, type SettingsDraft } from './setting-paths';

let serverKeys = 0;
/** A new extra server's row: empty address, weight 1 (the base URL's). */
export function newServer(baseUrl = '', weight = '1'): ServerDraft {
  serverKeys += 1;
  return { key: `server-${serverKeys}`, baseUrl, weight };
}

/** An engine's address as the settings schema takes it: an http:// or https:// URL. */
export function isHttpUrl(text: string): boolean {
  const trimmed = text.trim();
  return /^https?:\/\//.test(trimmed) && URL.canParse(trimmed);
}

/** The team cache's address as the settings schema takes it: empty (off), or a redis:// or rediss:// URL. */
export function isTeamCacheUrl(text: string): boolean {
  const trimmed = text.trim();
  return trimmed === '' || (/^rediss?:\/\/[^\s]+$/.test(trimmed) && URL.canParse(trimmed));
}

export function toDraft(view: SettingsView): SettingsDraft {
  const endpoint = (e: SettingsView['ollama']): EndpointDraft => ({
    baseUrl: e.baseUrl,
    model: e.model,
    temperature: show(e.temperature),
    temperatureMode: e.temperatureMode,
    stream: e.stream,
    apiKey: '',
    servers: e.servers.map((server) => newServer(server.baseUrl, show(server.weight))),
  });
  const { monitor, limits, cache, qloo, teamCache, report } = view;
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
      p95Ms: onScreen('monitor.p95Ms', monitor.p95Ms),
      cacheHitRate: onScreen('monitor.cacheHitRate', monitor.cacheHitRate),
      validationSuccess: onScreen('monitor.validationSuccess', monitor.validationSuccess),
      cpuPercent: show(monitor.cpuPercent),
      memoryBudgetMb: show(monitor.memoryBudgetMb),
      raiseAfterS: monitor.raiseAfterS === null ? '' : show(monitor.raiseAfterS),
      tuner: monitor.tuner,
    },
    cache: {
      l1MaxMb: show(cache.l1MaxMb),
      ttlMinMinutes: show(cache.ttlMinMinutes),
      ttlMaxDays: show(cache.ttlMaxDays),
      l2MaxMb: show(cache.l2MaxMb),
      preload: cache.preload,
      preloadPerLookup: show(cache.preloadPerLookup),
    },
    teamCache: {
      url: teamCache.url,
      tls: teamCache.tls,
      mode: teamCache.mode,
      username: teamCache.username ?? '',
      sentinelName: teamCache.sentinelName ?? '',
      password: '',
      teamKey: '',
    },
    report: { template: report.template, paper: report.paper },
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

function parse(text: string): number | null {
  const trimmed = text.trim();
  return trimmed === '' ? null : Number(trimmed);
}

/** The draft against the loaded view's draft: what to send, or why it cannot be sent. */
export function diffDraft(draft: SettingsDraft, base: SettingsDraft): DraftDiff {
  const changed: FieldPath[] = [];
  const errors: FieldErrors = {};

  /** The new value of a number field, or undefined when unchanged or wrong (then an error is noted). */
  const numberOf = (path: FieldPath, next: string, before: string, nullable = false): number | null | undefined => {
    const rule = numberRule(path);
    const value = parse(next);
    const label = labelOf(path);
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
    if ((rule.min !== null && value < rule.min) || (rule.max !== null && value > rule.max)) {
      errors[path] = `${label} must be between ${rule.min ?? '…'} and ${rule.max ?? '…'}${rule.unit ? ` ${rule.unit}` : ''}.`;
      return undefined;
    }
    if (rule.whole && !Number.isInteger(value)) {
      errors[path] = `${label} must be a whole number.`;
      return undefined;
    }
    if (value === parse(before)) return undefined;
    changed.push(path);
    return rule.toSetting(value);
  };
  const number = (path: FieldPath, next: string, before: string): number | undefined => {
    const value = numberOf(path, next, before);
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
  /** A plain text setting where empty means none (null). */
  const optionalText = (path: FieldPath, next: string, before: string): string | null | undefined => {
    const trimmed = next.trim();
    if (trimmed === before.trim()) return undefined;
    changed.push(path);
    return trimmed === '' ? null : trimmed;
  };
  /**
   * An engine's extra servers: the whole list when any address or weight changed (or a row was
   * added or removed), each row checked as the schema checks it; undefined when unchanged or wrong.
   */
  const servers = (id: EndpointId, next: ServerDraft[], before: ServerDraft[]): Array<{ baseUrl: string; weight: number }> | undefined => {
    const same = next.length === before.length && next.every((server, i) => server.baseUrl.trim() === before[i]!.baseUrl.trim() && Number(server.weight) === Number(before[i]!.weight));
    if (same) return undefined;
    let wrong = false;
    const seen = new Set<string>();
    const list = next.map((server, i) => {
      const addressPath = serverPath(id, i, 'baseUrl');
      const address = server.baseUrl.trim();
      if (address === '') {
        errors[addressPath] = `${labelOf(addressPath)} needs a value (or remove the server).`;
        wrong = true;
      } else if (!isHttpUrl(address)) {
        errors[addressPath] = `${labelOf(addressPath)} must be a URL starting with http:// or https://, such as http://10.0.0.2:11434.`;
        wrong = true;
      } else if (seen.has(address)) {
        errors[addressPath] = `${labelOf(addressPath)} is already in the list: remove the duplicate.`;
        wrong = true;
      }
      seen.add(address);
      const weightPath = serverPath(id, i, 'weight');
      const { min, max } = numberRule(weightPath);
      const weight = parse(server.weight);
      if (weight === null || !Number.isFinite(weight) || (min !== null && weight < min) || (max !== null && weight > max)) {
        errors[weightPath] = weight === null ? `${labelOf(weightPath)} needs a value.` : `${labelOf(weightPath)} must be between ${min} and ${max}.`;
        wrong = true;
      }
      return { baseUrl: address, weight: weight ?? 1 };
    });
    if (next.length > MAX_EXTRA_SERVERS) {
      errors[`${id}.servers`] = `At most ${MAX_EXTRA_SERVERS} extra servers per engine.`;
      wrong = true;
    }
    if (wrong) return undefined;
    changed.push(`${id}.servers`);
    return list;
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
      servers: servers(id, next.servers, before.servers),
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
    p95Ms: number('monitor.p95Ms', m.p95Ms, mb.p95Ms),
    cacheHitRate: number('monitor.cacheHitRate', m.cacheHitRate, mb.cacheHitRate),
    validationSuccess: number('monitor.validationSuccess', m.validationSuccess, mb.validationSuccess),
    cpuPercent: number('monitor.cpuPercent', m.cpuPercent, mb.cpuPercent),
    memoryBudgetMb: number('monitor.memoryBudgetMb', m.memoryBudgetMb, mb.memoryBudgetMb),
    raiseAfterS: numberOf('monitor.raiseAfterS', m.raiseAfterS, mb.raiseAfterS, true),
    tuner: flag('monitor.tuner', m.tuner, mb.tuner),
  });
  if (monitor) change.monitor = monitor;

  const cache = defined<NonNullable<SettingsChange['cache']>>({
    l1MaxMb: number('cache.l1MaxMb', draft.cache.l1MaxMb, base.cache.l1MaxMb),
    ttlMinMinutes: number('cache.ttlMinMinutes', draft.cache.ttlMinMinutes, base.cache.ttlMinMinutes),
    ttlMaxDays: number('cache.ttlMaxDays', draft.cache.ttlMaxDays, base.cache.ttlMaxDays),
    l2MaxMb: number('cache.l2MaxMb', draft.cache.l2MaxMb, base.cache.l2MaxMb),
    preload: flag('cache.preload', draft.cache.preload, base.cache.preload),
    preloadPerLookup: number('cache.preloadPerLookup', draft.cache.preloadPerLookup, base.cache.preloadPerLookup),
  });
  if (cache) change.cache = cache;

  const t = draft.teamCache;
  const tb = base.teamCache;
  let teamUrl: string | undefined;
  if (!isTeamCacheUrl(t.url)) errors['teamCache.url'] = `${labelOf('teamCache.url')} must be empty (no team cache) or a URL such as redis://cache.example:6379 or rediss://…`;
  else teamUrl = text('teamCache.url', t.url.trim(), tb.url.trim());
  const teamCache = defined<NonNullable<SettingsChange['teamCache']>>({
    url: teamUrl,
    tls: flag('teamCache.tls', t.tls, tb.tls),
    mode: choice('teamCache.mode', t.mode, tb.mode),
    username: optionalText('teamCache.username', t.username, tb.username),
    sentinelName: optionalText('teamCache.sentinelName', t.sentinelName, tb.sentinelName),
    password: key('teamCache.password', t.password),
    teamKey: key('teamCache.teamKey', t.teamKey),
  });
  if (teamCache) change.teamCache = teamCache;

  const report = defined<NonNullable<SettingsChange['report']>>({
    template: choice('report.template', draft.report.template, base.report.template),
    paper: choice('report.paper', draft.report.paper, base.report.paper),
  });
  if (report) change.report = report;

  return { change, changed, errors };
}
