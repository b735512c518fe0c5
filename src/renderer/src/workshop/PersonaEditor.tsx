/** Edits a persona in place: the main text fields; saved as an edit, the version before is kept by the app. */
import { useState, type FormEvent, type KeyboardEvent } from 'react';
import type { Persona } from '../../../shared/persona';
import { messageOf } from '../app/api-client';
import { FOCUS_IDS } from '../app/focus';
import { useSavePersona } from './persona-mutations';

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

export function PersonaEditor({ persona, runId, onDone }: { persona: Persona; runId: string; onDone: () => void }) {
  const save = useSavePersona(runId);
  const [name, setName] = useState(persona.name);
  const [occupation, setOccupation] = useState(persona.occupation);
  const [quote, setQuote] = useState(persona.quote ?? '');
  const [bio, setBio] = useState(persona.bio);
  const [goals, setGoals] = useState(persona.goals.join('\n'));
  const [pains, setPains] = useState(persona.painPoints.join('\n'));
  const [error, setError] = useState<string | null>(null);
  const saving = save.isPending;
  const fieldId = (field: string) => FOCUS_IDS.editorField(persona.id ?? persona.name, field);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // Only a persona with an id has an Edit button; the check keeps the type honest.
    if (!persona.id) return;
    setError(null);
    const edited = { ...persona, id: persona.id, name, occupation, bio, goals: lines(goals), painPoints: lines(pains), ...(persona.quote !== undefined ? { quote } : {}) };
    save.mutate(edited, { onSuccess: onDone, onError: (e) => setError(messageOf(e)) });
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && !saving) onDone();
  };

  return (
    <form className="persona-editor" onSubmit={submit} onKeyDown={onKeyDown} aria-label={`Edit ${persona.name}`}>
      <label htmlFor={fieldId('name')}>Name</label>
      <input id={fieldId('name')} value={name} onChange={(e) => setName(e.target.value)} required maxLength={80} />
      <label htmlFor={fieldId('occupation')}>Occupation</label>
      <input id={fieldId('occupation')} value={occupation} onChange={(e) => setOccupation(e.target.value)} required />
      {persona.quote !== undefined && (
        <>
          <label htmlFor={fieldId('quote')}>Quote</label>
          <input id={fieldId('quote')} value={quote} onChange={(e) => setQuote(e.target.value)} required maxLength={400} />
        </>
      )}
      <label htmlFor={fieldId('bio')}>Bio</label>
      <textarea id={fieldId('bio')} value={bio} onChange={(e) => setBio(e.target.value)} rows={4} required />
      <label htmlFor={fieldId('goals')}>Goals (one per line)</label>
      <textarea id={fieldId('goals')} value={goals} onChange={(e) => setGoals(e.target.value)} rows={3} />
      <label htmlFor={fieldId('pains')}>Pain points (one per line)</label>
      <textarea id={fieldId('pains')} value={pains} onChange={(e) => setPains(e.target.value)} rows={3} />
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="card-actions">
        <button type="submit" className="primary" disabled={saving}>
          {saving ? 'Saving…' : 'Save edit'}
        </button>
        <button type="button" className="secondary" onClick={onDone} disabled={saving}>
          Cancel edit
        </button>
      </div>
    </form>
  );
}
