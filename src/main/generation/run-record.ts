/** What a generation leaves behind, and where it goes: the workshops module's store implements RunStore. */
import type { TracePhase } from '../../shared/metrics';
import type { Brief, Level, Persona, ValidationReport } from '../../shared/persona';
import type { RunSummary, WorkshopSummary } from '../../shared/workshop';

export interface NewRun {
  workshopId: string;
  brief: Brief;
  status: RunSummary['status'];
  provider: string;
  level: Level;
  count: number;
  seed: number | null;
  startedAt: string;
  durationMs: number;
  qualityScore: number | null;
  report: ValidationReport | null;
  error: string | null;
  /** Each persona must carry its id; they are stored in this order. */
  personas: readonly Persona[];
  /** Milliseconds per phase of the generation, for the report's appendix. */
  phases?: Partial<Record<TracePhase, number>>;
  /** The generation cache entry the personas were stored or served under, so that deleting the run can purge it. */
  cacheKey?: string | null;
}

export interface RunStore {
  /** The workshop runs go to when the caller names none: the one the user chose last. */
  currentWorkshopId(): string;
  getWorkshop(id: string): WorkshopSummary | undefined;
  /** Writes the run and its personas in one transaction. */
  saveRun(run: NewRun): RunSummary;
}

/** Longest title made from a brief, in characters, before it is cut at a word. */
const TITLE_MAX = 60;
const MIN_CLAUSE = 12;

/**
 * A run's title when the user gave none: the brief's first clause (up to a sentence end, a semicolon,
 * a colon or a dash), cut at a word boundary near 60 characters, with a capital first letter.
 */
export function titleFromBrief(description: string): string {
  const text = description.replace(/\s+/g, ' ').trim();
  const clause = /^(.+?)(?:[.!?](?:\s|$)|[;:]|\s[–—-]\s)/.exec(text)?.[1]?.trim() ?? text;
  // A clause too short to say anything ("B2B:") gives way to the whole brief.
  let title = clause.length >= MIN_CLAUSE ? clause : text;
  if ([...title].length > TITLE_MAX) {
    const cut = [...title].slice(0, TITLE_MAX + 1).join('');
    const atWord = cut.slice(0, cut.lastIndexOf(' '));
    title = `${(atWord.length >= TITLE_MAX / 2 ? atWord : [...title].slice(0, TITLE_MAX).join('')).replace(/[\s,;:.–—-]+$/, '')}…`;
  }
  return title.charAt(0).toLocaleUpperCase() + title.slice(1);
}
