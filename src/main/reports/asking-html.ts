/**
 * The report's pages for what was asked of the run's personas: a page per interview (the questions
 * and answers), per focus group (the answers side by side, then the themes with quotes, who agrees
 * and who objects) and per concept test (the likelihood distribution as an inline SVG bar chart, the
 * top reasons and objections, the segments that differ, each persona's verdict), and a comparison
 * when several concepts were tested. Every quote links to its persona's page. No script, no
 * external request: the page stays self-contained.
 */
import type { Answer, ConceptTest, FocusGroup, Interview } from '../../shared/conversations';
import type { RunConversations } from '../asking';
import type { ReportTemplate } from '../../shared/vocabulary';
import { escape } from './html-escape';
import { engineName } from './report-appendix';
import { clipAtWord, longDate } from './report-cover';

/** Persona id → its page's anchor ("persona-3"). */
export type PersonaAnchors = ReadonlyMap<string, string>;

/** A heading of these sections, for the report's contents and bookmarks. */
export interface AskingHeading {
  title: string;
  level: 1 | 2;
  anchor: string;
}

export interface AskingSections {
  html: string;
  headings: AskingHeading[];
}

/** Interviews, focus groups and concept tests, oldest first: a section each (a level-1 heading) with a page per item (a level-2 heading). */
export function askingSections(asked: RunConversations, anchors: PersonaAnchors, template: ReportTemplate): AskingSections {
  const headings: AskingHeading[] = [];
  const pages: string[] = [];
  const section = <T>(title: string, key: string, items: readonly T[], page: (item: T, index: number, heading: HeadingMarkup) => string, itemTitle: (item: T, index: number) => string) => {
    items.forEach((item, index) => {
      const anchor = `${key}-${index + 1}`;
      if (index === 0) headings.push({ title, level: 1, anchor: key });
      const whole = itemTitle(item, index);
      const title2 = headline(whole);
      headings.push({ title: title2, level: 2, anchor });
      const opener = index === 0 ? `<h1 class="section-title" id="${key}">${escape(title)}</h1>` : '';
      pages.push(page(item, index, { opener, h2: `<h2 id="${anchor}">${escape(title2)}</h2>`, full: title2 === whole.replace(/\s+/g, ' ').trim() ? '' : whole, template }));
    });
  };
  const tests = [...asked.conceptTests].reverse();
  section('Interviews', 'interviews', [...asked.interviews].reverse(), (i, _n, h) => interviewPage(i, anchors, h), (i) => `${i.title} (${i.personaName})`);
  section('Focus groups', 'focus-groups', [...asked.focusGroups].reverse(), (g, _n, h) => focusGroupPage(g, anchors, h), (g) => g.question);
  section('Concept tests', 'concept-tests', tests, (t, n, h) => conceptPage(t, n + 1, anchors, h), (t, n) => `Concept ${n + 1}: ${t.concept.text}`);
  if (tests.length > 1) {
    headings.push({ title: 'The concepts side by side', level: 2, anchor: 'concepts-compared' });
    pages.push(comparisonPage(tests));
  }
  return { html: pages.join('\n'), headings };
}

interface HeadingMarkup {
  /** The section's level-1 heading on its first page, else empty. */
  opener: string;
  h2: string;
  /** The full question or concept when the heading had to shorten it, else empty. */
  full: string;
  template: ReportTemplate;
}

/** A heading short enough for the contents line and a bookmark: the full text stays on the page. */
const headline = (text: string): string => clipAtWord(text, 90);

function who(personaId: string, name: string, anchors: PersonaAnchors): string {
  const anchor = anchors.get(personaId);
  return anchor ? `<a href="#${anchor}">${escape(name)}</a>` : escape(name);
}

/** Who answered: the engines in the internal report; the client reads only that answers are simulated. */
function engineNote(answers: ReadonlyArray<{ source: Answer['source'] }>, template: ReportTemplate): string {
  if (answers.length === 0) return '';
  if (template === 'client') return '<p class="engine">Answers are simulated from each persona’s profile and the brief: they suggest what to explore with real customers.</p>';
  const engines = [...new Set(answers.map((a) => (a.source.engine === 'offline' ? 'offline' : `${a.source.engine}${a.source.model ? ` (${a.source.model})` : ''}`)))];
  if (engines.length === 0) return '';
  const offline = engines.includes('offline') ? ' Offline answers are drawn from each persona’s profile and the brief only.' : '';
  return `<p class="engine">Answered by ${engines.map((e) => escape(engineName(e))).join(' and ')}.${offline}</p>`;
}

