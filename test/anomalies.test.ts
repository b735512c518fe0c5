import { describe, expect, it } from 'vitest';
import { replay, score, syntheticHistory, type History } from '../bench/insight-anomaly';
import { createCore } from '../src/main/core/core';
import { createDispatcher, createHandlers } from '../src/main/ipc';
import { AlertEngine } from '../src/main/monitoring/alerts';
import { AnomalyDetector } from '../src/main/monitoring/anomaly-detector';
import { BUCKET_MS, type Bucket } from '../src/main/monitoring/anomaly-series';
import { AnomalyWatch } from '../src/main/monitoring/anomaly-watch';
import { MonitorStore } from '../src/main/monitoring/monitor-store';
import { MINUTE, MinuteAccumulator, type MinuteRollup } from '../src/main/monitoring/rollups';
import { WorkshopStore } from '../src/main/workshops/workshop-store';
import type { Anomaly } from '../src/shared/insight';
import type { Alert } from '../src/shared/ipc/types';
import { tempDir } from './helpers';

const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const RULE_OF = { latency: 'latency_anomaly', error_rate: 'error_rate_anomaly', cache_hit_rate: 'cache_hit_anomaly' } as const;

describe('anomaly detector', () => {
  it('flags the anomalies injected in replayed weeks, with few false alarms', () => {
    let [found, injected, falseAlarms, days] = [0, 0, 0, 0];
    for (const seed of [1, 2, 3, 4, 5]) {
      const history = syntheticHistory(seed);
      const anomalies = replay(history);
      const result = score(history, anomalies);
      found += result.recall * history.injected.length;
      injected += history.injected.length;
      falseAlarms += result.falseAlarms;
      days += history.days;
      // Each week: most anomalies found, at most a false alarm a day.
      expect(result.recall).toBeGreaterThanOrEqual(0.8);
      expect(result.falseAlarms / history.days).toBeLessThanOrEqual(1);
      expect(anomalies.every((a) => /vs usual .* \(band .*-.*\) (at this hour over \d+ days|over the last \d+ hours?)$/.test(a.evidence))).toBe(true);
    }
    expect(Math.round(found) / injected).toBeGreaterThanOrEqual(0.9);
    expect(falseAlarms / days).toBeLessThanOrEqual(1);
  });

  it('judges by the hour of day once 3 earlier days have data at that hour', () => {
    // An engine always slow after lunch (14:00, 6 s) and quick otherwise (2 s), with a little noise.
    const start = new Date(2026, 10, 2).getTime();
    const detector = new AnomalyDetector();
    const found: Anomaly[] = [];
    for (let at = start; at < start + 6 * DAY; at += BUCKET_MS) {
      const hour = new Date(at).getHours();
      if (hour < 8 || hour > 18) continue;
      const usual = hour === 14 ? 6000 : 2000;
      // Day 5 at 11:00: as slow as after lunch, which is not usual at 11:00.
      const day = Math.floor((at - start) / DAY);
      const value = (day === 5 && hour === 11 ? 6000 : usual) * (1 + 0.05 * Math.sin(at / BUCKET_MS));
      const bucket: Bucket = { at, samples: [{ subject: 'latency', provider: 'ollama', value, n: 30 }] };
      found.push(...detector.observe(bucket).anomalies.map((a, i) => ({ ...a, id: i })));
    }
    const dayOf = (a: Anomaly) => Math.floor((a.at - start) / DAY);
    // Before 3 days of history, 14:00 is judged against the last hours and stands out.
    expect(found.some((a) => dayOf(a) < 3 && new Date(a.at).getHours() === 14 && a.hourOfDay === null)).toBe(true);
    // After, 14:00's slowness is its usual; 11:00 at the same speed is flagged against 11:00's own baseline.
    expect(found.filter((a) => dayOf(a) >= 4 && new Date(a.at).getHours() === 14)).toEqual([]);
    const late = found.filter((a) => dayOf(a) === 5);
    expect(late.length).toBeGreaterThan(0);
    expect(late.every((a) => a.hourOfDay === 11 && / at this hour over [45] days$/.test(a.evidence))).toBe(true);
    expect(late[0]!.evidence).toMatch(/^Median latency of ollama [56]\.\d s at 11:00 \(30 calls\) vs usual 2\.0 s/);
  });

  it('raises one alert per anomaly episode and resolves it once values are back in the band', async () => {
    const history = syntheticHistory(2);
    const app = WorkshopStore.open(tempDir());
    try {
      const store = new MonitorStore(app.database);
      let now = history.start;
      const watch = new AnomalyWatch(store.anomalies, rollupsIn(history), () => now);
      const alerts = new AlertEngine(watch.rules(), store, async () => 'nothing to do');
      watch.update();
      await watch.whenLearned();
      // The monitor's cadence: each new minute the watch looks, each second the alerts are evaluated (here once a minute).
      for (; now <= history.start + history.days * DAY; now += MINUTE) {
        watch.update();
        alerts.evaluate(now, watch.alertValues());
      }
      const raised = store.alerts(0, 1000);
      const found = store.anomalies.since(0, 10_000);
      const inEpisode = (i: History['injected'][number]) => found.filter((a) => a.subject === i.subject && a.provider === i.provider && a.at + BUCKET_MS > i.from && a.at <= i.to);
      const detected = history.injected.filter((i) => inEpisode(i).length > 0);
      expect(detected.length).toBeGreaterThanOrEqual(9);
      for (const episode of detected) {
        const lastBad = Math.max(...inEpisode(episode).map((a) => a.at + BUCKET_MS));
        const during = raised.filter((a) => a.rule === RULE_OF[episode.subject] && a.raisedAt > episode.from && a.raisedAt <= episode.to + BUCKET_MS);
        expect(during, `one alert for ${episode.subject} at ${new Date(episode.from).toISOString()}`).toHaveLength(1);
        expect(during[0]!.status).toBe('resolved');
        // Resolved only after 15 minutes back within the band.
        expect(during[0]!.resolvedAt! - lastBad).toBeGreaterThanOrEqual(15 * MINUTE);
        expect(during[0]!.message).toMatch(/^Unusual (latency|error rate|cache hit rate): .* vs usual /);
      }
      // Apart from the episodes, at most a false alarm a day.
      expect(raised.length - detected.length).toBeLessThanOrEqual(history.days);
    } finally {
      app.close();
    }
  });
});

