/**
 * The workshop report as one self-contained HTML page with print CSS (A4): a cover, an overview
 * (coverage and the personas at a glance), one page per persona with every field, a page per
 * interview, focus group and concept test of the run (asking-html.ts), and an appendix with the
 * run's figures. The same page is printed to PDF by Electron or by Chromium headless.
 */
import { ageBandCounts, tally } from '../../shared/coverage';
import type { RunDetail } from '../../shared/ipc/types';
import { TRACE_PHASES } from '../../shared/metrics';
import type { Persona } from '../../shared/persona';
import { CULTURAL_CATEGORIES } from '../../shared/vocabulary';
import type { RunConversations } from '../asking';
import type { SetSummary } from '../../shared/summary';
import type { PaperSize, ReportTemplate } from '../../shared/vocabulary';
import type { WorkshopLogo } from '../../shared/workshop';
import { ASKING_CSS, askingPages } from './asking-html';
import { escape } from './html-escape';

/** The workshop a report is for, as its cover names it, with its branding. */
export interface ReportWorkshop {
  name: string;
  /** The client the workshop is for; null when none was given. */
  client: string | null;
  /** The accent colour (#rrggbb); null for the default. */
  accent: string | null;
  /** The cover's logo; null for none. */
  logo: WorkshopLogo | null;
}

export interface ReportInput {
  run: RunDetail;
  workshop: ReportWorkshop;
  generatedAt: Date;
  /** The run's interviews, focus groups and concept tests: a section each, after the personas. */
  asked?: RunConversations;
  /** The executive summary after the contents; null leaves it out. */
  summary: SetSummary | null;
  template: ReportTemplate;
  paper: PaperSize;
  /** @font-face rules (fonts inlined as data: URLs) for the scripts the report's text uses. */
  fontFaces?: string;
}

/** A heading of the report: the contents page lists the level-1 and level-2 ones, the PDF's bookmarks are made from the same headings. */
export interface OutlineEntry {
  title: string;
  level: 1 | 2;
}

/** The report's h1 and h2 headings in document order, as the PDF's bookmarks list them (Chromium makes one per heading). */
export function reportOutline(input: ReportInput): OutlineEntry[] {
  const personas = input.run.document?.personas ?? [];
  return [{ title: input.run.title, level: 1 }, { title: 'Overview', level: 1 }, ...personas.map((p) => ({ title: p.name, level: 1 as const }))];
}

/**
 * The report as one HTML page. `pages` holds the page each entry of reportOutline() starts on, read
 * from a first printing; null on that first printing (the contents page then shows placeholders of
 * the same width, so the second printing lays out the same).
 */
/** The cover alone, as the report prints it: Settings previews a workshop's branding with it. */
export function renderCoverHtml(workshop: ReportWorkshop, sample: { title: string; generatedAt: Date }): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(sample.title)}</title><style>${CSS}</style></head><body><section class="page cover"><p class="workshop">${escape(workshop.name)}</p><h1>${escape(sample.title)}</h1></section></body></html>`;
}

export function renderReportHtml({ run, workshop, generatedAt, asked }: ReportInput, pages: readonly number[] | null = null): string {
  void pages;
  const personas = run.document?.personas ?? [];
  const anchors = new Map(personas.flatMap((p, i) => (p.id ? [[p.id, `persona-${i + 1}`] as const] : [])));
  return `<!doctype html>
