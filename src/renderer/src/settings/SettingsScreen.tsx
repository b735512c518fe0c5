/**
 * Settings: engines (with their extra servers) and their keys, cultural data, resource limits,
 * alert thresholds, the auto-tuner, the cache and the team cache, the report's defaults, as cards in one form
 * (the current workshop's report branding sits among them with its own Save, as it belongs to the workshop). "Save settings" sends only what changed; keys are
 * never shown, only said to be set.
 */
import { useRef, type FormEvent, type KeyboardEvent } from 'react';
import { BrandingSection } from './BrandingSection';
import { CacheSection } from './CacheSection';
import { ENDPOINTS, EndpointSection } from './EndpointSection';
import { AlertsSection, GenerationSection, LimitsSection, QlooSection, TunerSection } from './sections';
import { ReportSection } from './ReportSection';
import { TeamCacheSection } from './TeamCacheSection';
import { useSettingsForm } from './useSettingsForm';
import './settings.css';

const KEY_STORAGE_NOTE = {
  os_keychain: 'Keys are encrypted with your system keychain.',
  key_file: "Keys are encrypted with a key kept in this machine's data folder (secret.key); they are never sent to this page.",
} as const;

export function SettingsScreen() {
  const form = useSettingsForm();
  const { state, diff, busy, errors, problem, status } = form;
  const titleRef = useRef<HTMLHeadingElement>(null);
  // The same heading element in every state, so focus put on it survives the switch from loading to ready.
  const title = (
    <h2 className="settings-title" id="settings-title" tabIndex={-1} ref={titleRef}>
      Settings
    </h2>
  );

  if (state.phase === 'loading') {
    return (
      <div className="settings" aria-busy="true">
        <header className="settings-header">{title}</header>
        <p className="settings-loading" role="status">
          Loading settings…
        </p>
      </div>
    );
  }

  if (state.phase === 'error') {
    return (
      <div className="settings">
        <header className="settings-header">{title}</header>
        <div className="banner banner-error settings-load-error">
          <p role="alert">
            <strong>Settings could not be loaded.</strong> {state.message}
          </p>
          <button
            type="button"
            className="secondary"
            onClick={() => {
              // The banner and this button go while settings load again.
              titleRef.current?.focus();
              form.retry();
            }}
          >
            Retry
          </button>
        </div>
      </div>
    );
  }

  const { view, draft } = state;
  const changed = diff?.changed ?? [];
  const saving = busy === 'saving';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void form.save();
  };
  // Text inputs submit on Enter by themselves; selects and checkboxes do not everywhere.
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    const target = event.target;
    const pick = target instanceof HTMLSelectElement || (target instanceof HTMLInputElement && target.type === 'checkbox');
    if (!pick) return;
    event.preventDefault();
    if (!busy) event.currentTarget.requestSubmit();
  };

  return (
    <div className="settings">
      <header className="settings-header">
        {title}
        <p className="settings-hint">Changes apply when you save them. {KEY_STORAGE_NOTE[view.keyStorage]}</p>
      </header>

      {view.problem && (
        <div className="banner settings-warning">
          <strong>Warning:</strong> {view.problem}
        </div>
      )}

      <form className="settings-form" aria-labelledby="settings-title" noValidate onSubmit={submit} onKeyDown={onKeyDown}>
        <div className="settings-grid">
          <GenerationSection draft={draft} view={view} errors={errors} onChoice={form.setChoice} />
          {ENDPOINTS.map((meta) => (
            <EndpointSection
              key={meta.id}
              meta={meta}
              draft={draft[meta.id]}
              view={view[meta.id]}
              errors={errors}
              dirty={changed.some((path) => path.startsWith(`${meta.id}.`))}
              busy={busy !== null}
              onEdit={(key, value) => form.edit(meta.id, key, value)}
              onRemoveKey={() => void form.removeKey(meta.id)}
            />
          ))}
          <QlooSection
            draft={draft.qloo}
            view={view.qloo}
            errors={errors}
            busy={busy !== null}
            onEdit={(key, value) => form.edit('qloo', key, value)}
            onRemoveKey={() => void form.removeKey('qloo')}
          />
          <LimitsSection draft={draft.limits} errors={errors} onEdit={(key, value) => form.edit('limits', key, value)} />
          <AlertsSection draft={draft.monitor} errors={errors} onEdit={(key, value) => form.edit('monitor', key, value)} />
          <TunerSection draft={draft.monitor} errors={errors} onEdit={(key, value) => form.edit('monitor', key, value)} />
          <CacheSection draft={draft.cache} savedL1Mb={view.cache.l1MaxMb} errors={errors} onEdit={(key, value) => form.edit('cache', key, value)} />
          <TeamCacheSection
            draft={draft.teamCache}
            view={view.teamCache}
            errors={errors}
            busy={busy !== null}
            onEdit={(key, value) => form.edit('teamCache', key, value)}
            onClear={(field) => void form.removeSecret(`teamCache.${field}`)}
          />
          <ReportSection draft={draft.report} errors={errors} onEdit={(key, value) => form.edit('report', key, value)} />
          {/* The core draws the cover at the saved paper size: the preview follows that, not the unsaved choice. */}
          <BrandingSection paper={view.report.paper} />
        </div>

        {problem && (
          <div className="banner banner-error settings-save-error" role="alert">
            <strong>{problem.title}</strong> {problem.message}
          </div>
        )}

        <div className="settings-actions">
          {/* aria-disabled, not disabled: the button keeps the keyboard focus it holds while saving; save() ignores repeats. */}
          <button type="submit" className="primary" aria-disabled={busy !== null || undefined}>
            Save settings
          </button>
          <div className="settings-feedback">
            <p className="settings-status" role="status">
              {saving ? 'Saving…' : status}
            </p>
            {!saving && !status && changed.length > 0 && (
              <p className="settings-hint settings-pending">
                {changed.length === 1 ? '1 unsaved change' : `${changed.length} unsaved changes`}
              </p>
            )}
          </div>
        </div>
      </form>
    </div>
  );
}
