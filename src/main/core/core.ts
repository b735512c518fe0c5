/**
 * The composition root: store, providers, culture source and pipeline, wired without Electron so
 * the desktop app, the browser mode, the CLI and the tests share one core.
 */
import { MonitorStore, createControls, Monitor } from '../monitoring';
import fs from 'node:fs';
import path from 'node:path';
import { APP_ROOT, keychainWithKeyFile, keyFileSecretBox, SecretRegistry } from '../platform';
import { loadDataset, type TasteDataset, analyzeBrief, understandingOf } from '../world';
import { BatchSizeControl, GenerationPipeline, GenerationTimings } from '../generation';
import { BundledCultureSource, OFFLINE_PROVIDER_ID, OfflineEngine, type LlmProvider, CachedCultureSource, Preloading, preloadPolicyOf, GeminiProvider, OllamaProvider, OpenAiCompatibleProvider, type RemoteLlmProvider, QlooCultureSource, type CultureSource } from '../providers';
import { AppRecovery, exportBundle, importBundle, openWorkshopStoreOrRecover, readBundle, Workshops } from '../workshops';
import { TieredCache, type CacheAlert, teamTierFor, testTeamCache } from '../cache';
import { ValidationStats } from '../validation';
import { endpointTargets, SystemResourceSampler, Scheduler } from '../scheduler';
import { SettingsStore } from '../settings';
import type { AppSettings } from '../../shared/settings';
import { ChromiumPdfPrinter, type PdfPrinter, ReportExporter, renderPerformanceReport } from '../reports';
import { Asking } from '../asking';
import { Importing } from '../importing';
import { Summaries } from '../summarizing';
import { gatherPerformanceReportData } from './performance-report-data';
import { localDataSeal } from './local-data-seal';

export type { Core, CoreOptions } from './core-shape';
import type { Core, CoreOptions } from './core-shape';

export { APP_ROOT } from '../platform';

