/** One LLM engine's card: address and extra servers, model, temperature, streaming, key, and a connection test. */
import { useMutation } from '@tanstack/react-query';
import type { SettingsView, TemperatureMode } from '../../../shared/settings';
import { useApi } from '../app/api-context';
import { CheckboxField, KeyField, NumberField, SelectField, TextField } from './fields';
import { fieldId, type EndpointDraft, type EndpointId, type FieldErrors } from './setting-paths';
import { ConnectionTest } from './ConnectionTest';
import { Card } from './sections';
import { ServersField } from './ServersField';

const TEMPERATURE_OPTIONS: ReadonlyArray<{ value: TemperatureMode; label: string }> = [
  { value: 'set', label: 'This value' },
  { value: 'model_default', label: "The model's default" },
];

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
  const api = useApi();
  // A test is asked for, not read in the background: a mutation, so that nothing repeats or caches it.
  const probe = useMutation({ mutationFn: () => api.call('providers:probe', { providerId: id }) });
  const models = probe.data?.models ?? [];
  const listId = models.length > 0 ? `${fieldId(`${id}.model`)}-options` : undefined;

  const test = () => {
    if (!probe.isPending) probe.mutate();
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
      <ServersField id={id} servers={draft.servers} errors={errors} placeholder={meta.urlPlaceholder} onChange={(servers) => onEdit('servers', servers)} />
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
      <ConnectionTest
        label={meta.testLabel}
        onTest={test}
        pending={probe.isPending}
        error={probe.error}
        result={probe.data}
        hint={dirty ? 'The test uses the saved settings; save first to test your changes.' : undefined}
      >
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
      </ConnectionTest>
    </Card>
  );
}