describe('anomalies in the running app', () => {
  it('raises an alert listed by alerts:list when an engine is far slower than usual, with the evidence in anomalies:list', async () => {
    const dataDir = tempDir();
    let now = new Date(2026, 10, 21, 12, 4, 30).getTime();
    const spikeFrom = new Date(2026, 10, 21, 12, 0).getTime();
    // A day of ordinary calls to ollama (about 2 s), then four minutes at about 10 s, written to app.db as the monitor does.
    const seed = WorkshopStore.open(dataDir);
    const store = new MonitorStore(seed.database);
    for (let minute = spikeFrom - DAY; minute < spikeFrom + 4 * MINUTE; minute += MINUTE) {
      const acc = new MinuteAccumulator(minute);
      for (let i = 0; i < 4; i++) acc.addCall('ollama', (minute >= spikeFrom ? 10_000 : 2000) * (1 + 0.1 * Math.sin(minute / MINUTE + i)));
      store.putRollup(acc.toRollup());
    }
    seed.close();
    const core = createCore({ dataDir, resources: null, monitor: { now: () => now, autoStart: false } });
    try {
      // The minute after the spike's bucket ended, the monitor learns the stored history (a day at a time, between
      // other work) and judges the bucket; the alerts are evaluated each second.
      now = spikeFrom + 5 * MINUTE + 1000;
      core.monitor.tick();
      for (let turn = 0; turn < 20 && core.monitor.anomalies(HOUR).length === 0; turn++) await new Promise((resolve) => setImmediate(resolve));
      now += 1000;
      core.monitor.tick();
      const dispatch = createDispatcher(createHandlers(core));
      const call = async <T>(channel: 'alerts:list' | 'anomalies:list', request: object): Promise<T> => {
        const result = await dispatch(channel, request, { emit: () => {} });
        if (!result.ok) throw new Error(result.error.message);
        return result.data as T;
      };
      const { alerts } = await call<{ alerts: Alert[] }>('alerts:list', { rangeMs: HOUR });
      const alert = alerts.find((a) => a.rule === 'latency_anomaly');
      expect(alert).toMatchObject({ status: 'active', severity: 'medium', threshold: 1 });
      expect(alert!.message).toMatch(/^Unusual latency: Median latency of ollama \d+\.\d s at 12:00 \(16 calls\) vs usual 2\.\d s \(band .*\) over the last 2[34] hours\.$/);
      const { anomalies } = await call<{ anomalies: Anomaly[] }>('anomalies:list', { rangeMs: HOUR });
      expect(anomalies).toEqual([expect.objectContaining({ subject: 'latency', provider: 'ollama', at: spikeFrom, hourOfDay: null })]);
      expect(anomalies[0]!.value).toBeGreaterThan(anomalies[0]!.high);
    } finally {
      core.close();
    }
  });
});

/** The history's rollups in [from, to), as the monitor reads them. */
function rollupsIn(history: History): (from: number, to: number) => MinuteRollup[] {
  const byMinute = new Map(history.rollups.map((r) => [r.minute, r]));
  return (from, to) => {
    const result: MinuteRollup[] = [];
    for (let minute = Math.max(from, history.start); minute < to; minute += MINUTE) {
      const rollup = byMinute.get(minute);
      if (rollup) result.push(rollup);
    }
    return result;
  };
}
