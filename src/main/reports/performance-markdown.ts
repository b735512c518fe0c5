/**
 * The performance report as Markdown: the PDF's sections in the same order, its tables as pipe
 * tables and its charts as text sparklines (a gap where nothing was measured).
 */
import { ENGINE_FIGURES } from '../../shared/insight';
import { formatMetric, formatSettingChange, metricName, settingName } from '../../shared/monitor-units';
import { CACHE_KINDS, cacheUsed, dash, ENGINE_FIGURE_LABELS, formatBytes, formatFigure, formatMb, formatMs, formatPercent, formatRate, formatTime, hasResourceSamples, humanize, rangeLabel, resourceSummary, scoreText, SECTION_TITLES, splitEngines, type PerformanceReportData, teamTier, teamTierRow, teamTierSentence } from './performance-data';

const BLOCKS = '▁▂▃▄▅▆▇█';
const SPARK_NOTE = 'Each mark is a stretch of the range, oldest first: ▁ its lowest value, █ its highest, a gap where nothing was measured. The PDF draws these as charts.';

/** Values as a line of block characters, at most `width` wide (buckets averaged); a space where nothing was measured. */
export function sparkline(values: ReadonlyArray<number | null>, width = 60): string {
  const per = Math.max(1, Math.ceil(values.length / width));
  const buckets: Array<number | null> = [];
  for (let i = 0; i < values.length; i += per) {
    const measured = values.slice(i, i + per).filter((v): v is number => v !== null);
    buckets.push(measured.length ? measured.reduce((a, b) => a + b, 0) / measured.length : null);
  }
  const present = buckets.filter((v): v is number => v !== null);
  if (!present.length) return '';
  const min = Math.min(...present);
  const span = Math.max(...present) - min || 1;
  return buckets.map((v) => (v === null ? ' ' : BLOCKS[Math.round(((v - min) / span) * (BLOCKS.length - 1))])).join('');
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
function table(head: readonly string[], rows: ReadonlyArray<readonly string[]>): string[] {
  return [`| ${head.map(cell).join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`), ''];
}