function answerText(answer: Answer): string {
  const text = answer.text.trim() ? `“${escape(answer.text)}”` : '<em>No answer.</em>';
  return `${text}${answer.cut ? ` <span class="cut">(cut: ${escape(answer.cutReason ?? 'stopped before its end')})</span>` : ''}`;
}

function interviewPage(interview: Interview, anchors: PersonaAnchors, heading: HeadingMarkup): string {
  return `<section class="page asking">
  ${heading.opener}
  <p class="kicker">Interview</p>
  ${heading.h2}
  ${heading.full ? `<p class="asked">${escape(heading.full)}</p>` : ''}
  <p class="who">With ${who(interview.personaId, interview.personaName, anchors)} · ${interview.turns} ${interview.turns === 1 ? 'question' : 'questions'} · ${escape(longDate(new Date(interview.updatedAt)))}</p>
  ${engineNote(interview.history.map((t) => t.answer), heading.template)}
  <dl class="turns">${interview.history
    .map((t) => `<div><dt>Question</dt><dd>${escape(t.question)}</dd></div><div><dt>${who(interview.personaId, interview.personaName, anchors)}</dt><dd class="quote">${answerText(t.answer)}</dd></div>`)
    .join('')}</dl>
</section>`;
}

function focusGroupPage(group: FocusGroup, anchors: PersonaAnchors, heading: HeadingMarkup): string {
  const names = new Map(group.answers.map((a) => [a.personaId, a.personaName]));
  const people = (ids: readonly string[]) => (ids.length ? ids.map((id) => who(id, names.get(id) ?? id, anchors)).join(', ') : '—');
  const { summary } = group;
  return `<section class="page asking">
  ${heading.opener}
  <p class="kicker">Focus group</p>
  ${heading.h2}
  ${heading.full ? `<p class="asked">${escape(heading.full)}</p>` : ''}
  <p class="who">${group.answers.length} ${group.answers.length === 1 ? 'persona' : 'personas'} · ${escape(longDate(new Date(group.askedAt)))}</p>
  ${engineNote(group.answers.map((a) => a.answer), heading.template)}
  <table class="glance answers"><thead><tr><th>Persona</th><th>Answer</th></tr></thead><tbody>${group.answers
    .map((a) => `<tr><td>${who(a.personaId, a.personaName, anchors)}</td><td class="quote">${answerText(a.answer)}</td></tr>`)
    .join('')}</tbody></table>
  <p class="label">Summary</p>
  ${summary.themes.length ? `<ul class="themes">${summary.themes.map((t) => `<li><strong>${escape(t.label)}</strong> (${people(t.personaIds)})${t.quotes.length ? `<ul>${t.quotes.map((q) => `<li class="quote">“${escape(q.text)}” — ${who(q.personaId, q.personaName, anchors)}</li>`).join('')}</ul>` : ''}</li>`).join('')}</ul>` : '<p>No themes stood out.</p>'}
  <dl class="facts small"><div><dt>Agree</dt><dd>${people(summary.agree)}</dd></div><div><dt>Object</dt><dd>${people(summary.object)}</dd></div></dl>
</section>`;
}

