/**
 * The dashboard's state: the live snapshot and a bounded buffer of live points, the history of
 * the chosen range, traces, alerts, the tuner and suggestions, and the errors of failed calls.
 * Components subscribe to the one slice they draw, so a live event re-renders only the figures
 * that follow it (the KPI tiles and, in Live mode, the live charts).
 */
import { create } from 'zustand';
import type { Alert, AuditEntry, HistoryPoint, LiveMetrics, PerformanceScore, Suggestion, Trace, TunerState } from '../../../shared/ipc/types';
import type { HistoryResolution } from '../../../shared/metrics';
import { api, messageOf, type ApiClient } from '../api/client';

/** The Dashboard heading's id: focus goes there when the control that had it goes away. */
export const DASHBOARD_TITLE_ID = 'dashboard-title';

export type HistoryRangeId = '1h' | '24h' | '7d';
export type RangeId = 'live' | HistoryRangeId;

export interface RangeOption {
  id: RangeId;
  label: string;
}

export const RANGES: readonly RangeOption[] = [
  { id: 'live', label: 'Live' },
  { id: '1h', label: '1 h' },
  { id: '24h', label: '24 h' },
  { id: '7d', label: '7 d' },
];

const HISTORY_QUERIES: Record<HistoryRangeId, { rangeMs: number; resolution: HistoryResolution }> = {
  '1h': { rangeMs: 3_600_000, resolution: '1m' },
  '24h': { rangeMs: 86_400_000, resolution: '5m' },
  '7d': { rangeMs: 7 * 86_400_000, resolution: '1h' },
};

/** How many live points the rolling buffer keeps (a minute at 4 events a second), and how far back. */
const LIVE_BUFFER_MAX = 240;
const LIVE_WINDOW_MS = 60_000;
const AUDIT_LIMIT = 100;

/** One point of any chart, live or history; rates are in percent, null when nothing was measured. */
export interface ChartPoint {
  at: number;
  p50: number | null;
  p95: number | null;
  hitRate: number | null;
  l1: number | null;
  l2: number | null;
  success: number | null;
  repair: number | null;
  fill: number | null;
  /** The whole machine's CPU. */
  cpu: number | null;
  /** Persona Studio's own CPU, in percent of the machine. */
  appCpu: number | null;
  memMb: number | null;
  limit: number | null;
  queued: number | null;
}

export type ChartKey = Exclude<keyof ChartPoint, 'at'>;

export interface HistoryData {
  range: HistoryRangeId;
  points: ChartPoint[];
  score: PerformanceScore;
}

export type ErrorKey = 'live' | 'history' | 'traces' | 'alerts' | 'tuner' | 'suggestions' | 'acknowledge' | 'tunerToggle';

/** What failed, as the start of a sentence ending in "failed". */
export const ERROR_LABELS: Record<ErrorKey, string> = {
  live: 'Loading the live figures',
  history: 'Loading the history',
  traces: 'Loading the traces',
  alerts: 'Loading the alerts',
  tuner: 'Loading the tuner state',
  suggestions: 'Loading the suggestions',
  acknowledge: 'Acknowledging an alert',
  tunerToggle: 'Switching the tuner on or off',
};

export interface DashboardError {
  message: string;
  retry: () => void;
}

interface DashboardState {
  range: RangeId;
  live: LiveMetrics | null;
  liveBuffer: ChartPoint[];
  history: HistoryData | null;
  traces: Trace[] | null;
  alerts: Alert[] | null;
  tuner: TunerState | null;
  audit: AuditEntry[] | null;
  suggestions: Suggestion[] | null;
  errors: Partial<Record<ErrorKey, DashboardError>>;

  setRange: (range: RangeId) => void;
  ingestLive: (metrics: LiveMetrics) => void;
  /** Empties the live buffer, so that the charts of a new visit do not join points from the last one. */
  resetLive: () => void;
  loadLive: () => Promise<void>;
  loadHistory: (range: HistoryRangeId) => Promise<void>;
  loadTraces: () => Promise<void>;
  loadAlerts: () => Promise<void>;
  loadTuner: () => Promise<void>;
  loadSuggestions: () => Promise<void>;
  acknowledge: (id: number) => Promise<void>;
  setTunerEnabled: (enabled: boolean) => Promise<void>;
  retryAll: () => void;
}

const percent = (rate: number | null): number | null => (rate === null ? null : rate * 100);

function pointFromLive(m: LiveMetrics): ChartPoint {
  return {
    at: m.at,
    p50: m.latency.p50Ms,
    p95: m.latency.p95Ms,
    hitRate: percent(m.cache.hitRate),
    l1: percent(m.cache.l1HitRate),
    l2: percent(m.cache.l2HitRate),
    success: percent(m.validation.successRate),
    repair: percent(m.validation.repairRate),
    fill: percent(m.validation.fillRate),
    cpu: m.resources.cpuPercent,
    appCpu: m.resources.appCpuPercent,
    memMb: m.resources.rssMb,
    limit: m.scheduler.limit,
    queued: m.scheduler.queued,
  };
}

function pointFromHistory(p: HistoryPoint): ChartPoint {
  return {
    at: p.at,
    p50: p.p50Ms,
    p95: p.p95Ms,
    hitRate: percent(p.cacheHitRate),
    l1: null,
    l2: null,
    success: percent(p.validationSuccessRate),
    repair: percent(p.repairRate),
    fill: percent(p.fillRate),
    cpu: p.cpuMean,
    appCpu: p.appCpuMean,
    memMb: p.rssMaxMb,
    limit: p.limitMean,
    queued: p.queuedMax,
  };
}

