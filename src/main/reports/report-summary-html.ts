/**
 * The executive summary's pages: who the personas are (segments), what they share (themes with how
 * many hold each and a quote in their own words), where they differ, and what it suggests for the
 * brief's product, with a line saying how it was made (composed from the set, or written by a model
 * over the same grouped facts).
 */
import type { SetSummary, SummaryTheme } from '../../shared/summary';
import type { ReportTemplate } from '../../shared/vocabulary';
import { escape } from './html-escape';

/** The summary's headings, in order: the contents page and the PDF's bookmarks list them. */
export const SUMMARY_TITLE = 'Executive summary';
export const SUMMARY_HEADINGS = ['Who they are', 'What they share', 'Where they differ', 'What it suggests'] as const;

/** A theme's kind as a lower-case word, after its label: "(need)" or "(pain point)". */
export const themeKindWord = (kind: SummaryTheme['kind']) => (kind === 'need' ? 'need' : 'pain point');

/** The anchor of the n-th summary heading (0 is the summary itself). */
export const summaryAnchor = (n: number) => (n === 0 ? 'summary' : `summary-${n}`);

export function summaryPages(summary: SetSummary, anchors: ReadonlyMap<string, string>, template: ReportTemplate): string {
  const total = summary.personaCount;
  const [who, shared, differ, suggests] = SUMMARY_HEADINGS;
  return `<section class="page summary" id="${summaryAnchor(0)}">
  <h1 class="section-title">${SUMMARY_TITLE}</h1>
  ${tiles(summary)}
  <h2 id="${summaryAnchor(1)}">${who}</h2>
  <p class="lead">${escape(summary.prose.who)}</p>
  ${summary.segments.length ? `<div class="segments">${summary.segments.map((s) => segment(s, total)).join('')}</div>` : ''}
  <h2 id="${summaryAnchor(2)}">${shared}</h2>
  <p>${escape(summary.prose.shared)}</p>
  ${themes(summary, anchors)}
  <h2 id="${summaryAnchor(3)}">${differ}</h2>
  ${ownProse(summary, summary.prose.differ, summary.differences.length)}
  ${summary.differences.length ? `<ul class="differences">${summary.differences.map((d) => `<li><strong>${escape(d.label)}:</strong> ${escape(d.detail)}</li>`).join('')}</ul>` : ''}
  <h2 id="${summaryAnchor(4)}">${suggests}</h2>
  ${ownProse(summary, summary.prose.suggests, summary.implications.length)}
  ${summary.implications.length ? `<ol class="implications">${summary.implications.map((i) => `<li>${escape(i)}</li>`).join('')}</ol>` : ''}
  <p class="method">${method(summary, template)}</p>
</section>`;
}

function tiles(summary: SetSummary): string {
  const ages = summary.segments.find((s) => s.by === 'age');
  const places = summary.segments.find((s) => s.by === 'place');
  const needs = summary.themes.length;
  const rows: Array<[string, string]> = [
    [String(summary.personaCount), summary.personaCount === 1 ? 'persona' : 'personas'],
    [String(ages?.groups.filter((g) => g.personaIds.length > 0).length ?? 0), 'age bands covered'],
    [String(places?.groups.length ?? 0), places?.groups.length === 1 ? 'place' : 'places'],
    // One persona shares nothing with anyone: its themes are its own needs and pain points.
    [String(needs), summary.personaCount < 2 ? (needs === 1 ? 'need or pain point' : 'needs and pain points') : needs === 1 ? 'shared theme' : 'shared themes'],
  ];
  return `<div class="tiles">${rows.map(([value, what]) => `<div class="tile"><span class="value">${escape(value)}</span><span class="what">${escape(what)}</span></div>`).join('')}</div>`;
}

/** The bars a segment shows; the rest are summed in a line, so the counts always add up to the set. */
export const SEGMENT_BARS = 6;

function segment(s: SetSummary['segments'][number], total: number): string {
  const held = s.groups.filter((g) => g.personaIds.length > 0);
  const groups = held.slice(0, SEGMENT_BARS);
  const rest = held.slice(SEGMENT_BARS);
  const restCount = rest.reduce((sum, g) => sum + g.personaIds.length, 0);
  const more = rest.length ? `<li class="more"><span class="what">${rest.length} more (${rest.map((g) => escape(g.label)).join(', ')})</span><span class="num">${restCount}</span></li>` : '';
  return `<figure class="segment" style="margin:0"><p class="label">${escape(s.label)}</p><ul>${groups
    .map((g) => `<li><span class="what">${escape(g.label)}</span><span class="meter"><span style="width:${total ? (g.personaIds.length / total) * 100 : 0}%"></span></span><span class="num">${g.personaIds.length}</span></li>`)
    .join('')}${more}</ul></figure>`;
}

/**
 * A paragraph the list under it does not already say: composed prose for differences and
 * suggestions is that list in sentences, so only a model's prose (or prose with no list) is shown.
 */
function ownProse(summary: SetSummary, prose: string, listed: number): string {
  return summary.method === 'model' || listed === 0 ? `<p>${escape(prose)}</p>` : '';
}

/** The themes the table shows; smaller ones follow in a line, so every theme is there without a long table. */
const THEMES_IN_TABLE = 8;

function themes(summary: SetSummary, anchors: ReadonlyMap<string, string>): string {
  if (summary.themes.length === 0) return '<p class="muted">No need or pain point is held by more than one persona in the same terms.</p>';
  const total = summary.personaCount;
  const shown = summary.themes.slice(0, THEMES_IN_TABLE);
  const rest = summary.themes.slice(THEMES_IN_TABLE);
  const more = rest.length ? `<p class="more-themes">Also shared: ${rest.map((t) => `${escape(t.label)} (${themeKindWord(t.kind)}, ${t.personaIds.length} of ${total})`).join('; ')}.</p>` : '';
  const rows = shown.map((t) => {
    const anchor = anchors.get(t.quote.personaId);
    const by = anchor ? `<a href="#${anchor}">${escape(t.quote.personaName)}</a>` : escape(t.quote.personaName);
    return `<tr><td class="theme">${escape(t.label)}<span class="kind ${t.kind}">${t.kind === 'need' ? 'Need' : 'Pain point'}</span></td><td class="held"><span class="meter"><span style="width:${total ? (t.personaIds.length / total) * 100 : 0}%"></span></span><span class="count">${t.personaIds.length} of ${total}</span></td><td class="quote"><span dir="auto">“${escape(t.quote.text)}”</span> <span class="by">— ${by}</span></td></tr>`;
  });
  return `<table class="themes"><thead><tr><th>Theme</th><th>Held by</th><th>In their words</th></tr></thead><tbody>${rows.join('')}</tbody></table>${more}`;
}

/**
 * How the summary was made; why a model's prose was not used only in the internal report. A model
 * writes only the paragraphs: the segments, themes, differences and suggestions listed are composed
 * here either way, so the line says so rather than crediting the model with them.
 */
export function method(summary: SetSummary, template: ReportTemplate): string {
  const facts = 'Every count and quote is taken from the personas in this report.';
  if (summary.method === 'model') return `The paragraphs were written by ${escape(summary.writtenBy ?? 'a model')} from the grouped facts; the segments, themes, differences and numbered suggestions were composed by grouping the personas’ own goals, pain points and profiles. ${facts}`;
  const fallback = summary.fallbackReason && template === 'internal' ? ` (A model’s summary was not used: ${escape(summary.fallbackReason)}.)` : '';
  return `Summary composed by grouping the personas’ own goals, pain points and profiles. ${facts}${fallback}`;
}
