/**
 * The performance report as one self-contained HTML page with print CSS (A4), printed to PDF by
 * the same printer as the run report. Sections follow SECTION_TITLES; an empty one says so in a
 * sentence rather than showing zeros. Times are UTC.
 */
import { ENGINE_FIGURES } from '../../shared/insight';
import { formatMetric, formatSettingChange, metricName, settingName } from '../../shared/monitor-units';
import { escape } from './html-escape';
import { barChart, lineChart, niceMax } from './performance-charts';
import { CACHE_KINDS, cacheUsed, dash, ENGINE_FIGURE_LABELS, formatBytes, formatFigure, formatMb, formatMs, formatPercent, formatRate, formatTime, hasResourceSamples, humanize, rangeLabel, resourceSummary, scoreText, SECTION_TITLES, splitEngines, type PerformanceReportData, teamTier, teamTierRow, teamTierSentence } from './performance-data';

export function renderPerformanceHtml(data: PerformanceReportData): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Performance report · ${escape(data.app.dataFolder)}</title>
<style>${CSS}</style>
</head>
<body>
${cover(data)}
${scoreSection(data)}
${enginesSection(data)}
${cacheSection(data)}
${validationSection(data)}
${resourcesSection(data)}
${alertsSection(data)}
${optimizationsSection(data)}
</body>
</html>`;
}

const empty = (sentence: string) => `<p class="empty">${escape(sentence)}</p>`;
const table = (head: readonly string[], rows: ReadonlyArray<readonly string[]>, cls = '') =>
  `<table class="grid ${cls}"><thead><tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody></table>`;

function cover(data: PerformanceReportData): string {
  return `<section class="cover">
  <p class="kicker">${escape(data.app.name)} · performance report</p>
  <h1>Performance report</h1>
  <dl class="facts">
    <div><dt>App</dt><dd>${escape(data.app.name)} ${escape(data.app.version)}</dd></div>
    <div><dt>Data folder</dt><dd>${escape(data.app.dataFolder)}</dd></div>
    <div><dt>Range</dt><dd>${escape(rangeLabel(data.range))}: ${formatTime(data.range.fromMs)} → ${formatTime(data.range.toMs)} UTC</dd></div>
    <div><dt>Generated at</dt><dd>${formatTime(data.generatedAt.getTime())} UTC</dd></div>
    <div><dt>Score</dt><dd>${escape(scoreText(data.score))}</dd></div>
  </dl>
</section>`;
}

function scoreSection({ score, history }: PerformanceReportData): string {
  const points = history.points;
  const components = (['cache', 'providers', 'validation', 'resources'] as const).map((c) => [humanize(c), score.components[c] === null ? dash : `${Math.round(score.components[c]!)}`]);
  const chart = points.length
    ? lineChart(
        points.map((p) => p.at),
        [
          { label: 'p95 latency (left)', color: '#c2255c', values: points.map((p) => p.p95Ms), axis: 'left' },
          { label: 'cache hit rate (right)', color: '#2b8a3e', values: points.map((p) => p.cacheHitRate), axis: 'right' },
        ],
        { left: { max: niceMax(points.map((p) => p.p95Ms), 100), format: formatMs }, right: { max: 1, format: (v) => `${Math.round(v * 100)}%` } },
      )
    : empty('No measurements in this range: generate personas, then make the report again.');
  return `<section>
  <h2>${SECTION_TITLES.score}</h2>
  <p class="big">${escape(scoreText(score))}</p>
  ${score.overall === null ? '' : table(['Component', 'Score'], components, 'narrow')}
  <h3>p95 latency and cache hit rate, per ${history.resolution === '1h' ? 'hour' : history.resolution === '5m' ? '5 minutes' : 'minute'}</h3>
  ${chart}