export function renderPerformanceMarkdown(data: PerformanceReportData): string {
  const { used: engines, unused } = splitEngines(data.engines);
  const { score, history, cache, validation, alerts, anomalies, optimizations, audit } = data;
  const points = history.points;
  const lines: string[] = [
    '# Performance report',
    '',
    `${data.app.name} ${data.app.version} · data folder ${data.app.dataFolder}`,
    '',
    `Range: ${rangeLabel(data.range)}, ${formatTime(data.range.fromMs)} → ${formatTime(data.range.toMs)} UTC · generated ${formatTime(data.generatedAt.getTime())} UTC`,
    '',
    `## ${SECTION_TITLES.score}`,
    '',
    `**${scoreText(score)}**`,
    '',
  ];
  if (score.overall !== null) lines.push(...table(['Component', 'Score'], (['cache', 'providers', 'validation', 'resources'] as const).map((c) => [humanize(c), score.components[c] === null ? dash : String(Math.round(score.components[c]!))])));
  if (points.length) {
    const peak = Math.max(0, ...points.map((p) => p.p95Ms ?? 0));
    lines.push('```', `p95 latency    ${sparkline(points.map((p) => p.p95Ms))}  (peak ${formatMs(peak)})`, `cache hit rate ${sparkline(points.map((p) => p.cacheHitRate))}`, '```', '', SPARK_NOTE, '');
  } else lines.push('No measurements in this range: generate personas, then make the report again.', '');

  lines.push(`## ${SECTION_TITLES.engines}`, '');
  if (engines.length) {
    lines.push(
      ...table(
        ['', ...engines.map((e) => `${e.label}${e.model ? ` (${e.model})` : ''}`)],
        [
          ['Score', ...engines.map((e) => (e.score === null ? dash : `${Math.round(e.score)} / 100`))],
          ['Calls · generations', ...engines.map((e) => `${e.calls} · ${e.generations}`)],
          ['Breaker', ...engines.map((e) => humanize(e.breaker))],
          ...ENGINE_FIGURES.map((id) => [
            ENGINE_FIGURE_LABELS[id],
            ...engines.map((e) => {
              const f = e.figures.find((x) => x.id === id);
              return f ? `${formatFigure(id, f.value)} (baseline ${formatFigure(id, f.baseline)}, target ${formatFigure(id, f.target)})` : dash;
            }),
          ]),
        ],
      ),
    );
  } else lines.push('No engine calls in this range.', '');
  if (unused.length && engines.length) lines.push(`Not used in this range: ${unused.join(', ')}.`, '');

  lines.push(`## ${SECTION_TITLES.cache}`, '');
  if (cacheUsed(cache)) {
    lines.push(`Counted since ${formatTime(cache.since)} UTC.`, '');
    const team = teamTier(cache);
    lines.push(...table(['Kind', 'Lookups', 'Hit rate', 'L1 hits', 'L2 hits', ...(team ? ['L3 hits'] : []), 'Misses'], CACHE_KINDS.map((k) => [humanize(k), String(cache.kinds[k].gets), formatRate(cache.kinds[k].hitRate), String(cache.kinds[k].l1Hits), String(cache.kinds[k].l2Hits), ...(team ? [String(cache.kinds[k].l3Hits ?? 0)] : []), String(cache.kinds[k].misses)])));
    lines.push(...table(['Tier', 'Entries', 'Bytes', 'Evictions', 'Available'], [...(['l1', 'l2'] as const).map((t) => [t === 'l1' ? 'Memory (L1)' : 'cache.db (L2)', String(cache[t].entries), `${formatBytes(cache[t].bytes)} of ${formatBytes(cache[t].maxBytes)}`, String(cache[t].evictions), cache[t].available ? 'yes' : 'no']), ...(team ? [teamTierRow(team)] : [])]));
    if (team) lines.push(teamTierSentence(team), '');
    lines.push(`Preload: ${cache.preload.used} used of ${cache.preload.loaded} loaded.${cache.storage.ratio !== null ? ` Storage: ${formatBytes(cache.storage.storedBytes)} stored for ${formatBytes(cache.storage.plainBytes)} plain (${formatRate(cache.storage.ratio)}).` : ''}`, '');
  } else lines.push('No cache use in this range.', '');

  lines.push(`## ${SECTION_TITLES.validation}`, '');
  if (validation.answers) lines.push(`Since the app started, ${validation.answers} answers validated: ${formatRate(validation.successRate)} valid as written, ${formatRate(validation.repairRate)} repaired, ${formatRate(validation.fillRate)} filled.`, '');
  if (validation.topIssues.length) lines.push(...table(['Issue', 'Count'], validation.topIssues.map((i) => [humanize(i.type), String(i.count)])));
  else lines.push('No validation issues since the app started.', '');

  lines.push(`## ${SECTION_TITLES.resources}`, '');
  if (hasResourceSamples(points)) {
    const r = resourceSummary(points);
    lines.push('```', `machine CPU        ${sparkline(points.map((p) => p.cpuMean))}`, `Persona Studio CPU ${sparkline(points.map((p) => p.appCpuMean))}`, '```', '', SPARK_NOTE, '');
    lines.push(
      ...table(['Figure', 'Value'], [
        ['CPU, machine (mean · peak)', `${formatPercent(r.cpuMean)} · ${formatPercent(r.cpuMax)}`],
        ['CPU, Persona Studio (mean)', formatPercent(r.appCpuMean)],
        ['Memory, Persona Studio (peak)', formatMb(r.rssMaxMb)],
        ['Concurrency limit (mean · now)', `${r.limitMean === null ? dash : r.limitMean.toFixed(1)} · ${data.scheduler.limit}`],
        ['Queue (peak · now)', `${r.queuedMax === null ? dash : Math.round(r.queuedMax)} · ${data.scheduler.queued}`],
      ]),
    );
  } else lines.push('No resource samples in this range.', '');
  const perCpu = data.efficiency?.personasPerCpuSecond;
  lines.push(`Resource efficiency: ${perCpu == null ? 'not measured in this range' : `${perCpu.toFixed(2)} personas per CPU-second`}.`, '');

  lines.push(`## ${SECTION_TITLES.alerts}`, '', '### Alerts', '');
  if (alerts.length) lines.push(...table(['Raised (UTC)', 'Rule', 'Severity', 'What happened', 'Status'], alerts.map((a) => [formatTime(a.raisedAt), humanize(a.rule), a.severity, a.message, a.status])));
  else lines.push('No alerts in this range.', '');
  lines.push('### Anomalies', '');
  if (anomalies.length) lines.push(...table(['At (UTC)', 'Subject', 'Engine', 'Value', 'Usual', 'Evidence'], anomalies.map((a) => [formatTime(a.at), humanize(a.subject), a.provider ?? dash, String(Number(a.value.toFixed(3))), String(Number(a.baseline.toFixed(3))), a.evidence])));
  else lines.push('No anomalies in this range.', '');

  lines.push(`## ${SECTION_TITLES.optimizations}`, '', '### Optimizations', '');
  const trials = optimizations.flatMap((o) => o.trials.map((t) => [formatTime(o.startedAt ?? o.createdAt), settingName(t.tunable), formatSettingChange(t.tunable, t.from, t.to), humanize(t.outcome), `${metricName(t.metric)}: ${formatMetric(t.metric, t.baseline)} → ${formatMetric(t.metric, t.measured)}`]));
  if (trials.length) lines.push(...table(['When', 'Setting', 'Change', 'Outcome', 'Measured effect'], trials));
  else lines.push('No optimizations in this range.', '');
  lines.push('### Audit of performance actions', '');
  if (audit.length) lines.push(...table(['At (UTC)', 'Source', 'Setting', 'Step', 'Change', 'Metric', 'Why'], audit.map((e) => [formatTime(e.at), e.source, settingName(e.subject), e.step, e.before === null && e.after === null ? dash : formatSettingChange(e.subject, e.before, e.after), e.metric ? `${metricName(e.metric)}: ${formatMetric(e.metric, e.baseline)} → ${formatMetric(e.metric, e.measured)}` : dash, e.reason])));
  else lines.push('No performance actions in this range.', '');
  return `${lines.join('\n').trimEnd()}\n`;
}
