/** One LLM server's card: address, model, temperature, streaming, key, and a connection test. */
import { useState } from 'react';
import type { ResponseOf } from '../../../shared/ipc/types';
import type { SettingsView, TemperatureMode } from '../../../shared/settings';
import { api, messageOf } from '../api/client';
import { CheckboxField, KeyField, NumberField, SelectField, TextField } from './fields';
import { fieldId, type EndpointDraft, type EndpointId, type FieldErrors } from './model';
import { Card } from './sections';

const TEMPERATURE_OPTIONS: ReadonlyArray<{ value: TemperatureMode; label: string }> = [
  { value: 'set', label: 'This value' },
  { value: 'model_default', label: "The model's default" },
];

type ProbeResult = ResponseOf<'providers:probe'>;
type Probe = { state: 'idle' } | { state: 'running' } | { state: 'done'; result: ProbeResult } | { state: 'failed'; message: string };

export interface EndpointMeta {
  id: EndpointId;
  title: string;
  /** The test button's text, which is its accessible name. */
  testLabel: string;
  about: string;
  urlPlaceholder: string;
  keyHint: string;
}

export const ENDPOINTS: readonly EndpointMeta[] = [
  {
    id: 'ollama',
    title: 'Ollama',
    testLabel: 'Test Ollama connection',
    about: 'Runs open models on this machine or on your network.',
    urlPlaceholder: 'http://127.0.0.1:11434',
    keyHint: 'A local Ollama needs none.',
  },
  {
    id: 'openai',
    title: 'OpenAI-compatible server',
    testLabel: 'Test OpenAI-compatible connection',
    about: 'OpenAI or any server that speaks its chat API (LM Studio, vLLM, llama.cpp…).',
    urlPlaceholder: 'http://127.0.0.1:8080/v1',
    keyHint: 'Needed by OpenAI and hosted servers; local servers usually need none.',
  },
  {
    id: 'gemini',
    title: 'Gemini',
    testLabel: 'Test Gemini connection',
    about: "Google's Gemini API.",
    urlPlaceholder: 'https://generativelanguage.googleapis.com',
    keyHint: 'Needed to use Gemini.',
  },
];

const MODELS_SHOWN = 24;

export function EndpointSection({
  meta,
  draft,
  view,
  errors,
  dirty,
  busy,
  onEdit,
  onRemoveKey,
}: {
  meta: EndpointMeta;
  draft: EndpointDraft;
  view: SettingsView[EndpointId];
  errors: FieldErrors;
  /** Whether this card has unsaved changes (the test uses the saved settings). */
  dirty: boolean;
  busy: boolean;
  onEdit: <K extends keyof EndpointDraft>(key: K, value: EndpointDraft[K]) => void;
  onRemoveKey: () => void;
}) {
  const { id } = meta;
  const [probe, setProbe] = useState<Probe>({ state: 'idle' });
  const models = probe.state === 'done' ? probe.result.models : [];
  const listId = models.length > 0 ? `${fieldId(`${id}.model`)}-options` : undefined;

  const test = async () => {
    if (!api || probe.state === 'running') return;
    setProbe({ state: 'running' });
    try {
      setProbe({ state: 'done', result: await api.call('providers:probe', { providerId: id }) });
    } catch (error) {
      setProbe({ state: 'failed', message: messageOf(error) });
    }
  };

  return (
    <Card id={id} title={meta.title} about={meta.about}>
      <TextField
        path={`${id}.baseUrl`}
        type="url"
        value={draft.baseUrl}
        onChange={(v) => onEdit('baseUrl', v)}
        placeholder={meta.urlPlaceholder}
        error={errors[`${id}.baseUrl`]}
      />
      <TextField
        path={`${id}.model`}
        value={draft.model}
        onChange={(v) => onEdit('model', v)}
        list={listId}
        error={errors[`${id}.model`]}
        hint={listId ? 'Suggestions come from the last connection test.' : undefined}
      />
      {listId && (
        <datalist id={listId}>
          {models.map((m) => (
            <option key={m} value={m} />
          ))}
        </datalist>
      )}
      <div className="row settings-pair">
        <SelectField
          path={`${id}.temperatureMode`}
          value={draft.temperatureMode}
          options={TEMPERATURE_OPTIONS}
          onChange={(v) => onEdit('temperatureMode', v)}
          error={errors[`${id}.temperatureMode`]}
        />
        <NumberField
          path={`${id}.temperature`}
          value={draft.temperature}
          onChange={(v) => onEdit('temperature', v)}
          min={0}
          max={2}
          step={0.1}
          disabled={draft.temperatureMode === 'model_default'}
          error={errors[`${id}.temperature`]}
          hint={draft.temperatureMode === 'model_default' ? 'Not sent: the model uses its own.' : undefined}
        />
      </div>
      <div className="row settings-pair">
        <CheckboxField path={`${id}.stream`} checked={draft.stream} onChange={(v) => onEdit('stream', v)} error={errors[`${id}.stream`]} />
      </div>
      <KeyField
        path={`${id}.apiKey`}
        value={draft.apiKey}
        onChange={(v) => onEdit('apiKey', v)}
        isSet={view.apiKeySet}
        onRemove={onRemoveKey}
        busy={busy}
        error={errors[`${id}.apiKey`]}
        hint={meta.keyHint}
      />
      <div className="settings-probe">
        {/* aria-disabled, not disabled: the button keeps the keyboard focus it holds while the test runs; test() ignores repeats. */}
        <button type="button" className="secondary" onClick={() => void test()} aria-disabled={probe.state === 'running' || undefined}>
          {meta.testLabel}
        </button>
        {dirty && <p className="settings-hint">The test uses the saved settings; save first to test your changes.</p>}
        <div className="settings-probe-result" aria-live="polite">
          {probe.state === 'running' && <p className="settings-hint">Testing…</p>}
          {probe.state === 'failed' && <p className="settings-bad">The test could not run: {probe.message}</p>}
          {probe.state === 'done' && (
            <>
              <p className={probe.result.reachable ? 'settings-good' : 'settings-bad'}>
                <strong>{probe.result.reachable ? 'Reachable.' : 'Not reachable.'}</strong> {probe.result.message}
              </p>
              {models.length > 0 && (
                <>
                  <p className="settings-hint">
                    {models.length === 1 ? '1 model' : `${models.length} models`} available
                    {models.length > MODELS_SHOWN ? ` (first ${MODELS_SHOWN} shown)` : ''}:
                  </p>
                  <ul className="settings-models" aria-label={`${meta.title} models`}>
                    {models.slice(0, MODELS_SHOWN).map((m) => (
                      <li key={m}>{m}</li>
                    ))}
                  </ul>
                </>
              )}
            </>
          )}
        </div>
      </div>
    </Card>
  );
}
