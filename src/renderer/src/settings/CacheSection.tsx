/** The cache card: memory budget and entry lifetimes (saved with the form), what is cached now, and Clear cache. */
import { useEffect, useState } from 'react';
import type { ResponseOf } from '../../../shared/ipc/types';
import { api, messageOf } from '../api/client';
import { NumberField } from './fields';
import { formatBytes, type FieldErrors, type SettingsDraft } from './model';
import { Card } from './sections';

type CacheStats = ResponseOf<'cache:stats'>;
type Tier = CacheStats['l1'];
type Stats = { state: 'loading' } | { state: 'ready'; stats: CacheStats } | { state: 'failed'; message: string };

function entries(n: number): string {
  return `${n} ${n === 1 ? 'entry' : 'entries'}`;
}

function describeTier(tier: Tier): string {
  if (!tier.available) return 'unavailable';
  const size = tier.maxBytes > 0 ? `${formatBytes(tier.bytes)} of ${formatBytes(tier.maxBytes)}` : formatBytes(tier.bytes);
  return `${entries(tier.entries)} · ${size}`;
}

export function CacheSection({
  draft,
  errors,
  refreshKey,
  onEdit,
}: {
  draft: SettingsDraft['cache'];
  errors: FieldErrors;
  /** Changes when the saved settings do, so that the figures are read again. */
  refreshKey: unknown;
  onEdit: <K extends keyof SettingsDraft['cache']>(key: K, value: SettingsDraft['cache'][K]) => void;
}) {
  const [stats, setStats] = useState<Stats>({ state: 'loading' });
  const [reads, setReads] = useState(0);
  const [armed, setArmed] = useState(false);
  const [clearing, setClearing] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);

  useEffect(() => {
    if (!api) return;
    let live = true;
    api.call('cache:stats', {}).then(
      (next) => live && setStats({ state: 'ready', stats: next }),
      (error: unknown) => live && setStats({ state: 'failed', message: messageOf(error) }),
    );
    return () => {
      live = false;
    };
  }, [refreshKey, reads]);

  const clear = async () => {
    if (!api || clearing) return;
    if (!armed) {
      setOutcome(null);
      setArmed(true);
      return;
    }
    setClearing(true);
    try {
      const { entries: n } = await api.call('cache:clear', {});
      setOutcome({ ok: true, text: `Cleared ${entries(n)}` });
      setReads((r) => r + 1);
    } catch (error) {
      setOutcome({ ok: false, text: `The cache could not be cleared: ${messageOf(error)}` });
    } finally {
      setClearing(false);
      setArmed(false);
    }
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
      <div className="settings-stats">
        <h4>Cached now</h4>
        {stats.state === 'loading' && <p className="settings-hint">Reading cache figures…</p>}
        {stats.state === 'failed' && <p className="settings-hint">Cache figures unavailable: {stats.message}</p>}
        {stats.state === 'ready' && (
          <dl>
            <div>
              <dt>Memory (L1)</dt>
              <dd>{describeTier(stats.stats.l1)}</dd>
            </div>
            <div>
              <dt>Disk (L2)</dt>
              <dd>{describeTier(stats.stats.l2)}</dd>
            </div>
          </dl>
        )}
      </div>
      <div className="settings-clear">
        <div className="settings-buttons">
          <button
            type="button"
            className={armed ? 'settings-danger' : 'secondary'}
            onClick={() => void clear()}
            disabled={clearing}
            aria-describedby={armed ? 'settings-cache-confirm' : undefined}
          >
            Clear cache
          </button>
          {armed && (
            <button type="button" className="secondary" onClick={() => setArmed(false)} disabled={clearing}>
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