<html lang="${escape(run.brief.language ?? 'en')}">
<head>
<meta charset="utf-8">
<title>${escape(run.title)} · ${escape(workshop.name)}</title>
<style>${CSS}${ASKING_CSS}</style>
</head>
<body>
${cover(run, workshop, generatedAt, personas.length)}
${overview(personas, run)}
${personas.map((p, i) => personaPage(p, i + 1)).join('\n')}
${asked ? askingPages(asked, anchors) : ''}
${appendix(run, personas)}
</body>
</html>`;
}

/** The cover: the run's title, the workshop and its client, the brief, and the run's facts. */
function cover(run: RunDetail, workshop: ReportWorkshop, generatedAt: Date, count: number): string {
  return `<section class="page cover">
  <p class="kicker">Persona Studio · workshop report</p>
  <p class="workshop">${escape(workshop.name)}${workshop.client ? `<span class="client"> · for ${escape(workshop.client)}</span>` : ''}</p>
  <h1>${escape(run.title)}</h1>
  <p class="brief">${escape(run.brief.description)}</p>
  <dl class="facts">
    <div><dt>Workshop</dt><dd>${escape(workshop.name)}</dd></div>
    ${workshop.client ? `<div><dt>Client</dt><dd>${escape(workshop.client)}</dd></div>` : ''}
    <div><dt>Personas</dt><dd>${count} · ${escape(run.level)} level</dd></div>
    ${run.brief.location ? `<div><dt>Location</dt><dd>${escape(run.brief.location)}</dd></div>` : ''}
    ${run.brief.ageRange ? `<div><dt>Ages</dt><dd>${run.brief.ageRange[0]}–${run.brief.ageRange[1]}</dd></div>` : ''}
    ${run.brief.segment ? `<div><dt>Segment</dt><dd>${escape(run.brief.segment)}</dd></div>` : ''}
    <div><dt>Generated</dt><dd>${escape(new Date(run.startedAt).toUTCString())}</dd></div>
    <div><dt>Engine</dt><dd>${escape(run.provider)}${run.seed !== null ? ` · seed ${run.seed}` : ''}</dd></div>
    <div><dt>Quality</dt><dd>${run.qualityScore ?? '—'} / 100</dd></div>
  </dl>
  <p class="footnote">Report made ${escape(generatedAt.toUTCString())}.</p>
</section>`;
}

function overview(personas: readonly Persona[], run: RunDetail): string {
  const bands = ageBandCounts(personas, run.brief.ageRange).map((b) => [b.label, b.count] as const);
  return `<section class="page">
  <h2>Overview</h2>
  <div class="coverage">
    ${bars('Age spread', bands, personas.length)}
    ${bars('Gender mix', tally(personas.map((p) => p.gender || 'not stated')), personas.length)}
    ${bars('Locations', tally(personas.map((p) => `${p.location.city}, ${p.location.country}`)), personas.length)}
    ${bars('Occupations', tally(personas.map((p) => p.occupation)), personas.length)}
  </div>
  <h3>The personas at a glance</h3>
  <table class="glance">
    <thead><tr><th>#</th><th>Name</th><th>Age</th><th>Occupation</th><th>Location</th><th>Quality</th></tr></thead>
    <tbody>${personas
      .map((p, i) => `<tr><td>${i + 1}</td><td>${escape(p.name)}</td><td>${p.age}</td><td>${escape(p.occupation)}</td><td>${escape(p.location.city)}, ${escape(p.location.country)}</td><td>${p.meta?.qualityScore ?? '—'}</td></tr>`)
      .join('')}</tbody>
  </table>
