/**
 * The team cache card (L3 on Redis): URL (empty is off), TLS, how Redis is deployed, user, and the
 * password and team key, which are written only (the view says whether each is set, as for API
 * keys). "Test team cache connection" asks the core (team-cache:test) whether the URL typed here
 * answers, with the saved TLS, user and password.
 */
import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import type { SettingsView } from '../../../shared/settings';
import { useApi } from '../app/api-context';
import { CheckboxField, KeyField, SelectField, TextField, type Option, type SecretWords } from './fields';
import { isTeamCacheUrl } from './model';
import { ConnectionTest } from './ConnectionTest';
import { Card } from './sections';
import type { FieldErrors, TeamCacheDraft, TeamCacheMode } from './setting-paths';

const MODES: readonly Option<TeamCacheMode>[] = [
  { value: 'single', label: 'One server' },
  { value: 'sentinel', label: 'Sentinel (the URL is a sentinel)' },
  { value: 'cluster', label: 'Cluster (the URL is one node)' },
];

const PASSWORD_WORDS: SecretWords = { set: 'Password set', unset: 'No password set', remove: 'Clear', typeToReplace: 'Type a new one to change it', typeNew: 'Type the password' };
const TEAM_KEY_WORDS: SecretWords = { set: 'Team key set', unset: 'No team key set', remove: 'Clear', typeToReplace: 'Type a new one to change it', typeNew: 'Type or paste the team key' };

export function TeamCacheSection({
  draft,
  view,
  errors,
  busy,
  onEdit,
  onClear,
}: {
  draft: TeamCacheDraft;
  view: SettingsView['teamCache'];
  errors: FieldErrors;
  busy: boolean;
  onEdit: <K extends keyof TeamCacheDraft>(key: K, value: TeamCacheDraft[K]) => void;
  onClear: (field: 'password' | 'teamKey') => void;
}) {
  const api = useApi();
  const url = draft.url.trim();
  // A test is asked for, not read in the background: a mutation, so that nothing repeats or caches it.
  const probe = useMutation({ mutationFn: (target: string) => api.call('team-cache:test', { url: target }) });
  /** A note the card says itself, without asking the core (no URL, or not one Redis takes). */
  const [local, setLocal] = useState<string | null>(null);
  const credentialsEdited =
    draft.tls !== view.tls || draft.mode !== view.mode || draft.username.trim() !== (view.username ?? '') || draft.password.trim() !== '' || draft.teamKey.trim() !== '';

  const test = () => {
    if (probe.isPending) return;
    if (url === '') {
      probe.reset();
      setLocal('No team cache: the URL is empty. Enter a redis:// or rediss:// URL to test it.');
      return;
    }
    if (!isTeamCacheUrl(url)) {
      probe.reset();
      setLocal('The URL must look like redis://cache.example:6379 or rediss://… before it can be tested.');
      return;
    }
    setLocal(null);
    probe.mutate(url);
  };

  return (
    <Card
      id="team-cache"
      title="Team cache"
      about="A cache the whole team shares on Redis (L3), behind memory and cache.db: a lookup or seeded generation one laptop has paid for, the others reuse. Leave the URL empty to keep everything on this machine."
    >
      <TextField
        path="teamCache.url"
        value={draft.url}
        onChange={(v) => {
          // A result says something about the URL it tested: another URL drops it.
          probe.reset();
          setLocal(null);
          onEdit('url', v);
        }}
        placeholder="redis://cache.example:6379"
        error={errors['teamCache.url']}
        hint={url === '' ? 'Off: no URL.' : 'rediss:// connects with TLS.'}
      />
      <div className="row settings-pair">
        <CheckboxField path="teamCache.tls" checked={draft.tls} onChange={(v) => onEdit('tls', v)} error={errors['teamCache.tls']} />
        <SelectField path="teamCache.mode" value={draft.mode} options={MODES} onChange={(v) => onEdit('mode', v)} error={errors['teamCache.mode']} />
      </div>
      {draft.mode === 'sentinel' && (
        <TextField
          path="teamCache.sentinelName"
          value={draft.sentinelName}
          onChange={(v) => onEdit('sentinelName', v)}
          placeholder="mymaster"
          error={errors['teamCache.sentinelName']}
          hint="The name the sentinels know the primary by."
        />
      )}
      <TextField
        path="teamCache.username"
        value={draft.username}
        onChange={(v) => onEdit('username', v)}
        error={errors['teamCache.username']}
        hint="For a Redis ACL user; leave empty for the default user."
      />
      <KeyField
        path="teamCache.password"
        value={draft.password}
        onChange={(v) => onEdit('password', v)}
        isSet={view.passwordSet}
        onRemove={() => onClear('password')}
        busy={busy}
        words={PASSWORD_WORDS}
        error={errors['teamCache.password']}
      />
      <KeyField
        path="teamCache.teamKey"
        value={draft.teamKey}
        onChange={(v) => onEdit('teamKey', v)}
        isSet={view.teamKeySet}
        onRemove={() => onClear('teamKey')}
        busy={busy}
        words={TEAM_KEY_WORDS}
        error={errors['teamCache.teamKey']}
        hint="Everyone on the team enters the same key. Entries are sealed with it on this machine, so Redis holds only sealed values; without a key nothing is shared."
      />
      <ConnectionTest
        label="Test team cache connection"
        onTest={test}
        pending={probe.isPending}
        error={probe.error}
        result={probe.data}
        problem={local}
        hint={credentialsEdited ? 'The test uses the URL typed here with the saved TLS, user, password and team key; save first to test changes to those.' : undefined}
      />
    </Card>
  );
}

