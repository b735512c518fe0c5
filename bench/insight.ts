/**
 * npm run bench -- insight: issue 23's figures in one run, each part beside its peer or target.
 * - ETA: median absolute error over runs on the test server whose latency varies between runs (≤ 25 %).
 * - Anomalies: replayed weeks with injected anomalies: recall (≥ 90 %) and false alarms per day (≤ 1).
 * - Cache: cache.db bytes with compression over plain on generation entries (≤ 0.40), and the L2 hit
 *   path against a raw select + JSON.parse of the same documents stored plain (≥ 0.7×).
 * - Performance report: warm median of the PDF over a week of history (≤ 3000 ms).
 * Engine profiles and optimizations have their own parts (insight-engines, insight-optimization).
 */
import { measureAnomalyDetection } from './insight-anomaly';
import { measureCacheStorage } from './insight-cache';
import { measureEtaError } from './insight-eta';
import { measurePerformanceReport } from './insight-report';

const met = (ok: boolean) => (ok ? 'met' : 'MISSED');

const eta = await measureEtaError();
console.log(`eta: median absolute error ${eta.etaErrPct.toFixed(1)} % over ${eta.samples} progress events of ${eta.runs} runs (target ≤ 25 %: ${met(eta.etaErrPct <= 25)})`);

const anomaly = await measureAnomalyDetection();
console.log(
  `anomalies: recall ${(anomaly.recall * 100).toFixed(0)} % of ${anomaly.injected} injected over ${anomaly.days} days, ${anomaly.falseAlarmsPerDay.toFixed(2)} false alarms a day ` +
    `(worst week ${(anomaly.worstWeekRecall * 100).toFixed(0)} %, ${anomaly.worstWeekFalseAlarmsPerDay.toFixed(2)}/day; targets ≥ 90 %: ${met(anomaly.recall >= 0.9)}, ≤ 1/day: ${met(anomaly.falseAlarmsPerDay <= 1)})`,
);

const cache = await measureCacheStorage();
console.log(
  `cache: cache.db bytes ${cache.cacheBytesRatio.toFixed(3)} of plain (target ≤ 0.40: ${met(cache.cacheBytesRatio <= 0.4)}); ` +
    `L2 hit ${cache.l2VsSqlite.toFixed(2)}× a raw select + parse of plain rows (target ≥ 0.7: ${met(cache.l2VsSqlite >= 0.7)}), ${cache.l2VsSqliteSameRows.toFixed(2)}× a raw select + inflate + parse of the same rows`,
);

const report = await measurePerformanceReport();
console.log(`report: performance PDF over 7 days, warm median ${Math.round(report.reportMs)} ms (target ≤ 3000 ms: ${met(report.reportMs <= 3000)})`);

console.log(
  `insight: eta_err_pct=${eta.etaErrPct.toFixed(1)} anomaly_recall=${(anomaly.recall * 100).toFixed(0)}% false_alarms_per_day=${anomaly.falseAlarmsPerDay.toFixed(2)} ` +
    `cache_bytes_ratio=${cache.cacheBytesRatio.toFixed(3)} l2_vs_sqlite=${cache.l2VsSqlite.toFixed(2)} report_ms=${Math.round(report.reportMs)}`,
);
