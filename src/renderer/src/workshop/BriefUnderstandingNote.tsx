/**
 * What the app reads in the brief, shown under it as the user types (after a pause): where the
 * people live and come from, who they are, their ages, the product. A place the app does not know
 * is said plainly, with the choices: the nearest known place, the country only, or no location.
 */
import { useState } from 'react';
import { skipToken, useQuery } from '@tanstack/react-query';
import type { BriefUnderstanding } from '../../../shared/brief';
import { useApi } from '../app/api-context';
import { queryKeys } from '../app/query-keys';
import { useSettledValue } from '../ui/useSettledValue';
import { briefOfDraft, useBriefState, type BriefDraft } from './brief-state';

/** How long typing pauses before the brief is read again. */
const READ_DELAY_MS = 400;
export const UNDERSTANDING_ID = 'brief-understanding';

const readable = (draft: BriefDraft) => draft.description.trim().length >= 10;

/** The reading of the draft as it stood when typing paused; the last one while the core refuses the draft (a count of 0 while typing). */
function useBriefReading(draft: BriefDraft): BriefUnderstanding | null {
  const api = useApi();
  const settled = useSettledValue(draft, READ_DELAY_MS);
  const brief = settled && readable(settled) ? briefOfDraft(settled) : null;
  const reading = useQuery({
    queryKey: queryKeys.briefReading(brief),
    queryFn: brief ? () => api.call('brief:understand', { brief }) : skipToken,
    // A brief reads the same until the app's data changes, which it does not while it runs.
    staleTime: Infinity,
    retry: false,
  });
  const [last, setLast] = useState<BriefUnderstanding | null>(null);
  // Kept across a refused draft; dropped at once when the brief gets too short to read.
  const next = !readable(draft) ? null : (reading.data ?? (brief ? last : null));
  if (next !== last) setLast(next);
  return next;
}

export function BriefUnderstandingNote() {
  const draft = useBriefState((s) => s.draft);
  const update = useBriefState((s) => s.update);
  const understood = useBriefReading(draft);

  if (!understood) return null;
  const who = understood.audience.split(':')[0];
  const unknown = understood.unknownPlace;
  return (
    <div className="understanding" id={UNDERSTANDING_ID}>
      <p>
        <span className="understanding-label">Read as</span> {understood.place}
        {understood.origin && <> (from {understood.origin})</>} · {who}, {understood.ages[0]}–{understood.ages[1]} · {understood.product}
      </p>
      {understood.agesNote && <p className="understanding-ages">Ages: {understood.agesNote}.</p>}
      {unknown && (
        <div className="understanding-unknown" role="group" aria-label="Unknown place">
          <p>
            “{unknown.text}” is not a place Persona Studio knows, so the personas would live {understood.place === 'anywhere' ? 'anywhere' : `in ${understood.place}`}. Choose:
          </p>
          <div className="understanding-choices">
            {unknown.suggestions.slice(0, 2).map((place) => (
              <button key={place} type="button" className="link-button" onClick={() => update({ location: place })}>
                {place}
              </button>
            ))}
            {understood.place !== 'anywhere' && (
              <button type="button" className="link-button" onClick={() => update({ location: understood.place })}>
                {understood.place} only
              </button>
            )}
            <button type="button" className="link-button" onClick={() => update({ location: 'anywhere' })}>
              No location
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
