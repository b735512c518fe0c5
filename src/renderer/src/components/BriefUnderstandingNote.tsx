/**
 * What the app reads in the brief, shown under it as the user types (after a pause): where the
 * people live and come from, who they are, their ages, the product. A place the app does not know
 * is said plainly, with the choices: the nearest known place, the country only, or no location.
 */
import { useEffect, useState } from 'react';
import type { BriefUnderstanding } from '../../../shared/brief';
import { api } from '../api/client';
import { briefOfDraft, useBrief } from '../state/brief';

/** How long typing pauses before the brief is read again. */
const READ_DELAY_MS = 400;
export const UNDERSTANDING_ID = 'brief-understanding';

export function BriefUnderstandingNote() {
  const draft = useBrief((s) => s.draft);
  const update = useBrief((s) => s.update);
  const [understood, setUnderstood] = useState<BriefUnderstanding | null>(null);

  useEffect(() => {
    if (!api || draft.description.trim().length < 10) {
      setUnderstood(null);
      return;
    }
    const client = api;
    let live = true;
    const timer = setTimeout(() => {
      // A draft the core refuses (a count of 0 while typing) simply shows nothing new.
      client.call('brief:understand', { brief: briefOfDraft(draft) }).then(
        (result) => live && setUnderstood(result),
        () => undefined,
      );
    }, READ_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [draft]);

  if (!understood) return null;
  const who = understood.audience.split(':')[0];
  const unknown = understood.unknownPlace;
  return (
    <div className="understanding" id={UNDERSTANDING_ID}>
      <p>
        <span className="understanding-label">Read as</span> {understood.place}
        {understood.origin && <> (from {understood.origin})</>} · {who}, {understood.ages[0]}–{understood.ages[1]} · {understood.product}
      </p>
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
