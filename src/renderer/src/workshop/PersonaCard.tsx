/** One persona: who they are, their quality and what was repaired, every field on demand, and its actions. */
import { memo, useState, type ChangeEvent } from 'react';
import { flushSync } from 'react-dom';
import type { Persona } from '../../../shared/persona';
import { CATEGORY_LABELS, CULTURAL_CATEGORIES } from '../../../shared/vocabulary';
import { initialsOf } from '../../../shared/initials';
import { useQueryClient } from '@tanstack/react-query';
import { announce } from '../app/announcer';
import { FOCUS_IDS, focusWhenShown, revealPanel } from '../app/focus';
import { engineLabel, plural } from '../ui/labels';
import { InterviewButton } from '../asking/InterviewButton';
import { AllFields } from './AllFields';
import { fieldValueText, inSentence, pointerLabels } from './persona-labels';
import { PersonaEditor } from './PersonaEditor';
import { useIsRegenerating, useRegeneratePersona } from './persona-mutations';
import { usePersonaHistory } from './persona-versions';
import { PersonaVersionActions } from './PersonaVersionActions';
import { personasOf } from './run-queries';
import { comparedIn, useSelectionState } from './selection-state';

export const idsOf = (personas: readonly Persona[]): string[] => personas.flatMap((p) => (p.id ? [p.id] : []));

interface CardProps {
  persona: Persona;
  runId: string;
  provider: string;
  /** Whether the run was saved: only then can the persona be edited or regenerated. */
  saved: boolean;
  /** Edited in this session (known before its history is read again). */
  edited: boolean;
  /** Whether the comparison of this run already has MAX_COMPARED personas. */
  compareFull: boolean;
}

