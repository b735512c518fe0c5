/**
 * The cache card: memory and cache.db budgets, entry lifetimes and preloading (saved with the form), what is cached now, and
 * Clear cache. The memory cache's size in use can differ from the budget set here for a while (the
 * emergency response shrinks it under pressure); the card then says so and who changed it.
 */
import { useRef, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AuditEntry, ResponseOf } from '../../../shared/ipc/types';
import { formatBytes } from '../../../shared/monitor-units';
import { SETTINGS_RANGES } from '../../../shared/settings-ranges';
import { messageOf } from '../app/api-client';
import { useApi } from '../app/api-context';
import { queryKeys } from '../app/query-keys';
import { CheckboxField, NumberField } from './fields';
import type { SettingsDraft } from './setting-paths';
import type { FieldErrors } from './setting-paths';
import { Card } from './sections';
import { cacheStatsQuery, l1AuditQuery } from './settings-queries';

type CacheStats = ResponseOf<'cache:stats'>;
type Tier = CacheStats['l1'];
type Stats = { state: 'loading' } | { state: 'ready'; stats: CacheStats; l1ChangedBy: AuditEntry['source'] | null } | { state: 'failed'; message: string };

const MB = 1_048_576;
const L1_SUBJECTS: ReadonlySet<string> = new Set(['l1_bytes', 'shrink_l1']);
const CHANGED_BY: Record<AuditEntry['source'], string> = {
  emergency: 'reduced by the emergency response until the machine calms down',
  tuner: 'changed by the auto-tuner',
  user: 'changed by you',
};

function entries(n: number): string {
  return `${n} ${n === 1 ? 'entry' : 'entries'}`;
}

function describeTier(tier: Tier): string {
  if (!tier.available) return 'unavailable';
  const size = tier.maxBytes > 0 ? `${formatBytes(tier.bytes)} of ${formatBytes(tier.maxBytes)}` : formatBytes(tier.bytes);
  return `${entries(tier.entries)} · ${size}`;
}

/** The team cache in a line: off, skipped for now, or this team's entries in Redis, its hits and what it refused. */
function describeTeamTier(tier: NonNullable<CacheStats['l3']>): string {
  const entries = tier.entries !== null ? `${tier.entries} ${tier.entries === 1 ? 'entry' : 'entries'} of this team · ` : '';
  const counts = `${entries}${tier.hits} ${tier.hits === 1 ? 'hit' : 'hits'} · ${tier.misses} ${tier.misses === 1 ? 'miss' : 'misses'}${tier.refused > 0 ? ` · ${tier.refused} refused` : ''}`;
  return tier.state === 'skipped' ? `skipped for now: Redis is not answering (it is tried again by itself) · ${counts}` : `connected · ${counts}`;
}

/** L1 as used now, and, when that is not the saved budget, the budget and who changed the size. */
function describeMemoryTier(tier: Tier, budgetMb: number, changedBy: AuditEntry['source'] | null): string {
  const described = describeTier(tier);
  if (!tier.available || tier.maxBytes === budgetMb * MB) return described;
  const why = changedBy ? CHANGED_BY[changedBy] : 'changed for now by the auto-tuner or the emergency response';
  return `${described} now (your budget ${formatBytes(budgetMb * MB)}; ${why})`;
}

/**
 * The cache's figures, and when L1's size in use is not the saved budget, who last sized it (the
 * newest audit step about it). That only adds to the figures: without it they still show.
 */
function useCacheStats(savedL1Mb: number): Stats {
  const api = useApi();
  const stats = useQuery(cacheStatsQuery(api));
  const resized = stats.data !== undefined && stats.data.l1.maxBytes !== savedL1Mb * MB;
  const audit = useQuery({ ...l1AuditQuery(api), enabled: resized });
  if (stats.data === undefined) return stats.isError && !stats.isFetching ? { state: 'failed', message: messageOf(stats.error) } : { state: 'loading' };
  if (resized && audit.isPending) return { state: 'loading' };
  const changedBy = resized ? (audit.data?.find((step) => L1_SUBJECTS.has(step.subject))?.source ?? null) : null;
  return { state: 'ready', stats: stats.data, l1ChangedBy: changedBy };
}

