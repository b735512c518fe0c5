/** What createCore() takes and what it gives: the core's options and its surface, shared by the four hosts. */
import type { Monitor, MonitorDeps } from '../monitoring';
import type { BriefUnderstanding, ParsedBrief } from '../../shared/brief';
import type { SecretRegistry, SecretBox } from '../platform';
import type { GenerationOptions, GenerationResult } from '../generation';
import type { LlmProvider, PreloadPolicy } from '../providers';
import type { WorkshopStore, AppRecovery, Workshops } from '../workshops';
import type { BundleImportSummary } from '../../shared/bundle';
import type { Clock, TieredCache } from '../cache';
import type { TeamCacheTestResult } from '../../shared/ipc/channels-team';
import type { ValidationStats } from '../validation';
import type { ProbeResult } from '../../shared/performance';
import type { ResourceSource, Scheduler, SchedulerOptions } from '../scheduler';
import type { SettingsStore } from '../settings';
import type { PdfPrinter, ReportExporter, ExportedReport, PerformanceReportFormat } from '../reports';
import type { Asking } from '../asking';
import type { Importing } from '../importing';
import type { Summaries } from '../summarizing';

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
  /** Scheduler policies (tests shorten timeouts and breaker pauses). */
  scheduler?: Omit<SchedulerOptions, 'resources' | 'secretRegistry'>;
  /** CPU and memory sampling; null runs the scheduler on latency alone. Default: a sampler worker. */
  resources?: ResourceSource | null;
  /** Where API keys are read from when settings have none; default process.env. */
  env?: NodeJS.ProcessEnv;
  /** The OS keychain (Electron's safeStorage); without one, API keys are sealed with secret.key in the data folder. */
  secrets?: SecretBox;
  /** The 32-byte local data key, instead of data.key sealed by `secrets` (tests). */
  dataKey?: Uint8Array;
  /** Where this core's API keys are kept for hiding; by default a new one. A host passes the one its crash report already uses. */
  secretRegistry?: SecretRegistry;
  /** How long after start the daily backup check waits; default 15 s, after start-up. */
  backupDelayMs?: number;
  /** Restarts the app after a recovery choice; without it the user is asked to restart. */
  onRestartNeeded?: () => void;
  /** Prints reports to PDF; default Chromium headless through playwright-core, launched on first use. */
  pdfPrinter?: PdfPrinter;
  /** The monitor's clock, timers and own-CPU meter (tests drive them by hand). */
  monitor?: Pick<MonitorDeps, 'now' | 'autoStart' | 'appCpu' | 'tuner'>;
}

export interface Core {
  readonly version: string;
  readonly dataDir: string;
  readonly store: WorkshopStore;
  /** Runs and personas as the user handles them: the rules every transport goes through. */
  readonly workshops: Workshops;
  readonly providers: ReadonlyMap<string, LlmProvider>;
  /** Provider choices, endpoints, keys and resource caps, kept in app.db. */
  readonly settings: SettingsStore;
  /** The API keys this core holds, for whatever lets its text out (the dispatcher, logs). */
  readonly secretRegistry: SecretRegistry;
  /** Every outbound call goes through it. */
  readonly scheduler: Scheduler;
  /** Validation metrics since start, for the dashboard. */
  readonly validationStats: ValidationStats;
  /** cache.db beside app.db: cultural lookups and seeded generations. */
  readonly cache: TieredCache;
  /** Metrics, alerts, the auto-tuner and the emergency response. */
  readonly monitor: Monitor;
  /** PDF, JSON, CSV and Markdown exports of runs. */
  readonly reports: ReportExporter;
  /** Interviews, focus groups and concept tests of a run's personas. */
  readonly asking: Asking;
  /** The executive summary of a run's persona set (segments, themes, differences, implications, prose), kept in app.db per set. */
  readonly summaries: Pick<Summaries, 'ofRun'>;
  /** app.db's daily backups and, when it would not open, the way back. */
  readonly recovery: AppRecovery;
  /** Personas written elsewhere: previewed with what was read, repaired and filled, saved as a run marked imported. */
  readonly importing: Importing;
  /** A workshop as one file (gzipped JSON) and back: import is one transaction, never a duplicate. */
  readonly bundles: { export(workshopId: string): Buffer; import(bytes: Uint8Array, options?: { remap?: boolean }): BundleImportSummary };
  /** Called after a recovery choice; 'manual' when the user has to restart the app. */
  requestRestart(): 'automatic' | 'manual';
  generate(brief: ParsedBrief, options?: GenerationOptions): Promise<GenerationResult>;
  /** What the app reads in a brief (place, origin, audience, ages, product), before or after generating. */
  understand(brief: ParsedBrief): BriefUnderstanding;
  /** Whether a provider answers, and its models. */
  probe(providerId: string, signal?: AbortSignal): Promise<ProbeResult>;
  /** Whether the team cache (settings', or an unsaved URL with settings' credentials) answers. */
  testTeamCache(url?: string): Promise<TeamCacheTestResult>;
  /** The performance report over the last `rangeMs`: score, engines, cache, validation, resources, alerts, optimizations. */
  performanceReport(rangeMs: number, format: PerformanceReportFormat, signal?: AbortSignal): Promise<ExportedReport>;
  close(): void;
}