function conceptPage(test: ConceptTest, index: number, anchors: PersonaAnchors, heading: HeadingMarkup): string {
  const { summary } = test;
  const counted = (rows: ReadonlyArray<{ text: string; count: number }>) => (rows.length ? `<ul>${rows.map((r) => `<li>${escape(r.text)} <span class="num">× ${r.count}</span></li>`).join('')}</ul>` : '<p>None.</p>');
  return `<section class="page asking concept">
  ${heading.opener}
  <p class="kicker">Concept test ${index}</p>
  ${heading.h2}
  ${heading.full ? `<p class="asked">${escape(test.concept.text)}</p>` : ''}
  <p class="who">${test.concept.price ? `Price: ${escape(test.concept.price)} · ` : ''}${test.verdicts.length} ${test.verdicts.length === 1 ? 'persona' : 'personas'} · mean likelihood ${summary.mean.toFixed(1)} of 5 · ${escape(longDate(new Date(test.testedAt)))}</p>
  ${engineNote(test.verdicts, heading.template)}
  <figure class="chart">${likelihoodChart(summary.distribution)}<figcaption>How likely each persona is to buy or use it, from 1 (would not) to 5 (certainly would).</figcaption></figure>
  <div class="blocks"><div class="block"><p class="label">Top reasons</p>${counted(summary.topReasons)}</div><div class="block"><p class="label">Top objections</p>${counted(summary.topObjections)}</div></div>
  ${summary.segments.length ? `<p class="label">Segments that differ</p><table class="glance"><thead><tr><th>By</th><th>Segment</th><th>Mean</th><th>Personas</th></tr></thead><tbody>${summary.segments.map((s) => `<tr><td>${escape(s.by)}</td><td>${escape(s.label)}</td><td class="num">${s.mean.toFixed(1)}</td><td class="num">${s.personas}</td></tr>`).join('')}</tbody></table>` : ''}
  <p class="label">Each persona</p>
  <table class="glance"><thead><tr><th>Persona</th><th>Likelihood</th><th>Why</th><th>What would change their mind</th></tr></thead><tbody>${test.verdicts
    .map((v) => `<tr><td>${who(v.personaId, v.personaName, anchors)}</td><td class="num">${v.likelihood}</td><td class="quote">${[...v.reasons.map((r) => `+ ${escape(r.text)}`), ...v.objections.map((o) => `− ${escape(o.text)}`)].join('<br>') || '—'}${v.rules.length && heading.template === 'internal' ? `<div class="rules">${v.rules.map(escape).join('<br>')}</div>` : ''}</td><td>${escape(v.changeMind) || '—'}</td></tr>`)
    .join('')}</tbody></table>
</section>`;
}

function comparisonPage(tests: readonly ConceptTest[]): string {
  return `<section class="page asking">
  <p class="kicker">Concept tests</p>
  <h2 id="concepts-compared">The concepts side by side</h2>
  <table class="glance"><thead><tr><th>#</th><th>Concept</th><th>Price</th><th>Mean</th><th>1</th><th>2</th><th>3</th><th>4</th><th>5</th></tr></thead><tbody>${tests
    .map((t, i) => `<tr><td>${i + 1}</td><td>${escape(t.concept.text)}</td><td>${escape(t.concept.price ?? '—')}</td><td class="num">${t.summary.mean.toFixed(1)}</td>${t.summary.distribution.map((n) => `<td class="num">${n}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>
</section>`;
}

/** The likelihood distribution as an SVG bar chart: one bar per score, its count above it. */
export function likelihoodChart(distribution: readonly number[]): string {
  const max = Math.max(1, ...distribution);
  const [width, height, base, barWidth] = [340, 170, 140, 44];
  const bars = distribution.map((count, i) => {
    const x = 30 + i * 62;
    const h = Math.round((count / max) * 110);
    return `<rect x="${x}" y="${base - h}" width="${barWidth}" height="${h}" style="fill:var(--accent, #3b5bdb)" rx="3"/><text x="${x + barWidth / 2}" y="${base - h - 6}" text-anchor="middle" font-size="13" fill="#1d1f24">${count}</text><text x="${x + barWidth / 2}" y="${base + 18}" text-anchor="middle" font-size="13" fill="#5f6470">${i + 1}</text>`;
  });
  const label = `Likelihood distribution: ${distribution.map((n, i) => `${n} at ${i + 1}`).join(', ')}`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escape(label)}"><title>${escape(label)}</title><line x1="20" y1="${base}" x2="${width - 10}" y2="${base}" stroke="#c9c6bd"/>${bars.join('')}</svg>`;
}

export const ASKING_CSS = `
.asking .kicker { margin-top: 1mm; }
.asking .label { margin-top: 4mm; }
.asking .engine { color: #5f6470; font-size: 9pt; margin: 0 0 3mm; }
.turns { margin: 0; }
.turns div { margin-bottom: 2.5mm; }
.turns dt { font-weight: 700; font-size: 9.5pt; color: #5f6470; }
.turns dd { margin: 0; }
.quote { font-style: italic; }
.cut { color: #b42318; font-style: normal; font-size: 9pt; }
.themes { padding-left: 5mm; }
.themes ul { padding-left: 5mm; margin: 1mm 0 2mm; }
.chart { margin: 2mm 0 4mm; }
.chart figcaption { color: #5f6470; font-size: 9pt; }
.rules { color: #5f6470; font-size: 8.5pt; font-style: normal; margin-top: 1mm; }
a { color: var(--accent-text); text-decoration: none; }
.asked { font-size: 11pt; font-weight: 600; margin: 0 0 3mm; }
`;
