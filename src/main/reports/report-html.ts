/**
 * The workshop report as one self-contained HTML page with print CSS: a cover with the workshop's
 * identity, a contents page, the executive summary, the personas (an overview, then a page each),
 * the run's interviews, focus groups and concept tests, and for the team an appendix on how the run
 * was made. Only the section and entry titles are headings (h1, h2): Chromium makes a PDF bookmark
 * of each, and the contents page lists the same ones with the pages a first printing put them on.
 */
import type { RunDetail } from '../../shared/ipc/types';
import type { SetSummary } from '../../shared/summary';
import { DEFAULT_ACCENT, type PaperSize, type ReportTemplate } from '../../shared/vocabulary';
import type { WorkshopLogo } from '../../shared/workshop';
import type { RunConversations } from '../asking';
import { APPENDIX_TITLE, appendixPage } from './report-appendix';
import { ASKING_CSS, askingSections } from './asking-html';
import { clipAtWord, contentsPage, coverPage, longDate, type ContentsEntry, type CoverFacts } from './report-cover';
import { reportCss } from './report-css';
import { escape } from './html-escape';
import { PERSONAS_TITLE, personaAnchor, personaPage, personasOverview } from './report-persona-html';
import { SUMMARY_HEADINGS, SUMMARY_TITLE, summaryAnchor, summaryPages, themeKindWord } from './report-summary-html';

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
  return prepareReport(input).outline;
}

/**
 * The report as one HTML page. `pages` holds the page each entry of reportOutline() starts on, read
 * from a first printing; null on that first printing (the contents page then shows placeholders of
 * the same width, so the second printing lays out the same).
 */
export function renderReportHtml(input: ReportInput, pages: readonly number[] | null = null): string {
  return prepareReport(input).html(pages);
}

/** A report laid out once: its outline, and its page for the pages a printing gave (only the contents page depends on them). */
export interface PreparedReport {
  outline: OutlineEntry[];
  html(pages: readonly number[] | null): string;
}

/** Builds every part of the report but the contents page once, for its outline and each printing (printPagedReport prints it twice). */
export function prepareReport(input: ReportInput): PreparedReport {
  const { run, asked, summary, template } = input;
  const personas = run.document?.personas ?? [];
  const anchors = new Map(personas.flatMap((p, i) => (p.id ? [[p.id, personaAnchor(i)] as const] : [])));
  const lang = contentLanguage(run);
  const asking = asked ? askingSections(asked, anchors, template) : null;
  const entries = contentsEntries(input, asking?.headings ?? []);
  const cover = coverPage(coverFacts(input));
  const rest = [
    summary ? summaryPages(summary, anchors, template) : '',
    personasOverview(personas, run.brief, lang),
    ...personas.map((p, i) => personaPage(p, i, personas.length, template, lang)),
    asking ? asking.html : '',
    template === 'internal' ? appendixPage(run, personas) : '',
  ];
  return {
    outline: [{ title: run.title, level: 1 }, { title: 'Contents', level: 1 }, ...entries.map(({ title, level }) => ({ title, level }))],
    // The first two outline entries are the cover's title and "Contents" itself.
    html: (pages) => document(input, [cover, contentsPage(entries, pages ? pages.slice(2) : null), ...rest].join('\n')),
  };
}

/** The cover alone, as the report prints it: Settings previews a workshop's branding with it. */
export function renderCoverHtml(workshop: ReportWorkshop, sample: { title: string; brief: string; personas: number; generatedAt: Date; template: ReportTemplate; paper: PaperSize; fontFaces?: string }): string {
  const cover = coverPage({ workshop: workshop.name, client: workshop.client, logo: workshop.logo, title: sample.title, brief: sample.brief, template: sample.template, generatedAt: sample.generatedAt, facts: [['Personas', String(sample.personas)], ['Date', longDate(sample.generatedAt)]], highlights: [], holds: ['Executive summary', `${sample.personas} persona ${sample.personas === 1 ? 'profile' : 'profiles'}`] });
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${escape(sample.title)}</title><style>${sample.fontFaces ?? ''}${reportCss({ accent: workshop.accent ?? DEFAULT_ACCENT, paper: sample.paper, footer: '' })}</style></head>
<body>${cover}</body>
</html>`;
}

function document(input: ReportInput, body: string): string {
  const { run, workshop } = input;
  const footer = runningFooter([workshop.client, workshop.name, run.title]);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escape(run.title)} · ${escape(workshop.name)}</title>
<style>${input.fontFaces ?? ''}${reportCss({ accent: workshop.accent ?? DEFAULT_ACCENT, paper: input.paper, footer })}${ASKING_CSS}</style>
</head>
<body>
${body}
</body>
</html>`;
}