</section>`;
}

function enginesSection(data: PerformanceReportData): string {
  const { used: engines, unused } = splitEngines(data.engines);
  const notUsed = unused.length ? `<p>Not used in this range: ${unused.map(escape).join(', ')}.</p>` : '';
  if (!engines.length) return `<section><h2>${SECTION_TITLES.engines}</h2>${empty('No engine calls in this range.')}</section>`;
  const head = ['', ...engines.map((e) => `${escape(e.label)}${e.model ? `<br><small>${escape(e.model)}</small>` : ''}`)];
  const rows: string[][] = [
    ['Score', ...engines.map((e) => (e.score === null ? dash : `${Math.round(e.score)} / 100`))],
    ['Calls · generations', ...engines.map((e) => `${e.calls} · ${e.generations}`)],
    ['Breaker', ...engines.map((e) => humanize(e.breaker))],
    ...ENGINE_FIGURES.map((id) => [
      ENGINE_FIGURE_LABELS[id],
      ...engines.map((e) => {
        const f = e.figures.find((x) => x.id === id);
        if (!f) return dash;
        return `<strong>${formatFigure(id, f.value)}</strong><br><small>baseline ${formatFigure(id, f.baseline)} · target ${formatFigure(id, f.target)}${f.trend === 'improving' || f.trend === 'degrading' ? ` · ${f.trend}` : ''}</small>`;
      }),
    ]),
  ];
  return `<section class="whole">
  <h2>${SECTION_TITLES.engines}</h2>
  <p class="lead">Each engine's figures over the range, beside its own baseline (its usual value) and the target it is scored against.</p>
  ${table(head, rows, 'engines')}
  ${notUsed}
</section>`;
}

function cacheSection({ cache }: PerformanceReportData): string {
  if (!cacheUsed(cache)) return `<section><h2>${SECTION_TITLES.cache}</h2>${empty('No cache use in this range.')}</section>`;
  const team = teamTier(cache);
  const kinds = CACHE_KINDS.map((k) => {
    const s = cache.kinds[k];
    return [humanize(k), String(s.gets), formatRate(s.hitRate), String(s.l1Hits), String(s.l2Hits), ...(team ? [String(s.l3Hits ?? 0)] : []), String(s.misses), s.meanLatencyUs === null ? dash : `${Math.round(s.meanLatencyUs)} µs`];
  });
  const tiers = (['l1', 'l2'] as const).map((t) => {
    const s = cache[t];
    return [t === 'l1' ? 'Memory (L1)' : 'cache.db (L2)', String(s.entries), `${formatBytes(s.bytes)} of ${formatBytes(s.maxBytes)}`, String(s.evictions), s.available ? 'yes' : 'no'];
  });
  if (team) tiers.push(teamTierRow(team));
  const preload = cache.preload.loaded ? `${cache.preload.used} of ${cache.preload.loaded} preloaded lookups were used (${formatRate(cache.preload.used / cache.preload.loaded)}).` : 'Nothing was preloaded.';
  const storage = cache.storage.ratio !== null ? ` Stored values take ${formatBytes(cache.storage.storedBytes)} for ${formatBytes(cache.storage.plainBytes)} of plain JSON (${formatRate(cache.storage.ratio)}).` : '';
  return `<section>
  <h2>${SECTION_TITLES.cache}</h2>
  <p class="lead">Counted since ${formatTime(cache.since)} UTC (kept across restarts until the cache is cleared).</p>
  <h3>Hit rate per kind</h3>
  ${table(['Kind', 'Lookups', 'Hit rate', 'L1 hits', 'L2 hits', ...(team ? ['L3 hits'] : []), 'Misses', 'Mean latency'], kinds)}
  <h3>Tiers</h3>
  ${table(['Tier', 'Entries', 'Bytes', 'Evictions', 'Available'], tiers)}
  <p>${team ? `${escape(teamTierSentence(team))} ` : ''}${escape(preload)}${escape(storage)} ${cache.recoveries ? `cache.db was recovered ${cache.recoveries} time(s).` : ''}</p>
