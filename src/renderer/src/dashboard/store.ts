/**
 * The dashboard's state: the live snapshot and a bounded buffer of live points, the history of
 * the chosen range, traces, alerts, the tuner and suggestions, and the errors of failed calls.
 * Components subscribe to the one slice they draw, so a live event re-renders only the figures
 * that follow it (the KPI tiles and, in Live mode, the live charts).
 */
import { create } from 'zustand';
import type { Alert, AuditEntry, HistoryPoint, LiveMetrics, PerformanceScore, Suggestion, Trace, TunerState } from '../../../shared/ipc/types';
import type { HistoryResolution } from '../../../shared/metrics';
import { ApiError, api } from '../api/client';

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

/** How many live points the rolling buffer keeps (a minute at 4 events a second). */
export const LIVE_BUFFER_MAX = 240;
export const AUDIT_LIMIT = 100;

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
  cpu: number | null;
  memMb: number | null;
  limit: number | null;
  queued: number | null;
}

export type ChartKey = Exclude<keyof ChartPoint, 'at'>;

export interface HistoryData {
  range: HistoryRangeId;
  resolution: HistoryResolution;
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
  historyLoading: boolean;
  traces: Trace[] | null;
  alerts: Alert[] | null;
  tuner: TunerState | null;
  audit: AuditEntry[] | null;
  suggestions: Suggestion[] | null;
  errors: Partial<Record<ErrorKey, DashboardError>>;

  setRange: (range: RangeId) => void;
  ingestLive: (metrics: LiveMetrics) => void;
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

export function pointFromLive(m: LiveMetrics): ChartPoint {
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
    memMb: m.resources.rssMb,
    limit: m.scheduler.limit,
    queued: m.scheduler.queued,
  };
}

export function pointFromHistory(p: HistoryPoint): ChartPoint {
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
    memMb: p.rssMaxMb,
    limit: p.limitMean,
    queued: p.queuedMax,
  };
}

function appendBounded(buffer: ChartPoint[], point: ChartPoint): ChartPoint[] {
  const last = buffer[buffer.length - 1];
  if (last && last.at === point.at) return [...buffer.slice(0, -1), point];
  const start = Math.max(0, buffer.length - LIVE_BUFFER_MAX + 1);
  const next = buffer.slice(start);
  next.push(point);
  return next;
}

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
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

export const useDashboard = create<DashboardState>((set, get) => {
  const clearError = (key: ErrorKey): void => {
    if (!get().errors[key]) return;
    const errors = { ...get().errors };
    delete errors[key];
    set({ errors });
  };
  const setError = (key: ErrorKey, error: unknown, retry: () => void): void => {
    set({ errors: { ...get().errors, [key]: { message: errorMessage(error), retry } } });
  };

  const loadTraces = coalesced(async () => {
    if (!api) return;
    try {
      const { traces } = await api.call('monitor:traces', {});
      set({ traces });
      clearError('traces');
    } catch (error) {
      setError('traces', error, () => void get().loadTraces());
    }
  });

  const loadAlerts = coalesced(async () => {
    if (!api) return;
    try {
      const { alerts } = await api.call('alerts:list', {});
      set({ alerts });
      clearError('alerts');
    } catch (error) {
      setError('alerts', error, () => void get().loadAlerts());
    }
  });

  const loadTuner = coalesced(async () => {
    if (!api) return;
    try {
      const [tuner, { entries }] = await Promise.all([api.call('tuner:state', {}), api.call('tuner:audit', { limit: AUDIT_LIMIT })]);
      set({ tuner, audit: entries });
      clearError('tuner');
    } catch (error) {
      setError('tuner', error, () => void get().loadTuner());
    }
  });

  const loadSuggestions = coalesced(async () => {
    if (!api) return;
    try {
      const { suggestions } = await api.call('monitor:suggestions', {});
      set({ suggestions });
      clearError('suggestions');
    } catch (error) {
      setError('suggestions', error, () => void get().loadSuggestions());
    }
  });

  return {
    range: 'live',
    live: null,
    liveBuffer: [],
    history: null,
    historyLoading: false,
    traces: null,
    alerts: null,
    tuner: null,
    audit: null,
    suggestions: null,
    errors: {},

    setRange(range) {
      if (get().range === range) return;
      const history = get().history;
      set({ range, historyLoading: range !== 'live' && history?.range !== range });
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
      if (get().history?.range !== range) set({ historyLoading: true });
      const query = HISTORY_QUERIES[range];
      try {
        const response = await api.call('monitor:history', query);
        if (seq !== historySeq) return;
        set({
          history: { range, resolution: response.resolution, points: response.points.map(pointFromHistory), score: response.score },
          historyLoading: false,
        });
        clearError('history');
      } catch (error) {
        if (seq !== historySeq) return;
        set({ historyLoading: false });
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