/** The longest the running footer may be, in characters, and what stands between its parts. */
const FOOTER_MAX = 100;
const SEPARATOR = ' · ';

/**
 * The running footer (client · workshop · run title) on one line: a margin box wraps long text onto
 * a second line that runs into the page number, so a footer too long for one line has its longest
 * parts shortened at a word.
 */
export function runningFooter(parts: ReadonlyArray<string | null>): string {
  const given = parts.filter((p): p is string => Boolean(p?.trim())).map((p) => p.replace(/\s+/g, ' ').trim());
  const lengths = given.map((p) => [...p].length);
  // The room is shared out shortest part first: a short part keeps all of its text, the long ones share what is left.
  let left = FOOTER_MAX - SEPARATOR.length * Math.max(0, given.length - 1);
  const room = new Array<number>(given.length).fill(0);
  [...given.keys()]
    .sort((a, b) => lengths[a]! - lengths[b]!)
    .forEach((i, k) => {
      room[i] = Math.min(lengths[i]!, Math.floor(left / (given.length - k)));
      left -= room[i]!;
    });
  return given.map((p, i) => clipAtWord(p, room[i]!)).join(SEPARATOR);
}

/** The contents page's entries: every level-1 and level-2 heading after it, in order (`asking`, the asking sections' headings). */
function contentsEntries(input: ReportInput, asking: readonly ContentsEntry[]): ContentsEntry[] {
  const personas = input.run.document?.personas ?? [];
  const entries: ContentsEntry[] = [];
  if (input.summary) {
    entries.push({ title: SUMMARY_TITLE, level: 1, anchor: summaryAnchor(0) });
    SUMMARY_HEADINGS.forEach((title, i) => entries.push({ title, level: 2, anchor: summaryAnchor(i + 1) }));
  }
  entries.push({ title: PERSONAS_TITLE, level: 1, anchor: 'personas' });
  personas.forEach((p, i) => entries.push({ title: p.name, level: 2, anchor: personaAnchor(i) }));
  entries.push(...asking);
  if (input.template === 'internal') entries.push({ title: APPENDIX_TITLE, level: 1, anchor: 'appendix' });
  return entries;
}

function coverFacts({ run, workshop, generatedAt, template, summary, asked }: ReportInput): CoverFacts {
  const personas = run.document?.personas ?? [];
  const ages = personas.map((p) => p.age);
  const facts: Array<readonly [string, string]> = [
    ['Personas', String(personas.length)],
    ['Market', run.brief.location ?? ([...new Set(personas.map((p) => p.location.country))].join(', ') || '—')],
    ['Ages', ages.length ? (Math.min(...ages) === Math.max(...ages) ? String(ages[0]) : `${Math.min(...ages)}–${Math.max(...ages)}`) : '—'],
    ['Date', longDate(generatedAt)],
  ];
  if (template === 'internal') facts.push(['Engine', `${run.provider === 'offline' ? 'Built-in' : run.provider}${run.seed !== null ? ` · seed ${run.seed}` : ''}`], ['Level', run.level], ['Fit to the brief', `${run.qualityScore ?? '—'} / 100`], ['Run started', longDate(new Date(run.startedAt))]);
  const highlights = (summary?.themes ?? []).slice(0, 3).map((t) => ({ count: `${t.personaIds.length} of ${summary!.personaCount}`, label: `${t.label} (${themeKindWord(t.kind)})` }));
  const counted = (n: number, one: string, many: string) => (n > 0 ? [`${n} ${n === 1 ? one : many}`] : []);
  const holds = [
    ...(summary ? ['Executive summary'] : []),
    ...counted(personas.length, 'persona profile', 'persona profiles'),
    ...counted(asked?.interviews.length ?? 0, 'interview', 'interviews'),
    ...counted(asked?.focusGroups.length ?? 0, 'focus group', 'focus groups'),
    ...counted(asked?.conceptTests.length ?? 0, 'concept test', 'concept tests'),
    ...(template === 'internal' ? [APPENDIX_TITLE] : []),
  ];
  // One persona shares nothing with anyone: its themes are its own needs and pain points.
  const highlightsTitle = (summary?.personaCount ?? personas.length) < 2 ? 'What they need most' : 'What they share most';
  return { workshop: workshop.name, client: workshop.client, logo: workshop.logo, title: run.title, brief: run.brief.description, template, generatedAt, facts, highlights, highlightsTitle, holds };
}

/** The personas' language when the brief names one other than English: their pages say so, for screen readers and hyphenation. */
function contentLanguage(run: RunDetail): string | null {
  const language = run.brief.language;
  return language && language !== 'en' ? language : null;
}