export function CacheSection({
  draft,
  savedL1Mb,
  errors,
  onEdit,
}: {
  draft: SettingsDraft['cache'];
  /** The memory cache budget as saved (the draft may hold an unsaved edit). */
  savedL1Mb: number;
  errors: FieldErrors;
  onEdit: <K extends keyof SettingsDraft['cache']>(key: K, value: SettingsDraft['cache'][K]) => void;
}) {
  const api = useApi();
  const queryClient = useQueryClient();
  const stats = useCacheStats(savedL1Mb);
  const [armed, setArmed] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const clearButton = useRef<HTMLButtonElement>(null);
  const clearCache = useMutation({
    mutationFn: () => api.call('cache:clear', {}),
    onSuccess: ({ entries: n }) => {
      setOutcome({ ok: true, text: `Cleared ${entries(n)}` });
      void queryClient.invalidateQueries({ queryKey: queryKeys.cache.all });
    },
    onError: (error) => setOutcome({ ok: false, text: `The cache could not be cleared: ${messageOf(error)}` }),
    onSettled: () => setArmed(false),
  });
  const clearing = clearCache.isPending;

  const clear = () => {
    if (clearing) return;
    if (!armed) {
      setOutcome(null);
      setArmed(true);
      return;
    }
    clearCache.mutate();
  };

  return (
    <Card id="cache" title="Cache" about="Answers are kept in memory (L1) and on disk (L2) so that repeated briefs come back at once.">
      <NumberField
        path="cache.l1MaxMb"
        value={draft.l1MaxMb}
        onChange={(v) => onEdit('l1MaxMb', v)}
        min={4}
        max={1024}
        step={1}
        error={errors['cache.l1MaxMb']}
        hint="The most memory the cache may use. Under memory or CPU pressure the emergency response shrinks it for a while."
      />
      <div className="row settings-pair">
        <NumberField
          path="cache.ttlMinMinutes"
          value={draft.ttlMinMinutes}
          onChange={(v) => onEdit('ttlMinMinutes', v)}
          min={1}
          max={1440}
          step={1}
          error={errors['cache.ttlMinMinutes']}
        />
        <NumberField
          path="cache.ttlMaxDays"
          value={draft.ttlMaxDays}
          onChange={(v) => onEdit('ttlMaxDays', v)}
          min={1}
          max={365}
          step={1}
          error={errors['cache.ttlMaxDays']}
        />
      </div>
      <NumberField
        path="cache.l2MaxMb"
        value={draft.l2MaxMb}
        onChange={(v) => onEdit('l2MaxMb', v)}
        min={SETTINGS_RANGES.cache.l2MaxMb.min}
        max={SETTINGS_RANGES.cache.l2MaxMb.max}
        step={16}
        error={errors['cache.l2MaxMb']}
        hint="The most disk cache.db may use; the least valuable entries are removed beyond it."
      />
      <div className="row settings-pair">
        <CheckboxField path="cache.preload" checked={draft.preload} onChange={(v) => onEdit('preload', v)} error={errors['cache.preload']} hint="Warms the cultural lookups likely to come next, while the machine is idle." />
        <NumberField
          path="cache.preloadPerLookup"
          value={draft.preloadPerLookup}
          onChange={(v) => onEdit('preloadPerLookup', v)}
          min={SETTINGS_RANGES.cache.preloadPerLookup.min}
          max={SETTINGS_RANGES.cache.preloadPerLookup.max}
          step={1}
          disabled={!draft.preload}
          error={errors['cache.preloadPerLookup']}
        />
      </div>
      <div className="settings-stats">
        <h4>Cached now</h4>
        {stats.state === 'loading' && <p className="settings-hint">Reading cache figures…</p>}
        {stats.state === 'failed' && <p className="settings-hint">Cache figures unavailable: {stats.message}</p>}
        {stats.state === 'ready' && (
          <dl>
            <div>
              <dt>Memory (L1)</dt>
              <dd>{describeMemoryTier(stats.stats.l1, savedL1Mb, stats.l1ChangedBy)}</dd>
            </div>
            <div>
              <dt>Disk (L2)</dt>
              <dd>{describeTier(stats.stats.l2)}</dd>
            </div>
            {/* Only while a team cache is set: the Team cache card beside this one says when it is off. */}
            {stats.stats.l3 && stats.stats.l3.state !== 'off' && (
              <div>
                <dt>Team (L3)</dt>
                <dd>{describeTeamTier(stats.stats.l3)}</dd>
              </div>
            )}
          </dl>
        )}
      </div>
      <div className="settings-clear">
        <div className="settings-buttons">
          {/* Never disabled while clearing: a disabled button would drop the keyboard focus it holds; clear() ignores repeats. */}
          <button
            ref={clearButton}
            type="button"
            className={armed ? 'settings-danger' : 'secondary'}
            onClick={clear}
            aria-disabled={clearing || undefined}
            aria-describedby={armed ? 'settings-cache-confirm' : undefined}
          >
            Clear cache
          </button>
          {armed && !clearing && (
            <button
              type="button"
              className="secondary"
              onClick={() => {
                setArmed(false);
                clearButton.current?.focus();
              }}
            >
              Cancel
            </button>
          )}
        </div>
        <div aria-live="polite">
          {armed && (
            <p id="settings-cache-confirm" className="settings-warning-text">
              This deletes every cached answer, in memory and on disk. Press Clear cache again to confirm.
            </p>
          )}
          {clearing && <p className="settings-hint">Clearing…</p>}
          {outcome && <p className={outcome.ok ? 'settings-good' : 'settings-bad'}>{outcome.text}</p>}
        </div>
      </div>
    </Card>
  );
}