/** The buffer with the point at its end: at most LIVE_BUFFER_MAX points, none older than LIVE_WINDOW_MS before it. */
function appendBounded(buffer: ChartPoint[], point: ChartPoint): ChartPoint[] {
  const last = buffer[buffer.length - 1];
  const kept = last && last.at === point.at ? buffer.slice(0, -1) : buffer;
  let start = Math.max(0, kept.length - LIVE_BUFFER_MAX + 1);
  while (start < kept.length && kept[start]!.at < point.at - LIVE_WINDOW_MS) start++;
  const next = kept.slice(start);
  next.push(point);
  return next;
}

/** At most one call in flight; calls made meanwhile are folded into one more run. */
function coalesced(run: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null;
  let again = false;
  return () => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await run();
        } while (again);
      } finally {
        running = null;
      }
    })();
    return running;
  };
}

let historySeq = 0;

/** Whether the chosen history range is still being fetched (not when its fetch failed: the error says so). */
export const selectHistoryLoading = (s: DashboardState): boolean => s.range !== 'live' && s.history?.range !== s.range && !s.errors.history;

export const useDashboard = create<DashboardState>((set, get) => {
  const clearError = (key: ErrorKey): void => {
    if (!get().errors[key]) return;
    const errors = { ...get().errors };
    delete errors[key];
    set({ errors });
  };
  const setError = (key: ErrorKey, error: unknown, retry: () => void): void => {
    set({ errors: { ...get().errors, [key]: { message: messageOf(error), retry } } });
  };

  /** A refresh of one slice: one call at a time, its error kept under `key` with a retry. */
  const loader = <T>(key: ErrorKey, fetch: (client: ApiClient) => Promise<T>, apply: (data: T) => void): (() => Promise<void>) => {
    const load = coalesced(async () => {
      if (!api) return;
      try {
        apply(await fetch(api));
        clearError(key);
      } catch (error) {
        setError(key, error, () => void load());
      }
    });
    return load;
  };

  const loadTraces = loader('traces', (client) => client.call('monitor:traces', {}), ({ traces }) => set({ traces }));
  const loadAlerts = loader('alerts', (client) => client.call('alerts:list', {}), ({ alerts }) => set({ alerts }));
  const loadTuner = loader(
    'tuner',
    (client) => Promise.all([client.call('tuner:state', {}), client.call('tuner:audit', { limit: AUDIT_LIMIT })]),
    ([tuner, { entries }]) => set({ tuner, audit: entries }),
  );
  const loadSuggestions = loader('suggestions', (client) => client.call('monitor:suggestions', {}), ({ suggestions }) => set({ suggestions }));

  return {
    range: 'live',
    live: null,
    liveBuffer: [],
    history: null,
    traces: null,
    alerts: null,
    tuner: null,
    audit: null,
    suggestions: null,
    errors: {},

    setRange(range) {
      if (get().range === range) return;
      // A failed fetch of the range before is not this range's: its own fetch says how it went.
      clearError('history');
      set({ range });
    },

    ingestLive(metrics) {
      const previous = get().live;
      if (previous && metrics.at < previous.at) return;
      set({ live: metrics, liveBuffer: appendBounded(get().liveBuffer, pointFromLive(metrics)) });
      clearError('live');
      if (!previous) return;
      if (previous.activeAlerts !== metrics.activeAlerts) void loadAlerts();
      if ((previous.lastTrace?.at ?? null) !== (metrics.lastTrace?.at ?? null)) void loadTraces();
      if (previous.emergency !== metrics.emergency) void loadTuner();
    },

    resetLive: () => set({ liveBuffer: [] }),

    async loadLive() {
      if (!api) return;
      try {
        const metrics = await api.call('monitor:live', {});
        get().ingestLive(metrics);
      } catch (error) {
        setError('live', error, () => void get().loadLive());
      }
    },

    async loadHistory(range) {
      if (!api) return;
      const seq = ++historySeq;
      try {
        const response = await api.call('monitor:history', HISTORY_QUERIES[range]);
        if (seq !== historySeq) return;
        set({ history: { range, points: response.points.map(pointFromHistory), score: response.score } });
        clearError('history');
      } catch (error) {
        if (seq !== historySeq) return;
        setError('history', error, () => void get().loadHistory(range));
      }
    },

    loadTraces,
    loadAlerts,
    loadTuner,
    loadSuggestions,

    async acknowledge(id) {
      if (!api) return;
      const mark = (acknowledged: boolean): void => {
        const alerts = get().alerts;
        if (alerts) set({ alerts: alerts.map((alert) => (alert.id === id ? { ...alert, acknowledged } : alert)) });
      };
      mark(true);
      try {
        await api.call('alerts:acknowledge', { id });
        clearError('acknowledge');
      } catch (error) {
        mark(false);
        setError('acknowledge', error, () => void get().acknowledge(id));
      }
      void loadAlerts();
    },

    async setTunerEnabled(enabled) {
      if (!api) return;
      const before = get().tuner;
      if (before) set({ tuner: { ...before, enabled } });
      try {
        const tuner = await api.call('tuner:set-enabled', { enabled });
        set({ tuner });
        clearError('tunerToggle');
      } catch (error) {
        const current = get().tuner;
        if (current && before) set({ tuner: { ...current, enabled: before.enabled } });
        setError('tunerToggle', error, () => void get().setTunerEnabled(enabled));
      }
      void loadTuner();
    },

    retryAll() {
      const errors = Object.values(get().errors);
      set({ errors: {} });
      for (const error of errors) error.retry();
    },
  };
});
