/**
 * The brief composer: its fields scroll inside the panel while Generate (or Cancel and the
 * progress) stays pinned at its foot, so it is reachable at any window size without scrolling the page.
 */
import type { FormEvent, KeyboardEvent, ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { LEVELS, PROVIDER_IDS, type ProviderId } from '../../../shared/vocabulary';
import { FOCUS_IDS } from '../app/focus';
import { ENGINE_OPTIONS } from '../ui/labels';
import { briefOfDraft, useBriefState, type BriefDraft } from './brief-state';
import { BriefUnderstandingNote, UNDERSTANDING_ID } from './BriefUnderstandingNote';
import { LEVEL_LABELS } from './persona-labels';
import { ProgressBar } from './ProgressBar';
import { useRunActions } from './run-actions';
import { useFocusKeptInView } from './useFocusKeptInView';
import { briefFieldOf, useWorkshopState, type BriefField } from './workshop-state';

const FIELD_NAMES: Record<BriefField, string> = {
  description: 'The brief',
  count: 'The number of personas',
  level: 'The level',
  segment: 'The segment',
  location: 'The location',
  ageRange: 'The age range',
  seed: 'The seed',
};

/** The fields whose text is kept as typed (the selects hold one of their options). */
type TypedField = Exclude<keyof BriefDraft, 'level' | 'provider'>;

/** The only part of the form that follows progress events. */
function RunProgress() {
  const progress = useWorkshopState((s) => s.progress);
  return <ProgressBar progress={progress} />;
}

/** The core's message for the field at fault, without its channel and path: "The brief is too short: …". */
function useFieldError(): { field: BriefField; message: string } | null {
  const { status, error } = useWorkshopState(useShallow((s) => ({ status: s.status, error: s.error })));
  const field = status === 'error' ? briefFieldOf(error?.field) : undefined;
  if (!field || !error) return null;
  const path = error.field!;
  const at = error.message.indexOf(`${path} `);
  return { field, message: `${FIELD_NAMES[field]} ${at === -1 ? error.message : error.message.slice(at + path.length + 1)}` };
}

export function BriefForm() {
  const running = useWorkshopState((s) => s.status === 'running');
  const { generate, cancel } = useRunActions();
  const draft = useBriefState((s) => s.draft);
  const update = useBriefState((s) => s.update);
  const fieldError = useFieldError();

  /** Props that tie a control to its error message when the core refused that field. */
  const errorProps = (field: BriefField) =>
    fieldError?.field === field ? { 'aria-invalid': true, 'aria-describedby': `${FOCUS_IDS.briefField(field)}-error` } : {};
  const errorText = (field: BriefField): ReactNode =>
    fieldError?.field === field && (
      <p className="field-error" id={`${FOCUS_IDS.briefField(field)}-error`}>
        {fieldError.message}
      </p>
    );
  const text = (key: TypedField) => ({ value: draft[key], onChange: (e: { target: { value: string } }) => update({ [key]: e.target.value }) });

  const fieldsRef = useFocusKeptInView<HTMLDivElement>();
  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (!running) void generate(briefOfDraft(draft), draft.provider || undefined);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) submit();
  };

  return (
    <form className="brief-form" onSubmit={submit} onKeyDown={onKeyDown} noValidate aria-labelledby="composer-title">
      {/* On focus Chrome scrolls only a textarea's caret into this box's view: the whole field is shown instead. */}
      <div className="composer-fields" ref={fieldsRef} onFocus={(e) => e.target.scrollIntoView({ block: 'nearest' })}>
        <label htmlFor={FOCUS_IDS.briefField('description')}>Brief</label>
        <textarea
          id={FOCUS_IDS.briefField('description')}
          rows={4}
          placeholder="What is offered, to whom, where"
          {...text('description')}
          {...errorProps('description')}
          aria-describedby={[errorProps('description')['aria-describedby'], UNDERSTANDING_ID].filter(Boolean).join(' ')}
        />
        {errorText('description')}

        <div className="row">
          <div>
            <label htmlFor={FOCUS_IDS.briefField('count')}>Personas</label>
            <input id={FOCUS_IDS.briefField('count')} type="number" min={1} max={50} {...text('count')} {...errorProps('count')} />
          </div>
          <div>
            <label htmlFor={FOCUS_IDS.briefField('level')}>Level</label>
            <select id={FOCUS_IDS.briefField('level')} value={draft.level} onChange={(e) => update({ level: LEVELS.find((l) => l === e.target.value) ?? 'standard' })} {...errorProps('level')}>
              {LEVELS.map((l) => (
                <option key={l} value={l}>
                  {LEVEL_LABELS[l]}
                </option>
              ))}
            </select>
          </div>
        </div>
        {errorText('count')}

        <label htmlFor={FOCUS_IDS.briefField('segment')}>Segment (optional)</label>
        <input id={FOCUS_IDS.briefField('segment')} placeholder="e.g. working parents" {...text('segment')} {...errorProps('segment')} />
        {errorText('segment')}

        <label htmlFor={FOCUS_IDS.briefField('location')}>Location (optional)</label>
        <input id={FOCUS_IDS.briefField('location')} placeholder="Read from the brief" {...text('location')} {...errorProps('location')} />
        {errorText('location')}

        <fieldset className="row">
          <legend>Age range (optional)</legend>
          <input id={FOCUS_IDS.briefField('ageRange')} aria-label="Youngest age" type="number" min={16} max={99} placeholder="from" {...text('ageMin')} {...errorProps('ageRange')} />
          <input aria-label="Oldest age" type="number" min={16} max={99} placeholder="to" {...text('ageMax')} {...errorProps('ageRange')} />
        </fieldset>
        {errorText('ageRange')}

        <div className="row">
          <div>
            <label htmlFor="brief-provider">Engine</label>
            <select id="brief-provider" value={draft.provider} onChange={(e) => update({ provider: PROVIDER_IDS.find((id): id is ProviderId => id === e.target.value) ?? '' })}>
              <option value="">Default</option>
              {ENGINE_OPTIONS.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={FOCUS_IDS.briefField('seed')}>Seed (optional)</label>
            <input id={FOCUS_IDS.briefField('seed')} type="number" min={0} max={4294967295} placeholder="random" {...text('seed')} {...errorProps('seed')} />
          </div>
        </div>
        {errorText('seed')}
      </div>

      <div className="composer-actions">
        {/* Pinned with Generate, outside the fields' scroll: seen at any window size, and it moves no field. */}
        <BriefUnderstandingNote />
        {running ? (
          <>
            <RunProgress />
            <button type="button" id={FOCUS_IDS.cancel} className="secondary" onClick={() => void cancel()}>
              Cancel
            </button>
          </>
        ) : (
          <button type="submit" id={FOCUS_IDS.generate} className="primary" aria-keyshortcuts="Control+Enter">
            Generate
          </button>
        )}
      </div>
    </form>
  );
}
