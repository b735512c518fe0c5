/** The settings cards that are plain fields: generation defaults, Qloo, resource limits, alerts, auto-tuner. */
import type { ReactNode } from 'react';
import type { SettingsView } from '../../../shared/settings';
import { ENGINE_OPTIONS } from '../ui/labels';
import { CheckboxField, KeyField, NumberField, SelectField, TextField, type Option } from './fields';
import type { CultureId, SettingsDraft } from './setting-paths';
import type { FieldErrors } from './setting-paths';

type Edit<S extends keyof SettingsDraft> = <K extends keyof SettingsDraft[S]>(key: K, value: SettingsDraft[S][K]) => void;

export function Card({ id, title, about, children }: { id: string; title: string; about?: ReactNode; children: ReactNode }) {
  const titleId = `settings-${id}-title`;
  return (
    <section className="settings-card" aria-labelledby={titleId}>
      <header className="settings-card-head">
        <h3 id={titleId}>{title}</h3>
        {about && <p className="settings-hint">{about}</p>}
      </header>
      {children}
    </section>
  );
}

const CULTURES: readonly Option<CultureId>[] = [
  { value: 'bundled', label: 'Bundled dataset (offline)' },
  { value: 'qloo', label: 'Qloo' },
];

export function GenerationSection({
  draft,
  view,
  errors,
  onChoice,
}: {
  draft: SettingsDraft;
  view: SettingsView;
  errors: FieldErrors;
  onChoice: <K extends 'provider' | 'culture'>(key: K, value: SettingsDraft[K]) => void;
}) {
  const engine = draft.provider;
  const keyMissing = engine === 'gemini' && !view.gemini.apiKeySet && !draft.gemini.apiKey.trim();
  const qlooKeyMissing = draft.culture === 'qloo' && !view.qloo.apiKeySet && !draft.qloo.apiKey.trim();
  return (
    <Card id="generation" title="Generation" about="What a new generation uses unless the brief says otherwise.">
      <SelectField
        path="provider"
        value={draft.provider}
        options={ENGINE_OPTIONS}
        onChange={(v) => onChoice('provider', v)}
        error={errors.provider}
        hint={
          engine === 'offline'
            ? 'Works without a network or model server.'
            : keyMissing
              ? 'Gemini needs an API key: set it in the Gemini card.'
              : 'When this engine fails, the offline engine fills in.'
        }
      />
      <SelectField
        path="culture"
        value={draft.culture}
        options={CULTURES}
        onChange={(v) => onChoice('culture', v)}
        error={errors.culture}
        hint={qlooKeyMissing ? 'Qloo needs an API key: set it in the Qloo card.' : 'Where tastes and cultural references come from.'}
      />
    </Card>
  );
}

export function QlooSection({
  draft,
  view,
  errors,
  busy,
  onEdit,
  onRemoveKey,
}: {
  draft: SettingsDraft['qloo'];
  view: SettingsView['qloo'];
  errors: FieldErrors;
  busy: boolean;
  onEdit: Edit<'qloo'>;
  onRemoveKey: () => void;
}) {
  return (
    <Card id="qloo" title="Qloo" about="Cultural data from the Qloo API, used when Cultural data is set to Qloo.">
      <TextField path="qloo.baseUrl" type="url" value={draft.baseUrl} onChange={(v) => onEdit('baseUrl', v)} placeholder="https://hackathon.api.qloo.com" error={errors['qloo.baseUrl']} />
      <NumberField path="qloo.take" value={draft.take} onChange={(v) => onEdit('take', v)} min={1} max={50} step={1} error={errors['qloo.take']} hint="Between 1 and 50." />
      <KeyField
        path="qloo.apiKey"
        value={draft.apiKey}
        onChange={(v) => onEdit('apiKey', v)}
        isSet={view.apiKeySet}
        onRemove={onRemoveKey}
        busy={busy}
        error={errors['qloo.apiKey']}
      />
    </Card>
  );
}