</section>`;
}

function personaPage(p: Persona, index: number): string {
  const culture = p.culturalProfile;
  const repaired = p.meta?.repaired ?? [];
  const filled = p.meta?.filled ?? [];
  return `<section class="page persona" id="persona-${index}">
  <p class="kicker">Persona ${index}</p>
  <h2>${escape(p.name)}</h2>
  <p class="who">${p.age} · ${escape(p.occupation)} · ${escape(p.location.city)}, ${escape(p.location.country)}${p.gender ? ` · ${escape(p.gender)}` : ''}</p>
  ${p.quote ? `<blockquote>“${escape(p.quote)}”</blockquote>` : ''}
  <p>${escape(p.bio)}</p>
  <div class="two">
    ${list('Goals', p.goals)}
    ${list('Pain points', p.painPoints)}
    ${p.values?.length ? list('Values', p.values) : ''}
    ${p.channels?.length ? list('Channels', p.channels) : ''}
  </div>
  <dl class="facts small">
    ${p.incomeBracket ? `<div><dt>Income</dt><dd>${escape(p.incomeBracket)}</dd></div>` : ''}
    ${p.education ? `<div><dt>Education</dt><dd>${escape(p.education)}</dd></div>` : ''}
    ${p.b2b ? `<div><dt>Role</dt><dd>${escape(p.b2b.role)} · ${escape(p.b2b.industry)} · ${escape(String(p.b2b.companySize))} employees · ${escape(p.b2b.decisionPower)}</dd></div>` : ''}
  </dl>
  ${
    culture
      ? `<h3>Cultural profile</h3><dl class="culture">${CULTURAL_CATEGORIES.map((c) => `<div><dt>${escape(c)}</dt><dd>${culture[c].length ? culture[c].map(escape).join(', ') : '—'}</dd></div>`).join('')}</dl>`
      : ''
  }
  <p class="quality">Quality score ${p.meta?.qualityScore ?? '—'}${repaired.length ? ` · repaired: ${repaired.map(escape).join(', ')}` : ''}${filled.length ? ` · filled: ${filled.map(escape).join(', ')}` : ''}${p.meta?.source ? ` · written by ${escape(p.meta.source)}` : ''}</p>
</section>`;
}

function appendix(run: RunDetail, personas: readonly Persona[]): string {
  const phases = run.phases;
  const total = phases ? Object.values(phases).reduce((a, b) => a + (b ?? 0), 0) : 0;
  const issues = run.document?.report?.issues ?? [];
  const byType = tally(issues.map((i) => i.type));
  const repaired = personas.filter((p) => (p.meta?.repaired ?? []).length > 0).length;
  const filled = personas.filter((p) => (p.meta?.filled ?? []).length > 0).length;
  return `<section class="page appendix">
  <h2>Appendix: how this run went</h2>
  <h3>Time per phase</h3>
  ${
    phases
      ? `<table class="glance"><tbody>${TRACE_PHASES.filter((ph) => phases[ph] !== undefined)
          .map((ph) => `<tr><td>${ph}</td><td class="num">${ms(phases[ph]!)}</td><td class="barcell"><span style="width:${run.durationMs ? (phases[ph]! / run.durationMs) * 100 : 0}%"></span></td></tr>`)
          .join('')}${other(run.durationMs, total)}<tr><td><strong>total</strong></td><td class="num"><strong>${ms(run.durationMs)}</strong></td><td></td></tr></tbody></table>`
      : `<p>Not recorded for this run (saved before phases were kept); it took ${ms(run.durationMs)} in all.</p>`
  }
  <h3>Cache</h3>
  <p>${phases?.culture === undefined && phases?.cache !== undefined ? 'The whole generation came from the cache: the same brief and seed had been generated before.' : 'Generated for this run; cultural data from the cache where it held the lookup.'}</p>
  <h3>Validation and repair</h3>
  <p>Quality ${run.qualityScore ?? '—'} / 100 · ${personas.length} personas · ${repaired} repaired · ${filled} with filled fields · ${issues.length} issues noted${run.document?.report ? (run.document.report.valid ? ' · valid' : ' · not fully valid') : ''}.</p>
  ${byType.length ? `<table class="glance"><thead><tr><th>Issue</th><th>Count</th></tr></thead><tbody>${byType.map(([t, n]) => `<tr><td>${escape(t)}</td><td class="num">${n}</td></tr>`).join('')}</tbody></table>` : ''}