export function createCore(options: CoreOptions): Core {
  const dataDir = path.resolve(options.dataDir);
  const secretRegistry = options.secretRegistry ?? new SecretRegistry();
  const resourcesDir = options.resourcesDir ?? path.join(APP_ROOT, 'resources');
  const datasetDir = path.join(resourcesDir, 'dataset');
  const dataset = (): TasteDataset => loadDataset(datasetDir);

  const sqlite = options.sqliteNativeBinding ? { nativeBinding: options.sqliteNativeBinding } : {};
  const keyFile = keyFileSecretBox(dataDir);
  const secretBox = options.secrets ? keychainWithKeyFile(options.secrets, keyFile) : keyFile;
  // Before anything opens: the folder and files made private, cache.db and backups sealed with data.key.
  const localData = localDataSeal(dataDir, secretBox, options.dataKey);
  // A damaged app.db is left as it is: the app runs on an in-memory store and offers a backup.
  const { store, damaged } = openWorkshopStoreOrRecover(dataDir, sqlite);
  const recovery = new AppRecovery(dataDir, damaged, sqlite, localData.seal);
  let closing = false;
  const backupIfDue = () => {
    if (localData.durable) recovery.backupIfDue(store).catch((error: unknown) => {
      // Closing the store ends a backup in progress; the next start takes it again.
      if (!closing) console.warn(`[backup] app.db could not be copied to ${recovery.folder}: ${secretRegistry.describeForLog(error)}`);
    });
  };
  // After start-up, then every few hours: an app left open for days still gets its daily copy.
  const backupTimers = [setTimeout(backupIfDue, options.backupDelayMs ?? BACKUP_DELAY_MS).unref(), setInterval(backupIfDue, BACKUP_CHECK_EVERY_MS).unref()];
  let restartTimer: NodeJS.Timeout | undefined;
  const settings = new SettingsStore(store, secretBox, options.env ?? process.env, secretRegistry);
  const offline = new OfflineEngine(dataset);
  const remote: RemoteLlmProvider[] = [
    new OllamaProvider(() => settings.get().ollama, secretRegistry),
    new OpenAiCompatibleProvider(() => settings.get().openai, secretRegistry),
    new GeminiProvider(() => settings.get().gemini, secretRegistry),
  ];
  const providers = new Map<string, LlmProvider>([[offline.id, offline], ...remote.map((p) => [p.id, p] as const)]);
  const version = readVersion();
  const validationStats = new ValidationStats();
  // The cache opens (and may recover its file) before the monitor exists: its alerts wait for it.
  const cacheAlerts: CacheAlert[] = [];
  let raiseCacheAlert = (alert: CacheAlert): void => void cacheAlerts.push(alert);
  const cacheSettings = settings.get().cache;
  const cache = new TieredCache({
    file: path.join(dataDir, 'cache.db'),
    l1MaxBytes: cacheSettings.l1MaxMb * MB,
    l1CeilingBytes: Math.max(cacheSettings.l1MaxMb, 1024) * MB,
    l2MaxBytes: cacheSettings.l2MaxMb * MB,
    ttlBounds: ttlBoundsOf(cacheSettings),
    onAlert: (alert) => raiseCacheAlert(alert),
    seal: localData.seal,
    ...(options.cacheClock ? { clock: options.cacheClock } : {}),
    ...(options.sqliteNativeBinding ? { nativeBinding: options.sqliteNativeBinding } : {}),
  });
  cache.startMaintenance();
  // L3: the team cache on Redis, when settings (or PERSONA_STUDIO_TEAM_CACHE/_KEY) give a URL and a team key.
  cache.teamTier = teamTierFor(settings.get().teamCache);
  const limits = settings.get().limits;
  const resources = options.resources === undefined ? new SystemResourceSampler() : options.resources;
  const scheduler = new Scheduler({
    // Each LLM engine's servers (its baseUrl, then settings' extra servers), read per call so a settings change applies at once.
    endpoints: (provider) => (remote.some((p) => p.id === provider) ? endpointTargets(settings.get()[provider as 'ollama' | 'openai' | 'gemini']) : []),
    ...options.scheduler,
    limits: { max: limits.maxConcurrency, ...options.scheduler?.limits },
    caps: { maxCpuPercent: limits.maxCpuPercent, maxMemoryPercent: limits.maxMemoryPercent, ...options.scheduler?.caps },
    resources,
    secretRegistry,
  });
  const bundled = new BundledCultureSource(dataset);
  // This core's own switch: the emergency response pauses its preloading, not every core's.
  const preloading = new Preloading(options.preload ?? preloadPolicyOf(cacheSettings));
  // The auto-tuner sets it through createControls; the pipeline reads it at each run.
  const batchSize = new BatchSizeControl();
  const monitor = new Monitor({
    store: new MonitorStore(store.database),
    scheduler,
    cache,
    validationStats,
    settings: () => settings.get().monitor,
    controls: createControls({ cache, scheduler, preloading, batchSize, settings: () => settings.get(), remoteProviders: new Set(remote.map((p) => p.id)) }),
    engines: () => [offline, ...remote].map((p) => ({ id: p.id, label: p.label, kind: p.kind, model: p.kind === 'embedded' ? null : settings.get()[p.id as 'ollama' | 'openai' | 'gemini'].model })),
    ...options.monitor,
  });
  raiseCacheAlert = (alert) => monitor.raiseEvent(alert.kind, alert.message);
  // A saved change applies at once, but only what changed: saving an alert threshold must not undo
  // what the tuner or the emergency response set for the cache or the concurrency ceiling.
  settings.onChange((next, previous) => {
    if (next.cache.l1MaxMb !== previous.cache.l1MaxMb) cache.setL1Budget(next.cache.l1MaxMb * MB);
    if (next.cache.l2MaxMb !== previous.cache.l2MaxMb) cache.setL2Budget(next.cache.l2MaxMb * MB);
    if (next.cache.preload !== previous.cache.preload || next.cache.preloadPerLookup !== previous.cache.preloadPerLookup) preloading.configure(preloadPolicyOf(next.cache));
    if (next.cache.ttlMinMinutes !== previous.cache.ttlMinMinutes || next.cache.ttlMaxDays !== previous.cache.ttlMaxDays) cache.setTtlBounds(ttlBoundsOf(next.cache));
    if (JSON.stringify(next.teamCache) !== JSON.stringify(previous.teamCache)) {
      void cache.teamTier?.close();
      cache.teamTier = teamTierFor(next.teamCache);
    }
    if (next.limits.maxConcurrency !== previous.limits.maxConcurrency) scheduler.limit.setMax(next.limits.maxConcurrency, 'settings: new cap', performance.now());
    if (JSON.stringify(next.monitor) !== JSON.stringify(previous.monitor)) monitor.applySettings(next.monitor);
    // Every change to a performance setting goes to the audit, by the user, with before and after.
    monitor.steering.settingsChanged(next, previous);
  });
  for (const alert of cacheAlerts.splice(0)) raiseCacheAlert(alert);
  const cultureSources: Record<'bundled' | 'qloo', CultureSource> = {
    bundled: new CachedCultureSource(bundled, cache, preloading),
    qloo: new CachedCultureSource(new QlooCultureSource(() => settings.get().qloo, scheduler, bundled, secretRegistry), cache, preloading),
  };
  const currentCulture = () => cultureSources[settings.get().culture];
  // The cultural source follows settings from one run to the next.
  const culture: CultureSource = {
    get id() {
      return currentCulture().id;
    },
    constraintsFor: (analysis, signal) => currentCulture().constraintsFor(analysis, signal),
    cacheParams: (analysis) => currentCulture().cacheParams?.(analysis),
  };
  const pipeline = new GenerationPipeline({
    validationStats,
    store,
    providers,
    defaultProviderId: () => settings.get().provider,
    culture,
    dataset,
    cache,
    version,
    scheduler,
    offline,
    traces: monitor,
    batchSize,
    timings: new GenerationTimings(store),
  });

  const generate: Core['generate'] = (brief, generationOptions) => pipeline.run(brief, generationOptions);
  // Deleting a run purges the cached generation that holds its personas; the backups are counted and, when asked, deleted.
  const workshops = new Workshops(store, generate, { purgeCached: (keys) => void cache.purge(keys), recovery });
  const asking = new Asking({ store, providers: new Map(remote.map((p) => [p.id, p])), defaultProviderId: () => settings.get().provider, scheduler, cache, timings: monitor, version });
  // The run's own LLM writes its summary's prose; the offer is named as the brief analysis reads it.
  const summaries = new Summaries({ store, providers: new Map(remote.map((p) => [p.id, p])), scheduler, offerOf: (brief) => understandingOf(analyzeBrief({ ...brief, location: brief.location, segment: brief.segment, seed: brief.seed ?? 0, language: brief.language ?? 'en' }, dataset()), brief.level).product });
  // One printer (one browser) for the run reports and the performance report.
  let printer: PdfPrinter | undefined;
  const sharedPrinter = () => (printer ??= options.pdfPrinter ?? new ChromiumPdfPrinter());
  // The PDF's defaults from settings, the run's summary, the workshop's cover logo (its accent comes with the workshop).
  const reports = new ReportExporter(store, sharedPrinter, asking, {
    settings: () => settings.get().report,
    summary: (runId, signal) => summaries.ofRun(runId, signal),
    branding: (workshopId) => ({ logo: workshops.logo(workshopId) }),
  });

  return {
    version,
    dataDir,
    store,
    workshops,
    providers,
    settings,
    secretRegistry,
    scheduler,
    validationStats,
    cache,
    monitor,
    reports,
    asking,
    summaries,
    recovery,
    importing: new Importing(store, dataset),
    bundles: {
      export: (workshopId) => exportBundle(store.database, workshopId, version),
      import: (bytes, importOptions) => importBundle(store.database, readBundle(bytes), importOptions),
    },
    requestRestart: () => {
      if (!options.onRestartNeeded) return 'manual';
      // After the reply has gone out: the caller hears what happened before the app goes away.
      restartTimer = setTimeout(options.onRestartNeeded, RESTART_AFTER_REPLY_MS).unref();
      return 'automatic';
    },
    generate,
    performanceReport: async (rangeMs, format, signal) =>
      renderPerformanceReport(gatherPerformanceReportData({ version, dataDir, monitor, cache, validationStats, scheduler }, rangeMs), format, sharedPrinter, signal),
    understand: (brief) => understandingOf(analyzeBrief({ ...brief, seed: brief.seed ?? 0, language: brief.language ?? 'en' }, dataset()), brief.level),
    probe: async (providerId, signal) => {
      if (providerId === OFFLINE_PROVIDER_ID) return { reachable: true, models: [], message: 'The built-in engine is always available.' };
      const provider = remote.find((p) => p.id === providerId);
      if (!provider) return { reachable: false, models: [], message: `No provider is called ${providerId}; choose one of ${[...providers.keys()].join(', ')}.` };
      return scheduler.call({ provider: providerId, kind: 'probe', priority: 'medium', ...(signal ? { signal } : {}), run: (attemptSignal, _attempt, baseUrl) => provider.probe(attemptSignal, baseUrl) });
    },
    testTeamCache: (url) => testTeamCache(settings.get().teamCache, url),
    close: () => {
      // A host may close twice (a restart, then quitting): the databases are closed once.
      if (closing) return;
      closing = true;
      for (const timer of backupTimers) clearTimeout(timer);
      clearTimeout(restartTimer);
      // The printer's browser is a child process: closing it need not hold up the databases. A browser or a Redis
      // connection that fails to close goes with the process; it must not surface as an unhandled rejection.
      reports.close().catch(() => {});
      // The performance report may have started the shared printer without the run exports.
      printer?.close().catch(() => {});
      // First, while app.db and the cache are open: it writes its minute and cancels its work still under way.
      monitor.close();
      scheduler.close();
      resources?.close();
      cache.teamTier?.close().catch(() => {});
      cache.close();
      store.close();
    },
  };
}

const MB = 1_048_576;
/** The daily backup waits until start-up is over. */
const BACKUP_DELAY_MS = 15_000;
const BACKUP_CHECK_EVERY_MS = 6 * 3_600_000;
const RESTART_AFTER_REPLY_MS = 200;

function ttlBoundsOf(cache: AppSettings['cache']) {
  return { minMs: cache.ttlMinMinutes * 60_000, maxMs: cache.ttlMaxDays * 86_400_000 };
}

function readVersion(): string {
  try {
    return (JSON.parse(fs.readFileSync(path.join(APP_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}
