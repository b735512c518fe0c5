/**
 * The report's first two pages: a cover with the workshop's identity (logo, accent, client, run
 * title, date) and a contents page whose page numbers come from a first printing (report-html.ts).
 */
import type { ReportTemplate } from '../../shared/vocabulary';
import type { WorkshopLogo } from '../../shared/workshop';
import { escape } from './html-escape';

export interface CoverFacts {
  workshop: string;
  client: string | null;
  logo: WorkshopLogo | null;
  title: string;
  brief: string;
  template: ReportTemplate;
  generatedAt: Date;
  /** Label and value pairs under the brief (personas, market, ages, and for the team, the engine). */
  facts: ReadonlyArray<readonly [string, string]>;
  /** The most shared themes, each with how many hold it ("7 of 10"), from the summary. */
  highlights: ReadonlyArray<{ count: string; label: string }>;
  /** The highlights' heading ("What they share most"; with one persona, nothing is shared). */
  highlightsTitle?: string;
  /** What the report holds ("10 persona profiles", "1 focus group"). */
  holds: readonly string[];
}

/** "6 December 2026": a date a client reads the same wherever the report was made. */
export function longDate(date: Date): string {
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

export function coverPage(cover: CoverFacts): string {
  const logo = cover.logo ? `<img class="logo" src="data:${cover.logo.mimeType};base64,${cover.logo.base64}" alt="${escape(cover.client ?? cover.workshop)} logo">` : '<span></span>';
  const kind = cover.template === 'client' ? 'Persona workshop report' : 'Internal workshop report';
  return `<section class="cover" id="cover">
  <div class="cover-top">${logo}<p class="report-kind">${kind}</p></div>
  <div class="cover-band">
    <p class="workshop">${escape(cover.workshop)}</p>
    <h1>${escape(cover.title)}</h1>
    ${cover.client ? `<p class="for">Prepared for ${escape(cover.client)}</p>` : ''}
  </div>
  <div class="cover-body">
    ${sameText(cover.brief, cover.title) ? '' : `<p class="brief">${escape(briefOnCover(cover.brief))}</p>`}
    <dl class="cover-facts">${cover.facts.map(([label, value]) => `<div><dt>${escape(label)}</dt><dd>${escape(value)}</dd></div>`).join('')}</dl>
    <div class="cover-more">
      ${cover.highlights.length ? `<div><p class="label">${escape(cover.highlightsTitle ?? 'What they share most')}</p><ul class="highlights">${cover.highlights.map((h) => `<li><span class="count">${escape(h.count)}</span>${escape(h.label)}</li>`).join('')}</ul></div>` : ''}
      <div><p class="label">In this report</p><ul class="holds">${cover.holds.map((h) => `<li>${escape(h)}</li>`).join('')}</ul></div>
    </div>
    <div class="cover-foot"><span></span><span>${cover.template === 'client' ? (cover.client ? `Confidential · prepared for ${escape(cover.client)}` : 'Confidential') : 'Internal · includes how the run was made'}</span></div>
  </div>
</section>`;
}

/**
 * Whether the brief says nothing the title does not: a title made from the whole brief is not
 * repeated under it. A title that is only the brief's first clause or its first words (cut with
 * "…") leaves the rest unsaid, so the brief is printed whole: the client reads what was asked.
 */
export const sameText = (brief: string, title: string) => {
  const plain = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return plain(brief) === plain(title);
};

/** The most of a brief the cover prints, in characters: a longer one (up to 4000) would push the facts off the page. */
export const COVER_BRIEF_MAX = 420;

/** The brief as the cover prints it: whole, or cut at a word with "…" (the personas' overview then prints it whole). */
export const briefOnCover = (brief: string): string => clipAtWord(brief, COVER_BRIEF_MAX);
/** Whether the cover prints only the brief's start. */
export const briefCutOnCover = (brief: string): boolean => [...brief.replace(/\s+/g, ' ').trim()].length > COVER_BRIEF_MAX;

/** Text on one line (whitespace collapsed), cut at the last word that fits in `max` characters with "…" when longer. */
export function clipAtWord(text: string, max: number): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  if (chars.length <= max) return chars.join('');
  const cut = chars.slice(0, max - 1).join('');
  const atWord = cut.slice(0, cut.lastIndexOf(' '));
  return `${(atWord.length >= max / 2 ? atWord : cut).replace(/[\s,;:.·–—-]+$/, '')}…`;
}

export interface ContentsEntry {
  title: string;
  level: 1 | 2;
  anchor: string;
}

/**
 * The contents page: an entry per heading after it, with the page it starts on. Without pages (the
 * first printing) each number is a placeholder in the same fixed-width column, so nothing moves.
 */
export function contentsPage(entries: readonly ContentsEntry[], pages: readonly number[] | null): string {
  return `<section class="page contents" id="contents">
  <h1 class="section-title">Contents</h1>
  <ol class="toc">${entries
    .map((entry, i) => `<li class="l${entry.level}"><a href="#${entry.anchor}"><span class="title">${escape(entry.title)}</span><span class="page-no">${pages ? pages[i] ?? '' : '00'}</span></a></li>`)
    .join('')}</ol>
</section>`;
}
