import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { BriefInput } from '../../../shared/brief';
import { LEVELS, type Level, type ProviderId } from '../../../shared/vocabulary';
import { ENGINE_OPTIONS } from '../engines';
import { useGeneration } from '../state/generation';
import { ProgressBar } from './ProgressBar';

const EXAMPLE = 'Eco-friendly meal-kit delivery for busy parents in Lyon';

/** The only part of the form that follows progress events. */
function RunProgress() {
  const progress = useGeneration((s) => s.progress);
  return <ProgressBar progress={progress} />;
}

export function BriefForm() {
  const { status, error, generate, cancel } = useGeneration(useShallow((s) => ({ status: s.status, error: s.error, generate: s.generate, cancel: s.cancel })));
  const [description, setDescription] = useState(EXAMPLE);
  const [count, setCount] = useState(5);
  const [level, setLevel] = useState<Level>('standard');
  const [location, setLocation] = useState('');
  const [ageMin, setAgeMin] = useState('');
  const [ageMax, setAgeMax] = useState('');
  const [segment, setSegment] = useState('');
  const [seed, setSeed] = useState('');
  const [provider, setProvider] = useState<ProviderId | ''>('');
  const running = status === 'running';
  const fieldError = (field: string) => (status === 'error' && error?.field?.endsWith(field) ? error.message : undefined);

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    const brief: BriefInput = { description, count, level };
    if (location.trim()) brief.location = location.trim();
    if (ageMin && ageMax) brief.ageRange = [Number(ageMin), Number(ageMax)];
    if (segment.trim()) brief.segment = segment.trim();
    if (seed.trim()) brief.seed = Number(seed);
    void generate(brief, provider || undefined);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !running) submit();
  };

  return (
    <form className="brief-form" onSubmit={submit} onKeyDown={onKeyDown}>
      <label htmlFor="brief-description">Brief</label>
      <textarea
        id="brief-description"
        value={description}
        onChange={(e) => setDescription(e.target.value)}
        rows={5}
        required
        minLength={10}
        aria-invalid={fieldError('description') ? true : undefined}
        placeholder="What is offered, to whom, where"
      />
      {fieldError('description') && <p className="field-error">{fieldError('description')}</p>}

      <div className="row">
        <div>
          <label htmlFor="brief-count">Personas</label>
          <input id="brief-count" type="number" min={1} max={50} value={count} onChange={(e) => setCount(Number(e.target.value))} />
        </div>
        <div>
          <label htmlFor="brief-level">Level</label>
          <select id="brief-level" value={level} onChange={(e) => setLevel(e.target.value as Level)}>
            {LEVELS.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
        </div>
      </div>

      <label htmlFor="brief-segment">Segment (optional)</label>
      <input id="brief-segment" value={segment} onChange={(e) => setSegment(e.target.value)} placeholder="e.g. working parents" />

      <label htmlFor="brief-location">Location (optional)</label>
      <input id="brief-location" value={location} onChange={(e) => setLocation(e.target.value)} placeholder="Read from the brief" />

      <fieldset className="row">
        <legend>Age range (optional)</legend>
        <input aria-label="Youngest age" type="number" min={16} max={99} value={ageMin} onChange={(e) => setAgeMin(e.target.value)} placeholder="from" />
        <input aria-label="Oldest age" type="number" min={16} max={99} value={ageMax} onChange={(e) => setAgeMax(e.target.value)} placeholder="to" />
      </fieldset>

      <div className="row">
        <div>
          <label htmlFor="brief-provider">Engine</label>
          <select id="brief-provider" value={provider} onChange={(e) => setProvider(ENGINE_OPTIONS.find((o) => o.value === e.target.value)?.value ?? '')}>
            <option value="">Default</option>
            {ENGINE_OPTIONS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="brief-seed">Seed (optional)</label>
          <input id="brief-seed" type="number" min={0} max={4294967295} value={seed} onChange={(e) => setSeed(e.target.value)} placeholder="random" />
        </div>
      </div>
      {fieldError('seed') && <p className="field-error">{fieldError('seed')}</p>}

      {running ? (
        <>
          <RunProgress />
          <button type="button" className="secondary" onClick={() => void cancel()}>
            Cancel
          </button>
        </>
      ) : (
        <button type="submit" className="primary">
          Generate
        </button>
      )}
    </form>
  );
}