</section>`;
}

function validationSection({ validation }: PerformanceReportData): string {
  const summary = validation.answers
    ? `<p>Since the app started, ${validation.answers} answers validated: ${formatRate(validation.successRate)} valid as written, ${formatRate(validation.repairRate)} of personas repaired, ${formatRate(validation.fillRate)} with filled fields.</p>`
    : '';
  const body = validation.topIssues.length ? barChart(validation.topIssues.map((i) => [humanize(i.type), i.count] as const)) : empty('No validation issues since the app started.');
  return `<section><h2>${SECTION_TITLES.validation}</h2>${summary}${body}</section>`;
}

function resourcesSection({ history, scheduler, efficiency }: PerformanceReportData): string {
  const points = history.points;
  const perCpu = efficiency?.personasPerCpuSecond;
  const efficiencyLine = `<p>Resource efficiency: ${perCpu == null ? 'not measured in this range' : `${perCpu.toFixed(2)} personas per CPU-second (${efficiency!.personas} personas, ${efficiency!.appCpuSeconds.toFixed(1)} CPU-seconds)`}.</p>`;
  if (!hasResourceSamples(points)) return `<section><h2>${SECTION_TITLES.resources}</h2>${empty('No resource samples in this range.')}${efficiencyLine}</section>`;
  const r = resourceSummary(points);
  const chart = lineChart(
    points.map((p) => p.at),
    [
      { label: 'machine CPU', color: '#868e96', values: points.map((p) => p.cpuMean), axis: 'left' },
      { label: 'Persona Studio CPU', color: '#3b5bdb', values: points.map((p) => p.appCpuMean), axis: 'left' },
    ],
    { left: { max: 100, format: (v) => `${Math.round(v)}%` } },
  );
  const rows = [
    ['CPU, machine (mean · peak)', `${formatPercent(r.cpuMean)} · ${formatPercent(r.cpuMax)}`],
    ['CPU, Persona Studio (mean)', formatPercent(r.appCpuMean)],
    ['Memory, Persona Studio (peak)', formatMb(r.rssMaxMb)],
    ['Concurrency limit (mean · now)', `${r.limitMean === null ? dash : r.limitMean.toFixed(1)} · ${scheduler.limit}`],
    ['Queue (peak · now)', `${r.queuedMax === null ? dash : Math.round(r.queuedMax)} · ${scheduler.queued}`],
  ];
  return `<section class="whole"><h2>${SECTION_TITLES.resources}</h2><h3>CPU, the machine's and the app's own</h3>${chart}${table(['Figure', 'Value'], rows, 'narrow')}${efficiencyLine}</section>`;
}

function alertsSection({ alerts, anomalies }: PerformanceReportData): string {
  const alertRows = alerts.map((a) => [
    formatTime(a.raisedAt),
    `${escape(humanize(a.rule))}<br><small>${a.severity}</small>`,
    `${escape(a.message)}${a.actions.length ? `<br><small>${a.actions.map((x) => `${escape(humanize(x.action))}: ${escape(x.outcome)}`).join('; ')}</small>` : ''}`,
    a.status === 'active' ? 'active' : `resolved ${a.resolvedAt ? formatTime(a.resolvedAt) : ''}`,
  ]);
  const anomalyRows = anomalies.map((a) => [
    formatTime(a.at),
    `${escape(humanize(a.subject))}${a.provider ? `<br><small>${escape(a.provider)}</small>` : ''}`,
    `${anomalyValue(a.subject, a.value)}<br><small>usual ${anomalyValue(a.subject, a.baseline)} (${anomalyValue(a.subject, a.low)}–${anomalyValue(a.subject, a.high)})${a.hourOfDay !== null ? ` at ${a.hourOfDay}:00` : ''}</small>`,
    escape(a.evidence),
  ]);
  return `<section>
  <h2>${SECTION_TITLES.alerts}</h2>
  <h3>Alerts</h3>
  ${alerts.length ? table(['Raised (UTC)', 'Rule', 'What happened', 'Status'], alertRows, 'wrap') : empty('No alerts in this range.')}
  <h3>Anomalies</h3>
  ${anomalies.length ? table(['At (UTC)', 'Subject', 'Value and usual band', 'Evidence'], anomalyRows, 'wrap') : empty('No anomalies in this range.')}