</section>`;
}

/** The time outside the timed phases (reading the brief), so that the rows add up to the total. */
function other(totalMs: number, phasesMs: number): string {
  const rest = totalMs - phasesMs;
  return rest >= 1 ? `<tr><td>reading the brief, other</td><td class="num">${ms(rest)}</td><td class="barcell"><span style="width:${(rest / totalMs) * 100}%"></span></td></tr>` : '';
}

function bars(title: string, rows: ReadonlyArray<readonly [string, number]>, total: number): string {
  return `<figure class="bars"><figcaption>${escape(title)}</figcaption><ul>${rows
    .slice(0, 8)
    .map(([label, n]) => `<li><span class="label">${escape(label)}</span><span class="bar"><span style="width:${total ? (n / total) * 100 : 0}%"></span></span><span class="num">${n}</span></li>`)
    .join('')}</ul></figure>`;
}

function list(title: string, items: readonly string[]): string {
  return `<div><h3>${escape(title)}</h3><ul>${items.map((i) => `<li>${escape(i)}</li>`).join('')}</ul></div>`;
}

const ms = (value: number) => (value >= 1000 ? `${(value / 1000).toFixed(1)} s` : `${Math.round(value)} ms`);


const CSS = `
@page { size: A4; margin: 16mm 16mm 18mm; }
* { box-sizing: border-box; }
body { font-family: 'DejaVu Sans', 'Liberation Sans', 'WenQuanYi Zen Hei', 'Noto Color Emoji', sans-serif; color: #1d1f24; font-size: 10.5pt; line-height: 1.45; margin: 0; }
.page { break-after: page; }
.page:last-child { break-after: auto; }
h1 { font-size: 30pt; margin: 0 0 8mm; }
h2 { font-size: 18pt; margin: 0 0 4mm; }
h3 { font-size: 10pt; text-transform: uppercase; letter-spacing: .05em; color: #5f6470; margin: 5mm 0 2mm; }
.kicker { color: #3b5bdb; font-weight: 700; text-transform: uppercase; letter-spacing: .08em; font-size: 9pt; margin: 0 0 3mm; }
.cover { padding-top: 45mm; }
.cover .workshop { font-size: 13pt; font-weight: 600; margin: 0 0 3mm; }
.cover .client { font-weight: 400; color: #5f6470; }
.cover .brief { font-size: 15pt; max-width: 150mm; margin: 0 0 12mm; }
.facts { display: grid; grid-template-columns: 35mm 1fr; gap: 2mm 6mm; margin: 0; }
.facts div { display: contents; }
.facts dt { color: #5f6470; }
.facts dd { margin: 0; }
.facts.small { grid-template-columns: 28mm 1fr; font-size: 9.5pt; margin-top: 4mm; }
.footnote { margin-top: 30mm; color: #5f6470; font-size: 9pt; }
.coverage { display: grid; grid-template-columns: 1fr 1fr; gap: 6mm; }
.bars { margin: 0; }
.bars figcaption { font-weight: 700; margin-bottom: 2mm; }
.bars ul { list-style: none; margin: 0; padding: 0; }
.bars li { display: grid; grid-template-columns: 38mm 1fr 8mm; gap: 2mm; align-items: center; font-size: 9pt; margin-bottom: 1mm; }
.bars .label { overflow: hidden; white-space: nowrap; text-overflow: ellipsis; }
.bar, .barcell { background: #eceae4; height: 3mm; border-radius: 1.5mm; overflow: hidden; display: block; }
.bar span, .barcell span { display: block; height: 100%; background: #3b5bdb; }
.barcell { width: 60mm; }
.num { text-align: right; }
table.glance { width: 100%; border-collapse: collapse; font-size: 9.5pt; margin-top: 2mm; }
.glance th, .glance td { text-align: left; padding: 1.5mm 2mm; border-bottom: 0.3mm solid #e2e0da; }
.glance th { color: #5f6470; font-weight: 600; }
.who { color: #5f6470; margin: 0 0 4mm; }
blockquote { margin: 0 0 4mm; padding-left: 4mm; border-left: 1mm solid #3b5bdb; font-style: italic; font-size: 12pt; }
.two { display: grid; grid-template-columns: 1fr 1fr; gap: 0 8mm; }
.two ul { margin: 0; padding-left: 5mm; }
.culture { display: grid; grid-template-columns: 28mm 1fr; gap: 1mm 4mm; margin: 0; font-size: 9.5pt; }
.culture div { display: contents; }
.culture dt { color: #5f6470; text-transform: capitalize; }
.culture dd { margin: 0; }
.quality { margin-top: 5mm; color: #5f6470; font-size: 9pt; }
`;
