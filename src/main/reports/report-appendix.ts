/**
 * The internal report's appendix: how the run was made (engine and seed, time per phase, the cache,
 * validation and repair, and where each persona came from). A client report leaves it out.
 */
import { tally } from '../../shared/coverage';
import type { RunDetail } from '../../shared/ipc/types';
import type { Persona } from '../../shared/persona';
import { TRACE_PHASES } from '../../shared/vocabulary';
import { escape } from './html-escape';

export const APPENDIX_TITLE = 'How this run was made';

export function appendixPage(run: RunDetail, personas: readonly Persona[]): string {
  const phases = run.phases;
  const total = phases ? Object.values(phases).reduce((a, b) => a + (b ?? 0), 0) : 0;
  const issues = run.document?.report?.issues ?? [];
  const byType = tally(issues.map((i) => i.type));
  const repaired = personas.filter((p) => (p.meta?.repaired ?? []).length > 0).length;
  const filled = personas.filter((p) => (p.meta?.filled ?? []).length > 0).length;
  return `<section class="page appendix" id="appendix">
  <h1 class="section-title">${APPENDIX_TITLE}</h1>
  <dl class="facts">
    <div><dt>Engine</dt><dd>${escape(engineName(run.provider))}${run.seed !== null ? ` · seed ${run.seed}` : ''}</dd></div>
    <div><dt>Level</dt><dd>${escape(run.level)}</dd></div>
    <div><dt>Started</dt><dd>${escape(new Date(run.startedAt).toUTCString())}</dd></div>
    <div><dt>Fit to the brief</dt><dd>${run.qualityScore ?? '—'} / 100 (the set’s mean)</dd></div>
  </dl>
  <p class="label" style="margin-top:5mm">Time per phase</p>
  ${
    phases
      ? `<table class="glance"><tbody>${TRACE_PHASES.filter((ph) => phases[ph] !== undefined)
          .map((ph) => `<tr><td>${ph}</td><td class="num">${ms(phases[ph]!)}</td><td class="barcell"><span class="meter"><span style="width:${run.durationMs ? (phases[ph]! / run.durationMs) * 100 : 0}%"></span></span></td></tr>`)
          .join('')}${other(run.durationMs, total)}<tr><td><strong>total</strong></td><td class="num"><strong>${ms(run.durationMs)}</strong></td><td></td></tr></tbody></table>`
      : `<p>Not recorded for this run (saved before phases were kept); it took ${ms(run.durationMs)} in all.</p>`
  }
  <p class="label" style="margin-top:5mm">Cache</p>
  <p>${phases?.culture === undefined && phases?.cache !== undefined ? 'The whole generation came from the cache: the same brief and seed had been generated before.' : 'Generated for this run; cultural data from the cache where it held the lookup.'}</p>
  <p class="label" style="margin-top:5mm">Validation and repair</p>
  <p>${personas.length} personas · ${repaired} repaired · ${filled} with filled fields · ${issues.length} issues noted${run.document?.report ? (run.document.report.valid ? ' · valid' : ' · not fully valid') : ''}.</p>
  ${byType.length ? `<table class="glance"><thead><tr><th>Issue</th><th>Count</th></tr></thead><tbody>${byType.map(([t, n]) => `<tr><td>${escape(t)}</td><td class="num">${n}</td></tr>`).join('')}</tbody></table>` : ''}
  <p class="label" style="margin-top:5mm">Each persona</p>
  <table class="glance"><thead><tr><th>Persona</th><th>Written by</th><th>Fit</th><th>Repaired</th><th>Filled</th></tr></thead><tbody>${personas
    .map((p) => `<tr><td>${escape(p.name)}</td><td>${escape(engineName(p.meta?.source ?? run.provider))}</td><td class="num">${p.meta?.qualityScore ?? '—'}</td><td>${escape((p.meta?.repaired ?? []).join(', ') || '—')}</td><td>${escape((p.meta?.filled ?? []).join(', ') || '—')}</td></tr>`)
    .join('')}</tbody></table>
</section>`;
}

/** An engine as the report names it in a sentence. */
export const engineName = (id: string) => (id === 'offline' ? 'the built-in engine' : id);

/** The time outside the timed phases (reading the brief), so that the rows add up to the total. */
function other(totalMs: number, phasesMs: number): string {
  const rest = totalMs - phasesMs;
  return rest >= 1 ? `<tr><td>reading the brief, other</td><td class="num">${ms(rest)}</td><td class="barcell"><span class="meter"><span style="width:${(rest / totalMs) * 100}%"></span></span></td></tr>` : '';
}

const ms = (value: number) => (value >= 1000 ? `${(value / 1000).toFixed(1)} s` : `${Math.round(value)} ms`);