</section>`;
}

const anomalyValue = (subject: string, value: number) => (subject === 'latency' ? formatMs(value) : formatRate(value));

function optimizationsSection({ optimizations, audit }: PerformanceReportData): string {
  const trialRows = optimizations.flatMap((o) =>
    o.trials.map((t) => [
      `${formatTime(o.startedAt ?? o.createdAt)}<br><small>${o.requestedBy === 'schedule' ? 'scheduled' : 'by the user'} · ${o.status}</small>`,
      `${escape(settingName(t.tunable))}<br><small>${escape(formatSettingChange(t.tunable, t.from, t.to))}</small>`,
      humanize(t.outcome),
      `${escape(metricName(t.metric))}: ${escape(formatMetric(t.metric, t.baseline))} → ${escape(formatMetric(t.metric, t.measured))}`,
    ]),
  );
  const emptyOptimizations = optimizations.filter((o) => !o.trials.length).map((o) => [formatTime(o.createdAt), '', o.status, escape(o.note ?? '')]);
  const auditRows = audit.map((e) => [
    formatTime(e.at),
    `${escape(settingName(e.subject))}<br><small>${e.source} · ${e.step}</small>`,
    e.before === null && e.after === null ? dash : escape(formatSettingChange(e.subject, e.before, e.after)),
    e.metric ? `${escape(metricName(e.metric))}: ${escape(formatMetric(e.metric, e.baseline))} → ${escape(formatMetric(e.metric, e.measured))}` : dash,
    escape(e.reason),
  ]);
  return `<section>
  <h2>${SECTION_TITLES.optimizations}</h2>
  <h3>Optimizations</h3>
  ${trialRows.length + emptyOptimizations.length ? table(['When', 'Setting', 'Outcome', 'Measured effect'], [...trialRows, ...emptyOptimizations], 'wrap') : empty('No optimizations in this range.')}
  <h3>Audit of performance actions</h3>
  ${auditRows.length ? table(['At (UTC)', 'Setting', 'Change', 'Metric, before → after', 'Why'], auditRows, 'wrap') : empty('No performance actions in this range.')}
</section>`;
}

const CSS = `
@page { size: A4; margin: 16mm 14mm 16mm; }
* { box-sizing: border-box; }
body { font-family: 'DejaVu Sans', 'Liberation Sans', sans-serif; color: #1d1f24; font-size: 9.5pt; line-height: 1.4; margin: 0; }
section { margin-bottom: 9mm; }
/* Sections flow on; a table or chart short enough for a page is kept whole. */
section.whole { break-inside: avoid; }
h2, h3, .lead { break-after: avoid; }
figure, table.grid.narrow { break-inside: avoid; }
.cover { padding-top: 8mm; margin-bottom: 10mm; border-bottom: 0.4mm solid #e2e0da; padding-bottom: 6mm; }
h1 { font-size: 26pt; margin: 0 0 7mm; }
h2 { font-size: 16pt; margin: 0 0 3mm; }
h3 { font-size: 9pt; text-transform: uppercase; letter-spacing: .05em; color: #5f6470; margin: 5mm 0 2mm; }
.kicker { color: #3b5bdb; font-weight: 700; text-transform: uppercase; letter-spacing: .08em; font-size: 9pt; margin: 0 0 3mm; }
.facts { display: grid; grid-template-columns: 32mm 1fr; gap: 2.5mm 6mm; margin: 0; font-size: 11pt; }
.facts div { display: contents; }
.facts dt { color: #5f6470; }
.facts dd { margin: 0; }
.big { font-size: 14pt; font-weight: 600; margin: 0 0 3mm; }
.empty { color: #5f6470; font-style: italic; }
table.grid { width: 100%; border-collapse: collapse; margin-top: 1mm; table-layout: auto; }
table.grid.narrow { width: auto; min-width: 90mm; }
.grid th, .grid td { text-align: left; vertical-align: top; padding: 1.3mm 2mm; border-bottom: 0.3mm solid #e2e0da; overflow-wrap: anywhere; }
.grid th { color: #5f6470; font-weight: 600; }
.grid small { color: #5f6470; font-size: 7.5pt; }
table.engines { table-layout: fixed; }
table.engines td:first-child, table.engines th:first-child { width: 34mm; color: #5f6470; }
tr { break-inside: avoid; }
.chart { margin: 2mm 0; }
.chart svg { width: 100%; height: auto; font-size: 10px; fill: #5f6470; }
.chart .grid { stroke: #e2e0da; stroke-width: 1; }
.chart figcaption { font-size: 8.5pt; color: #5f6470; }
.key { margin-right: 6mm; }
.key i { display: inline-block; width: 4mm; height: 1.4mm; margin-right: 1.5mm; vertical-align: middle; }
`;
