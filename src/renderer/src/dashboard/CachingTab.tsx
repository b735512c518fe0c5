/** The cache per kind of entry and per tier (memory, cache.db, the team's Redis): hit rate, latency, bytes, evictions, preloading, storage. */
import type { CacheStats } from '../../../shared/performance';
import { formatClock, formatDateTime, formatNumber, formatRate } from './format';
import { formatMs } from './team-format';
import { useCacheStatsQuery } from './insight-queries';
import { formatBytes, formatMicros } from './insight-format';
import './team.css';

const KINDS: Array<[keyof CacheStats['kinds'], string]> = [
  ['culture', 'Culture lookups'],
  ['generation', 'Generations'],
  ['answer', 'Answers'],
];

/** Fields other parts of issue 23 add to cache:stats; absent from an older core. */
interface Extras {
  storage?: { plainBytes: number; storedBytes: number; ratio: number | null };
  since?: number;
}

function Kinds({ stats }: { stats: CacheStats }) {
  // The team column only where a core reports a team tier.
  const team = stats.l3 !== undefined;
  return (
    <section className="dash-panel" aria-labelledby="cache-kinds-title">
      <h3 id="cache-kinds-title">By kind of entry</h3>
      <div className="dash-table-wrap">
        <table className="dash-table">
          <thead>
            <tr>
              <th scope="col">Kind</th>
              <th scope="col">Lookups</th>
              <th scope="col">Hit rate</th>
              <th scope="col">Memory hits</th>
              <th scope="col">Disk hits</th>
              {team && <th scope="col">Team hits</th>}
              <th scope="col">Misses</th>
              <th scope="col">Mean latency</th>
            </tr>
          </thead>
          <tbody>
            {KINDS.map(([kind, label]) => {
              const k = stats.kinds[kind];
              return (
                <tr key={kind}>
                  <th scope="row">{label}</th>
                  <td>{formatNumber(k.gets)}</td>
                  <td>{formatRate(k.hitRate)}</td>
                  <td>{formatNumber(k.l1Hits)}</td>
                  <td>{formatNumber(k.l2Hits)}</td>
                  {team && <td>{formatNumber(k.l3Hits ?? 0)}</td>}
                  <td>{formatNumber(k.misses)}</td>
                  <td>{formatMicros(k.meanLatencyUs)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Tier({ title, tier }: { title: string; tier: CacheStats['l1'] }) {
  return (
    <div>
      <dt>{title}</dt>
      <dd>
        {tier.available ? `${formatBytes(tier.bytes)} of ${formatBytes(tier.maxBytes)} · ${formatNumber(tier.entries)} entries · ${formatNumber(tier.evictions)} evicted` : 'not available'}
      </dd>
    </div>
  );
}

const TEAM_STATE: Record<NonNullable<CacheStats['l3']>['state'], string> = {
  connected: 'connected',
  skipped: 'skipped for now (Redis is not answering; tried again by itself)',
  off: 'off (no team cache set)',
};

const ENTRIES_UNKNOWN: Record<NonNullable<NonNullable<CacheStats['l3']>['entriesUnknown']>, string> = {
  off: 'not known (no team cache set)',
  unreachable: 'not known while Redis is not answering',
  counting: 'being counted…',
  too_many: 'not counted: Redis holds too many keys to count cheaply',
};

/** This team's entries in Redis, as last counted (at most once a minute), or why the figure is not known. */
function teamEntries(tier: NonNullable<CacheStats['l3']>): string {
  if (tier.entries !== null) return `${formatNumber(tier.entries)} entries of this team in Redis${tier.entriesAt ? ` (counted at ${formatClock(tier.entriesAt, true)})` : ''}`;
  return ENTRIES_UNKNOWN[tier.entriesUnknown ?? 'counting'];
}

/** The team cache (L3): its state, then what it answered, refused and failed, and how fast. */
function TeamTier({ tier }: { tier: CacheStats['l3'] }) {
  if (tier === undefined) return null;
  const { latency } = tier;
  return (
    <>
      <div>
        <dt>Team cache (L3)</dt>
        <dd className={tier.state === 'off' ? 'dash-l3-off' : undefined}>{TEAM_STATE[tier.state]}</dd>
      </div>
      {tier.state !== 'off' && (
        <>
          <div>
            <dt>Team cache answers</dt>
            <dd>
              {formatNumber(tier.hits)} hits · {formatNumber(tier.misses)} misses · {formatNumber(tier.refused)} refused · {formatNumber(tier.errors)} errors
              {tier.skipped > 0 ? ` · ${formatNumber(tier.skipped)} skipped` : ''}
            </dd>
          </div>
          <div>
            <dt>Team cache entries</dt>
            <dd>{teamEntries(tier)}</dd>
          </div>
          <div>
            <dt>Team cache latency</dt>
            <dd>{latency.samples > 0 ? `p50 ${formatMs(latency.p50Ms)} · p95 ${formatMs(latency.p95Ms)} (${formatNumber(latency.samples)} reads)` : 'not measured yet'}</dd>
          </div>
        </>
      )}
    </>
  );
}

type PreloadKinds = NonNullable<CacheStats['preload']['kinds']>;

/** Whether preloading of a kind runs, and if it was stopped for want of use, until when. */
function preloadStatus(k: PreloadKinds['culture']): string {
  if (k.stopped) return `stopped until ${k.stoppedUntil !== null ? formatClock(k.stoppedUntil) : 'later'}: too few used`;
  if (k.stops > 0) return `on (stopped ${formatNumber(k.stops)}× this session)`;
  return k.loaded > 0 ? 'on' : 'nothing preloaded';
}

/** Per kind: entries preloaded, how many a caller then asked for, and whether preloading it was stopped. */
function PreloadByKind({ kinds }: { kinds: PreloadKinds | undefined }) {
  if (kinds === undefined) return null;
  return (
    <section className="dash-panel" aria-labelledby="cache-preload-title">
      <h3 id="cache-preload-title">Preloading by kind</h3>
      <div className="dash-table-wrap">
        <table className="dash-table" aria-labelledby="cache-preload-title">
          <thead>
            <tr>
              <th scope="col">Kind</th>
              <th scope="col">Preloaded</th>
              <th scope="col">Used</th>
              <th scope="col">Share used</th>
              <th scope="col">Preloading</th>
            </tr>
          </thead>
          <tbody>
            {KINDS.map(([kind, label]) => {
              const k = kinds[kind];
              return (
                <tr key={kind}>
                  <th scope="row">{label}</th>
                  <td>{formatNumber(k.loaded)}</td>
                  <td>{formatNumber(k.used)}</td>
                  <td>{formatRate(k.loaded > 0 ? k.used / k.loaded : null)}</td>
                  <td className={k.stopped ? 'dash-preload-stopped' : undefined}>{preloadStatus(k)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function CachingTab() {
  const { data, isError, isFetching } = useCacheStatsQuery();
  if (data === undefined) return <p className="dash-empty">{isError && !isFetching ? 'The cache figures could not be loaded.' : 'Loading…'}</p>;
  const { storage, since } = data as CacheStats & Extras;
  const { loaded, used } = data.preload;
  return (
    <div className="dash-tab">
      <p className="dash-small dash-muted">{since ? `Counting since ${formatDateTime(since)}.` : 'Counting since the app started.'}</p>
      <Kinds stats={data} />
      <section className="dash-panel" aria-labelledby="cache-tiers-title">
        <h3 id="cache-tiers-title">Tiers, preloading and storage</h3>
        <dl className="dash-facts">
          <Tier title="Memory (L1)" tier={data.l1} />
          <Tier title="cache.db (L2)" tier={data.l2} />
          <TeamTier tier={data.l3} />
          <div>
            <dt>Preloaded</dt>
            <dd>{loaded > 0 ? `${formatNumber(used)} of ${formatNumber(loaded)} used (${formatRate(used / loaded)})` : 'nothing preloaded'}</dd>
          </div>
          <div>
            <dt>Storage in cache.db</dt>
            <dd>
              {storage && storage.ratio !== null
                ? `${formatBytes(storage.storedBytes)} stored for ${formatBytes(storage.plainBytes)} of values (${formatRate(storage.ratio)} of plain)`
                : 'not measured yet'}
            </dd>
          </div>
          <div>
            <dt>Loads from disk</dt>
            <dd>
              {formatNumber(data.loads)} · {formatNumber(data.loadErrors)} failed · {formatNumber(data.recoveries)} recoveries
            </dd>
          </div>
        </dl>
      </section>
      <PreloadByKind kinds={data.preload.kinds} />
    </div>
  );
}