export const PersonaCard = memo(function PersonaCard({ persona, runId, provider, saved, edited, compareFull }: CardProps) {
  const [editing, setEditing] = useState(false);
  const id = persona.id ?? '';
  const regenerate = useRegeneratePersona(runId, id);
  const regenerating = useIsRegenerating(runId, id);
  const togglePin = useSelectionState((s) => s.togglePin);
  const isPinned = useSelectionState((s) => s.pinned.has(id));
  const isCompared = useSelectionState((s) => s.compared.runId === runId && s.compared.ids.includes(id));
  const versions = usePersonaHistory(persona.id, saved);
  const hasEdits = edited || (versions?.length ?? 0) > 1;

  const startEditing = () => {
    setEditing(true);
    focusWhenShown(FOCUS_IDS.editorField(id, 'name'));
  };
  const stopEditing = () => {
    setEditing(false);
    focusWhenShown(FOCUS_IDS.editButton(id));
  };
  const pin = () => {
    togglePin(id);
    // Pinning moves the card to the top, and moving an element in the page takes focus from it.
    focusWhenShown(FOCUS_IDS.pinButton(id), { onlyIfLost: true });
  };

  return (
    <article className="persona-card" aria-labelledby={FOCUS_IDS.heading(id)}>
      <header>
        <div className="avatar" aria-hidden="true">
          {initialsOf(persona.name)}
        </div>
        <div>
          <h3 id={FOCUS_IDS.heading(id)} tabIndex={-1}>
            {persona.name}
          </h3>
          <p className="muted">
            {persona.age} · {persona.occupation} · {persona.location.city}, {persona.location.country}
          </p>
        </div>
        {persona.meta?.qualityScore !== undefined && <span className="score">Quality {Math.round(persona.meta.qualityScore)}</span>}
      </header>
      <Badges persona={persona} provider={provider} edited={hasEdits} pinned={isPinned} />
      {persona.meta?.qualityScore !== undefined && persona.meta.qualityReasons && (
        <details className="quality-reasons">
          <summary aria-label={`Why ${persona.name} scored ${Math.round(persona.meta.qualityScore)}`}>Why {Math.round(persona.meta.qualityScore)}?</summary>
          <ul>
            {(persona.meta.qualityReasons.length > 0 ? persona.meta.qualityReasons : ['Fits the brief on every check: place, age, audience, product, consistency, no repeats.']).map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        </details>
      )}
      {editing ? (
        <PersonaEditor persona={persona} runId={runId} onDone={stopEditing} />
      ) : (
        <>
          {persona.quote && <blockquote>“{persona.quote}”</blockquote>}
          <p>{persona.bio}</p>
          <div className="columns">
            <List title="Goals" items={persona.goals} />
            <List title="Pain points" items={persona.painPoints} />
          </div>
          {persona.b2b && (
            <p className="muted">
              {persona.b2b.role} · {persona.b2b.industry} · {fieldValueText('companySize', persona.b2b.companySize)} · {fieldValueText('decisionPower', persona.b2b.decisionPower)}
            </p>
          )}
          {persona.culturalProfile && (
            <dl className="culture">
              {CULTURAL_CATEGORIES.filter((c) => persona.culturalProfile![c].length > 0).map((category) => (
                <div key={category}>
                  <dt>{CATEGORY_LABELS[category]}</dt>
                  <dd>{persona.culturalProfile![category].join(', ')}</dd>
                </div>
              ))}
            </dl>
          )}
          <details className="all-fields" onToggle={(e) => e.currentTarget.open && revealPanel(e.currentTarget)}>
            <summary aria-label={`All fields of ${persona.name}`}>All fields</summary>
            <AllFields persona={persona} />
          </details>
          <div className="card-actions">
            <CompareToggle persona={persona} runId={runId} checked={isCompared} disabled={!persona.id || (!isCompared && compareFull)} />
            <button type="button" id={FOCUS_IDS.pinButton(id)} className="secondary" aria-pressed={isPinned} onClick={pin} aria-label={`${isPinned ? 'Unpin' : 'Pin'} ${persona.name}`} disabled={!persona.id}>
              {isPinned ? 'Unpin' : 'Pin'}
            </button>
            <button
              type="button"
              id={FOCUS_IDS.regenerateButton(id)}
              className="secondary"
              onClick={() => regenerate.mutate()}
              aria-label={`Regenerate ${persona.name}`}
              disabled={!persona.id || !saved || regenerating}
            >
              {regenerating ? 'Regenerating…' : 'Regenerate'}
            </button>
            <button type="button" id={FOCUS_IDS.editButton(id)} className="secondary" onClick={startEditing} aria-label={`Edit ${persona.name}`} disabled={!persona.id || !saved}>
              Edit
            </button>
            {persona.id && (
              <PersonaVersionActions persona={{ ...persona, id: persona.id }} runId={runId} hasEdits={hasEdits} disabled={!saved}>
                <InterviewButton runId={runId} persona={{ ...persona, id: persona.id }} disabled={!saved} />
              </PersonaVersionActions>
            )}
          </div>
        </>
      )}
    </article>
  );
});

/** Where the persona came from and what was done to it, in words (the tooltip names the fields). */
function Badges({ persona, provider, edited, pinned }: { persona: Persona; provider: string; edited: boolean; pinned: boolean }) {
  const repaired = pointerLabels(persona.meta?.repaired ?? []);
  const filled = pointerLabels(persona.meta?.filled ?? []);
  const source = persona.meta?.source;
  return (
    <p className="badges">
      {source && source !== provider && (
        <span className="badge badge-warn" title={`Written by ${engineLabel(source)} because ${engineLabel(provider)} failed`}>
          Written by {engineLabel(source)}
        </span>
      )}
      {repaired.length > 0 && (
        <span className="badge badge-warn" title={`Repaired: ${inSentence(repaired)}`}>
          {plural(repaired.length, 'field')} repaired
        </span>
      )}
      {filled.length > 0 && (
        <span className="badge badge-warn" title={`Filled in: ${inSentence(filled)}`}>
          {plural(filled.length, 'field')} filled in
        </span>
      )}
      {edited && <span className="badge badge-edit">edited</span>}
      {pinned && <span className="badge badge-pin">pinned</span>}
    </p>
  );
}

/**
 * Adds the persona to the run's comparison. The panel is built above the cards: when a second
 * persona makes it a table, focus goes to it; otherwise the status line says what changed.
 */
function CompareToggle({ persona, runId, checked, disabled }: { persona: Persona; runId: string; checked: boolean; disabled: boolean }) {
  const toggleCompare = useSelectionState((s) => s.toggleCompare);
  const queryClient = useQueryClient();
  const change = (event: ChangeEvent<HTMLInputElement>) => {
    // The personas of the run shown, read when changed: the comparison counts only those.
    const personaIds = idsOf(personasOf(queryClient, runId));
    const count = () => comparedIn(useSelectionState.getState().compared, runId, personaIds).length;
    const before = count();
    // Rendered at once, so the checkbox can be kept in view below a panel that grew above it.
    flushSync(() => toggleCompare(runId, persona.id ?? '', personaIds));
    const after = count();
    if (before < 2 && after >= 2) {
      focusWhenShown(FOCUS_IDS.compare, { toTop: true });
      return;
    }
    // Scroll anchoring, which would keep it still, does nothing while the page is at its top.
    event.currentTarget.scrollIntoView({ block: 'nearest' });
    if (after === 1) announce(`${checked ? 'Removed from' : 'Added to'} the comparison: choose one more persona to compare`);
    else announce(after === 0 ? 'Comparison cleared' : `${plural(after, 'persona')} compared`);
  };
  return (
    <label className="compare-toggle">
      <input type="checkbox" checked={checked} disabled={disabled} onChange={change} aria-label={`Compare ${persona.name}`} />
      Compare
    </label>
  );
}

function List({ title, items }: { title: string; items: readonly string[] }) {
  return (
    <div>
      <h4>{title}</h4>
      <ul>
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </div>
  );
}
