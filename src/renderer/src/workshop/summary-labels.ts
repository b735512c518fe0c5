/** The executive summary in words: how it was made, the four paragraphs' headings, theme counts and segment shares. Pure, so tested without a page. */
import type { SetSummary, SummarySegment, SummaryTheme } from '../../../shared/summary';

/** The four paragraphs in reading order, each with the heading the panel gives it. */
export const PROSE_SECTIONS: ReadonlyArray<{ key: keyof SetSummary['prose']; title: string }> = [
  { key: 'who', title: 'Who they are' },
  { key: 'shared', title: 'What they share' },
  { key: 'differ', title: 'Where they differ' },
  { key: 'suggests', title: 'What it suggests' },
];

/**
 * How the summary was made, said plainly: composed by the app, or its paragraphs written by a named
 * model. A model writes only the four paragraphs; the themes, counts, quotes and segments are
 * always grouped from the personas' own fields, so the label never credits the model with them.
 */
export function methodLabel(summary: Pick<SetSummary, 'method' | 'writtenBy'>): string {
  if (summary.method === 'grouped') return "Composed from the personas' own fields";
  return `Paragraphs written by ${summary.writtenBy?.trim() || 'a model'}; counts and quotes from the personas' own fields`;
}

/** "4 of 5": how many of the set hold a theme. */
export function themeCountLabel(theme: Pick<SummaryTheme, 'personaIds'>, personaCount: number): string {
  return `${new Set(theme.personaIds).size} of ${personaCount}`;
}

/** Themes shown before "Show all": the most widely held, which the summary lists first. */
export const THEMES_SHOWN = 5;

export const THEME_KIND_LABELS: Record<SummaryTheme['kind'], string> = { need: 'Need', pain: 'Pain point' };

/** A share from 0 to 1, never past the ends (a summary read while a persona was added may count one more than it knew). */
export function share(count: number, total: number): number {
  return total > 0 ? Math.min(1, Math.max(0, count / total)) : 0;
}

export interface SegmentGroupShare {
  label: string;
  count: number;
  /** Of the personas in any group of the segment, 0 to 1. */
  share: number;
}

/** A segment's groups with their counts and shares, largest first (ties keep the summary's order); empty groups left out. */
export function segmentShares(segment: Pick<SummarySegment, 'groups'>): SegmentGroupShare[] {
  const counted = segment.groups.map((g) => ({ label: g.label, count: new Set(g.personaIds).size })).filter((g) => g.count > 0);
  const total = counted.reduce((sum, g) => sum + g.count, 0);
  return counted.map((g) => ({ ...g, share: share(g.count, total) })).sort((a, b) => b.count - a.count);
}

/** The themes' heading: one persona shares nothing with anyone, so its themes are its own. */
export function themesTitle(summary: Pick<SetSummary, 'personaCount'>): string {
  return summary.personaCount < 2 ? 'Needs and pain points' : 'Shared needs and pain points';
}

/** What the collapsed header says in one line: "3 shared themes · 2 segments" ("3 themes" for one persona). */
export function summaryGist(summary: Pick<SetSummary, 'themes' | 'segments'> & Partial<Pick<SetSummary, 'personaCount'>>): string {
  const parts: string[] = [];
  const themes = summary.themes.length;
  const segments = summary.segments.length;
  const shared = summary.personaCount !== undefined && summary.personaCount < 2 ? '' : 'shared ';
  if (themes > 0) parts.push(`${themes} ${shared}${themes === 1 ? 'theme' : 'themes'}`);
  if (segments > 0) parts.push(`${segments} ${segments === 1 ? 'segment' : 'segments'}`);
  return parts.join(' · ');
}
