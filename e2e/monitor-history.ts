/** History the monitor would have stored, written into a data folder before the app opens it. */
import { MonitorStore } from '../src/main/monitoring/monitor-store';
import { MINUTE, MinuteAccumulator } from '../src/main/monitoring/rollups';
import { WorkshopStore } from '../src/main/workshops/workshop-store';
import { TRACE_PHASES } from '../src/shared/vocabulary';

/** A busy day of per-minute history: 20 generations and 60 provider calls a minute. */
export function prefillDay(dataDir: string): void {
  const store = WorkshopStore.open(dataDir);
  const history = new MonitorStore(store.database);
  const now = Math.floor(Date.now() / MINUTE) * MINUTE;
  let x = 7;
  const random = () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let i = 1; i <= 1440; i++) {
    const minute = new MinuteAccumulator(now - i * MINUTE);
    for (let g = 0; g < 20; g++) {
      minute.addTrace(2000 + random() * 15_000, Object.fromEntries(TRACE_PHASES.map((p) => [p, random() * 3000])));
      minute.counters.generations++;
    }
    for (let c = 0; c < 60; c++) minute.addCall('ollama', 500 + random() * 9000);
    minute.addSecond({
      at: now - i * MINUTE,
      counters: { ...minute.counters, cacheGets: 40, cacheL1Hits: 25, cacheL2Hits: 8, calls: 60, validationAnswers: 20, validationSucceeded: 19, personas: 40, repairedPersonas: 6 },
      gauges: { limit: 8, queued: Math.round(random() * 4), cpuPercent: 20 + random() * 50, appCpuPercent: 5 + random() * 15, memoryPercent: 60, rssMb: 300 + random() * 100, loopLagMs: random() * 20 },
      generationMs: [],
    });
    history.putRollup(minute.toRollup());
  }
  store.close();
}