export function LimitsSection({ draft, errors, onEdit }: { draft: SettingsDraft['limits']; errors: FieldErrors; onEdit: Edit<'limits'> }) {
  return (
    <Card id="limits" title="Resource limits" about="Caps the scheduler keeps to, whatever the auto-tuner does.">
      <NumberField
        path="limits.maxConcurrency"
        value={draft.maxConcurrency}
        onChange={(v) => onEdit('maxConcurrency', v)}
        min={1}
        max={64}
        step={1}
        error={errors['limits.maxConcurrency']}
        hint="Calls to engines at once, 1 to 64."
      />
      <div className="row settings-pair">
        <NumberField
          path="limits.maxCpuPercent"
          value={draft.maxCpuPercent}
          onChange={(v) => onEdit('maxCpuPercent', v)}
          min={10}
          max={100}
          step={1}
          error={errors['limits.maxCpuPercent']}
        />
        <NumberField
          path="limits.maxMemoryPercent"
          value={draft.maxMemoryPercent}
          onChange={(v) => onEdit('maxMemoryPercent', v)}
          min={10}
          max={100}
          step={1}
          error={errors['limits.maxMemoryPercent']}
        />
      </div>
      <p className="settings-hint">Above these, new work waits until the machine has room.</p>
    </Card>
  );
}

export function AlertsSection({ draft, errors, onEdit }: { draft: SettingsDraft['monitor']; errors: FieldErrors; onEdit: Edit<'monitor'> }) {
  return (
    <Card id="alerts" title="Alerts" about="The dashboard raises an alert when a figure stays past its threshold.">
      <div className="row settings-pair">
        <NumberField path="monitor.p95Ms" value={draft.p95Ms} onChange={(v) => onEdit('p95Ms', v)} min={0.1} max={600} step={0.1} error={errors['monitor.p95Ms']} />
        <NumberField path="monitor.cpuPercent" value={draft.cpuPercent} onChange={(v) => onEdit('cpuPercent', v)} min={10} max={100} step={1} error={errors['monitor.cpuPercent']} />
      </div>
      <div className="row settings-pair">
        <NumberField
          path="monitor.cacheHitRate"
          value={draft.cacheHitRate}
          onChange={(v) => onEdit('cacheHitRate', v)}
          min={0}
          max={100}
          step={1}
          error={errors['monitor.cacheHitRate']}
        />
        <NumberField
          path="monitor.validationSuccess"
          value={draft.validationSuccess}
          onChange={(v) => onEdit('validationSuccess', v)}
          min={0}
          max={100}
          step={1}
          error={errors['monitor.validationSuccess']}
        />
      </div>
      <div className="row settings-pair">
        <NumberField
          path="monitor.memoryBudgetMb"
          value={draft.memoryBudgetMb}
          onChange={(v) => onEdit('memoryBudgetMb', v)}
          min={128}
          max={65536}
          step={1}
          error={errors['monitor.memoryBudgetMb']}
        />
        <NumberField
          path="monitor.retentionDays"
          value={draft.retentionDays}
          onChange={(v) => onEdit('retentionDays', v)}
          min={1}
          max={365}
          step={1}
          error={errors['monitor.retentionDays']}
        />
      </div>
      <NumberField
        path="monitor.raiseAfterS"
        value={draft.raiseAfterS}
        onChange={(v) => onEdit('raiseAfterS', v)}
        min={0}
        max={600}
        step={1}
        placeholder="Each rule's own delay"
        error={errors['monitor.raiseAfterS']}
        hint="How long a figure must stay bad first. Leave empty to keep each rule's own delay (10 to 60 s)."
      />
    </Card>
  );
}

export function TunerSection({ draft, errors, onEdit }: { draft: SettingsDraft['monitor']; errors: FieldErrors; onEdit: Edit<'monitor'> }) {
  return (
    <Card id="tuner" title="Auto-tuner">
      <CheckboxField
        path="monitor.tuner"
        checked={draft.tuner}
        onChange={(v) => onEdit('tuner', v)}
        error={errors['monitor.tuner']}
        hint="While there is traffic, tries one change at a time (concurrency, cache size and lifetimes, batch size, timeouts), keeps it only when it measurably helps and rolls it back otherwise. Every step is logged."
      />
    </Card>
  );
}
