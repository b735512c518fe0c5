/**
 * The composition root: store, providers, culture source and pipeline, wired without Electron so
 * the desktop app, the browser mode, the CLI and the tests share one core.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ParsedBrief } from '../shared/brief';
import { APP_ROOT } from './app-root';
import { loadDataset, type TasteDataset } from './generation/dataset';
import { GenerationPipeline, type GenerationOptions, type GenerationResult } from './generation/pipeline';
import { BundledCultureSource } from './providers/culture/bundled-culture';
import { OFFLINE_PROVIDER_ID, OfflineEngine } from './providers/llm/offline/offline-engine';
import type { LlmProvider } from './providers/types';
import { AppStore } from './store/app-store';
import type { Clock } from './cache/clock';
import { TieredCache, type CacheAlert } from './cache/tiered-cache';
import { CachedCultureSource, DEFAULT_PRELOAD, type PreloadPolicy } from './providers/culture/cached-culture';
import { ValidationStats } from './validation/validation-stats';

export interface CoreOptions {
  /** Folder for app.db (and later cache.db); created if missing. */
  dataDir: string;
  /** Folder holding dataset/; defaults to the app's resources folder. */
  resourcesDir?: string;
  /** better-sqlite3 binary built for Electron's ABI, when running inside Electron. */
  sqliteNativeBinding?: string;
  /** The cache's clock (tests and trace replays move it by hand). */
  cacheClock?: Clock;
  /** Preloading of predicted cultural lookups; on by default. */
  preload?: PreloadPolicy;
}

export interface Core {
  readonly version: string;
  readonly dataDir: string;
  readonly store: AppStore;
  readonly providers: ReadonlyMap<string, LlmProvider>;
  readonly defaultProviderId: string;
  /** Validation metrics since start, for the dashboard. */
  readonly validationStats: ValidationStats;
  /** cache.db beside app.db: cultural lookups and seeded generations. */
  readonly cache: TieredCache;
  /** Alerts raised since start (the monitor takes these over). */
  readonly alerts: CacheAlert[];
  generate(brief: ParsedBrief, options?: GenerationOptions): Promise<GenerationResult>;
  close(): void;
}

export { APP_ROOT } from './app-root';

export function createCore(options: CoreOptions): Core {
  const dataDir = path.resolve(options.dataDir);
  const resourcesDir = options.resourcesDir ?? path.join(APP_ROOT, 'resources');
  const datasetDir = path.join(resourcesDir, 'dataset');
  const dataset = (): TasteDataset => loadDataset(datasetDir);

  const store = AppStore.open(dataDir, options.sqliteNativeBinding ? { nativeBinding: options.sqliteNativeBinding } : {});
  const offline = new OfflineEngine(dataset);
  const providers = new Map<string, LlmProvider>([[offline.id, offline]]);
  const version = readVersion();
  const validationStats = new ValidationStats();
  const alerts: CacheAlert[] = [];
  const cache = new TieredCache({
    file: path.join(dataDir, 'cache.db'),
    onAlert: (alert) => alerts.push(alert),
    ...(options.cacheClock ? { clock: options.cacheClock } : {}),
    ...(options.sqliteNativeBinding ? { nativeBinding: options.sqliteNativeBinding } : {}),
  });
  cache.startMaintenance();
  const pipeline = new GenerationPipeline({
    validationStats,
    store,
    providers,
    defaultProviderId: OFFLINE_PROVIDER_ID,
    culture: new CachedCultureSource(new BundledCultureSource(dataset), cache, options.preload ?? DEFAULT_PRELOAD),
    dataset,
    cache,
    version,
  });

  return {
    version,
    dataDir,
    store,
    providers,
    defaultProviderId: OFFLINE_PROVIDER_ID,
    validationStats,
    cache,
    alerts,
    generate: (brief, generationOptions) => pipeline.run(brief, generationOptions),
    close: () => {
      cache.close();
      store.close();
    },
  };
}

function readVersion(): string {
  try {
    return (JSON.parse(fs.readFileSync(path.join(APP_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}
