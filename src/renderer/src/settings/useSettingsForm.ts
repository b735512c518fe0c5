/** The Settings screen's state: loading the view, the draft the inputs edit, saving, removing keys. */
import { useCallback, useMemo, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { SettingsChange, SettingsView } from '../../../shared/settings';
import { ApiError, messageOf } from '../app/api-client';
import { useApi } from '../app/api-context';
import { queryKeys } from '../app/query-keys';
import { settingsQuery } from './settings-queries';
import { diffDraft, toDraft, type DraftDiff } from './model';
import { fieldId, fieldPathOf, labelOf, type DraftSection, type FieldErrors, type FieldPath, type KeyedId, type SecretPath, type SettingsDraft } from './setting-paths';

export type LoadState = { phase: 'loading' } | { phase: 'error'; message: string } | { phase: 'ready'; view: SettingsView; draft: SettingsDraft };

export type Busy = 'saving' | 'removing' | null;

export interface SaveProblem {
  /** What did not happen ("Settings were not saved."). */
  title: string;
  message: string;
  /** The field the message is about, when it is one on screen. */
  path: FieldPath | null;
}

/** Environment variables the main side reads a key from when settings hold none. */
const KEY_ENV: Partial<Record<KeyedId, string>> = { openai: 'OPENAI_API_KEY', gemini: 'GEMINI_API_KEY', qloo: 'QLOO_API_KEY' };

const NOT_SAVED = 'Settings were not saved.';

/** Moves focus to a setting's input once the current render is on screen. */
function focusField(path: FieldPath): void {
  requestAnimationFrame(() => document.getElementById(fieldId(path))?.focus());
}

export interface SettingsForm {
  state: LoadState;
  /** Unsaved differences from the loaded view (empty while not ready). */
  diff: DraftDiff | null;
  busy: Busy;
  errors: FieldErrors;
  problem: SaveProblem | null;
  /** The last outcome to announce ("Settings saved", a key removed). */
  status: string;
  retry: () => void;
  setChoice: <K extends 'provider' | 'culture'>(key: K, value: SettingsDraft[K]) => void;
  edit: <S extends DraftSection, K extends keyof SettingsDraft[S] & string>(section: S, key: K, value: SettingsDraft[S][K]) => void;
  save: () => Promise<void>;
  removeKey: (id: KeyedId) => Promise<void>;
  /** Clears a write-only setting (an API key, the team cache's password or team key) at once, keeping other unsaved edits. */
  removeSecret: (path: SecretPath) => Promise<void>;
}

type Form = { view: SettingsView; draft: SettingsDraft };

export function useSettingsForm(): SettingsForm {
  const api = useApi();
  const queryClient = useQueryClient();
  const loaded = useQuery(settingsQuery(api));
  /** The view the draft is compared with, and the draft: started from the first view loaded, then moved on only by this form's saves. */
  const [form, setForm] = useState<Form | null>(null);
  if (form === null && loaded.data) setForm({ view: loaded.data, draft: toDraft(loaded.data) });
  const [busy, setBusy] = useState<Busy>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<SaveProblem | null>(null);
  const [status, setStatus] = useState('');

  const state: LoadState = form
    ? { phase: 'ready', ...form }
    : loaded.isError && !loaded.isFetching
      ? { phase: 'error', message: messageOf(loaded.error) }
      : { phase: 'loading' };

  const { refetch } = loaded;
  const retry = useCallback(() => void refetch(), [refetch]);

  /** A saved view: the form's new baseline, and what other reads that depend on settings are compared with. */
  const saved = useCallback(
    (view: SettingsView) => {
      queryClient.setQueryData(queryKeys.settings, view);
      // The cache's budget and the tuner's switch are settings: their figures are read again.
      void queryClient.invalidateQueries({ queryKey: queryKeys.cache.all });
      void queryClient.invalidateQueries({ queryKey: queryKeys.tuner.all });
    },
    [queryClient],
  );

  /** Drops a field's error, and the banner when it was that field's. */
  const dropError = useCallback((path: FieldPath) => {
    setErrors((current) => {
      if (!(path in current)) return current;
      const next = { ...current };
      delete next[path];
      return next;
    });
    setProblem((current) => (current?.path === path ? null : current));
  }, []);

  /** An edit drops the stale outcome and the edited field's error. */
  const touched = useCallback(
    (path: FieldPath) => {
      setStatus('');
      dropError(path);
    },
    [dropError],
  );

  const setChoice = useCallback<SettingsForm['setChoice']>(
    (key, value) => {
      setForm((current) => current && { ...current, draft: { ...current.draft, [key]: value } });
      touched(key);
    },
    [touched],
  );

  const edit = useCallback<SettingsForm['edit']>(
    (section, key, value) => {
      setForm((current) => current && { ...current, draft: { ...current.draft, [section]: { ...current.draft[section], [key]: value } } });
      const path = `${section}.${key}`;
      if (key === 'servers') {
        // The list changed as a whole (rows may have moved): its own and every row's error go.
        setStatus('');
        setErrors((current) => {
          const left = Object.entries(current).filter(([p]) => p !== path && !p.startsWith(`${path}.`));
          return left.length === Object.keys(current).length ? current : (Object.fromEntries(left) as FieldErrors);
        });
        setProblem((current) => (current?.path && (current.path === path || current.path.startsWith(`${path}.`)) ? null : current));
      } else touched(path as FieldPath);
    },
    [touched],
  );

  const diff = useMemo(() => (form ? diffDraft(form.draft, toDraft(form.view)) : null), [form]);

  const fail = useCallback((title: string, error: unknown, fallbackPath: FieldPath | null = null) => {
    const message = messageOf(error);
    const path = error instanceof ApiError ? (fieldPathOf(error.field) ?? fallbackPath) : fallbackPath;
    setErrors(path ? { [path]: message } : {});
    setProblem({ title, message, path });
    if (path) focusField(path);
  }, []);

  const save = useCallback(async () => {
    if (!form || busy || !diff) return;
    setStatus('');
    const wrong = Object.keys(diff.errors) as FieldPath[];
    if (wrong.length > 0) {
      setErrors(diff.errors);
      const first = wrong[0]!;
      setProblem({
        title: NOT_SAVED,
        message: wrong.length === 1 ? (diff.errors[first] ?? '') : `${wrong.length} settings need attention: ${wrong.map((p) => labelOf(p)).join(', ')}.`,
        path: wrong.length === 1 ? first : null,
      });
      focusField(first);
      return;
    }
    setErrors({});
    setProblem(null);
    if (diff.changed.length === 0) {
      setStatus('No changes to save.');
      return;
    }
    setBusy('saving');
    try {
      const view = await api.call('settings:update', { change: diff.change });
      // The response is the saved view: the draft starts over from it, key inputs empty.
      setForm({ view, draft: toDraft(view) });
      saved(view);
      setStatus('Settings saved');
    } catch (error) {
      fail(NOT_SAVED, error);
    } finally {
      setBusy(null);
    }
  }, [api, form, busy, diff, fail, saved]);

  const removeSecret = useCallback(
    async (path: SecretPath) => {
      if (!form || busy) return;
      const [section, field] = path.split('.') as [KeyedId | 'teamCache', 'apiKey' | 'password' | 'teamKey'];
      const change = { [section]: { [field]: null } } as SettingsChange;
      setStatus('');
      setBusy('removing');
      try {
        const view = await api.call('settings:update', { change });
        // Other unsaved edits stay; the loaded view (what the draft is compared with) moves on.
        setForm((current) => current && { view, draft: { ...current.draft, [section]: { ...current.draft[section], [field]: '' } } });
        saved(view);
        dropError(path);
        const env = section === 'teamCache' ? undefined : KEY_ENV[section];
        const stillSet = section === 'teamCache' ? false : view[section].apiKeySet;
        setStatus(stillSet && env ? `${labelOf(path)} removed from settings; a key from the ${env} environment variable is still used.` : `${labelOf(path)} removed.`);
        focusField(path);
      } catch (error) {
        fail(`The ${labelOf(path)} was not removed.`, error, path);
      } finally {
        setBusy(null);
      }
    },
    [api, form, busy, fail, dropError, saved],
  );

  const removeKey = useCallback((id: KeyedId) => removeSecret(`${id}.apiKey`), [removeSecret]);

  return { state, diff, busy, errors, problem, status, retry, setChoice, edit, save, removeKey, removeSecret };
}
