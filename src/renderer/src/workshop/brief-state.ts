/**
 * The brief being composed and its options: kept across screens and reloads (localStorage, read
 * defensively: a stored value that is not what we wrote falls back to the default, field by field),
 * and filled from a run that is opened, so the composer always says what the results came from.
 */
import { create } from 'zustand';
import { createJSONStorage, persist, type StateStorage } from 'zustand/middleware';
import type { BriefInput } from '../../../shared/brief';
import type { RunDetail } from '../../../shared/ipc/types';
import { LEVELS, PROVIDER_IDS, type Level, type ProviderId } from '../../../shared/vocabulary';

/** What the form holds; numbers as typed, so a field can be cleared and retyped. */
export interface BriefDraft {
  description: string;
  count: string;
  level: Level;
  segment: string;
  location: string;
  ageMin: string;
  ageMax: string;
  provider: ProviderId | '';
  seed: string;
}

const DEFAULT_DRAFT: BriefDraft = {
  description: 'Eco-friendly meal-kit delivery for busy parents in Lyon',
  count: '5',
  level: 'standard',
  segment: '',
  location: '',
  ageMin: '',
  ageMax: '',
  provider: '',
  seed: '',
};

// Twice the brief's 4000 code points: a length in UTF-16 units, generous for any text the form accepted.
const MAX_TEXT = 8000;
const NUMBER_AS_TYPED = /^\d{0,10}$/;

const text = (value: unknown, fallback: string) => (typeof value === 'string' && value.length <= MAX_TEXT ? value : fallback);
const digits = (value: unknown, fallback: string) => (typeof value === 'string' && NUMBER_AS_TYPED.test(value) ? value : fallback);
const oneOf = <T extends string>(values: readonly T[], value: unknown, fallback: T): T => values.find((v) => v === value) ?? fallback;

/** A stored draft as far as it can be trusted. */
function parseDraft(stored: unknown): BriefDraft {
  const d: Record<string, unknown> = stored && typeof stored === 'object' && !Array.isArray(stored) ? (stored as Record<string, unknown>) : {};
  return {
    description: text(d.description, DEFAULT_DRAFT.description),
    count: digits(d.count, DEFAULT_DRAFT.count),
    level: oneOf(LEVELS, d.level, DEFAULT_DRAFT.level),
    segment: text(d.segment, ''),
    location: text(d.location, ''),
    ageMin: digits(d.ageMin, ''),
    ageMax: digits(d.ageMax, ''),
    provider: oneOf<ProviderId | ''>(PROVIDER_IDS, d.provider, ''),
    seed: digits(d.seed, ''),
  };
}

/** The draft as the run's brief recorded it (its seed included, so Generate can replay it). */
function draftOfRun(run: RunDetail): BriefDraft {
  const brief = run.document?.brief ?? run.brief;
  return {
    description: brief.description,
    count: String(brief.count),
    level: brief.level,
    segment: brief.segment ?? '',
    location: brief.location ?? '',
    ageMin: brief.ageRange ? String(brief.ageRange[0]) : '',
    ageMax: brief.ageRange ? String(brief.ageRange[1]) : '',
    provider: oneOf<ProviderId | ''>(PROVIDER_IDS, run.provider, ''),
    seed: brief.seed === undefined ? '' : String(brief.seed),
  };
}

/** What generation:run is asked; the core checks every field and names the one at fault. */
export function briefOfDraft(draft: BriefDraft): BriefInput {
  const brief: BriefInput = { description: draft.description, count: Number(draft.count), level: draft.level };
  if (draft.location.trim()) brief.location = draft.location.trim();
  if (draft.segment.trim()) brief.segment = draft.segment.trim();
  if (draft.ageMin && draft.ageMax) brief.ageRange = [Number(draft.ageMin), Number(draft.ageMax)];
  if (draft.seed) brief.seed = Number(draft.seed);
  return brief;
}

/** localStorage that never throws: with storage off or full, the draft lasts for the session. */
const safeLocalStorage: StateStorage = {
  getItem(name) {
    try {
      return localStorage.getItem(name);
    } catch {
      return null;
    }
  },
  setItem(name, value) {
    try {
      localStorage.setItem(name, value);
    } catch {
      // Nothing to do: the draft is still in memory.
    }
  },
  removeItem(name) {
    try {
      localStorage.removeItem(name);
    } catch {
      // As above.
    }
  },
};

interface BriefState {
  draft: BriefDraft;
  /** Whether the draft came from storage (a reload): then it, not the run reopened, is what the user left. */
  restored: boolean;
  update: (change: Partial<BriefDraft>) => void;
  fillFromRun: (run: RunDetail) => void;
}

export const useBriefState = create<BriefState>()(
  persist(
    (set, get) => ({
      draft: DEFAULT_DRAFT,
      restored: false,
      update: (change) => set({ draft: { ...get().draft, ...change } }),
      fillFromRun: (run) => set({ draft: draftOfRun(run) }),
    }),
    {
      name: 'persona-studio:brief',
      storage: createJSONStorage(() => safeLocalStorage),
      partialize: (state) => ({ draft: state.draft }),
      merge: (stored, current) => {
        const draft = stored && typeof stored === 'object' && 'draft' in stored ? stored.draft : undefined;
        return draft === undefined ? current : { ...current, draft: parseDraft(draft), restored: true };
      },
    },
  ),
);
