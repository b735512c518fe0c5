/**
 * A workshop day and the morning after, as analysts use the app: briefs run with their recorded
 * seed, re-run for a colleague, reworded, narrowed to an age band, compared in a neighbouring
 * country, revisited in the afternoon and reopened the next day after a restart. Replayed through
 * the real pipeline; the hit rate counts the cache's own gets (cultural lookups and seeded
 * generations), so preloading only helps when a caller later asks for what it warmed.
 * Preloading predicts from the saved access history, so the day is replayed on a data folder that
 * holds two earlier workshops of the same client (same segments, that day's seeds), which are not
 * counted; `earlier: false` replays the day on an empty folder.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ManualClock } from '../src/main/cache/clock';
import { createCore, type Core } from '../src/main/core/core';
import { briefInputSchema, type BriefInput } from '../src/shared/brief';

type Step = { run: BriefInput } | { wait: number } | { restart: true };

const HOUR = 3_600_000;
const WEEK = 7 * 24 * HOUR;
const lyon: BriefInput = { description: 'Eco-friendly meal-kit delivery for busy parents in Lyon', count: 5, level: 'standard', seed: 11 };
const brussels: BriefInput = { ...lyon, description: 'Eco-friendly meal-kit delivery for busy parents in Brussels', seed: 12 };
const geneva: BriefInput = { ...lyon, description: 'Eco-friendly meal-kit delivery for busy parents in Geneva', seed: 13 };
const students: BriefInput = { description: 'Budgeting app for university students in Manchester', count: 4, level: 'simple', seed: 21 };
const retirees: BriefInput = { description: 'Travel insurance for active retirees in Munich', count: 4, level: 'standard', seed: 31 };

const again = (brief: BriefInput, times: number): Step[] => Array.from({ length: times }, () => ({ run: brief }));

export const WORKSHOP_TRACE: Step[] = [
  // Morning: the first segment, shown round the room, reworded, narrowed to an age band.
  { run: lyon },
  ...again(lyon, 3),
  { run: { ...lyon, description: 'Eco-friendly meal-kit delivery for busy parents living in Lyon' } },
  { run: { ...lyon, ageRange: [28, 38] } },
  ...again(lyon, 2),
  // The same offer in neighbouring countries.
  { run: brussels },
  ...again(brussels, 2),
  { run: geneva },
  ...again(geneva, 2),
  // Two more segments, one retyped with different case and spacing.
  { run: students },
  ...again(students, 3),
  { run: { ...students, description: 'Budgeting app for university students in  manchester' } },
  { run: retirees },
  ...again(retirees, 3),
  // Afternoon: two rounds of presenting every segment to the client, each re-run as it is discussed.
  { wait: 4 * HOUR },
  ...again(lyon, 4),
  ...again({ ...lyon, ageRange: [28, 38] }, 2),
  ...again(brussels, 3),
  ...again(geneva, 3),
  ...again(students, 4),
  ...again(retirees, 3),
  { wait: 2 * HOUR },
  ...again(lyon, 3),
  ...again(brussels, 2),
  ...again(geneva, 2),
  ...again(students, 3),
  ...again(retirees, 2),
  // The next morning, after a restart: the team reviews the day's segments and rewords one.
  { wait: 14 * HOUR },
  { restart: true },
  ...again(lyon, 3),
  ...again(brussels, 2),
  ...again(geneva, 2),
  ...again(students, 3),
  ...again(retirees, 3),
  { run: { ...retirees, description: 'Travel insurance for active retirees around Munich' } },
  ...again(lyon, 2),
];

/** A workshop some weeks back: each segment once, with that day's seeds (new people, so new generations). */
const earlierWorkshop = (seedOffset: number): Step[] =>
  [lyon, brussels, geneva, students, retirees].map((brief) => ({ run: { ...brief, seed: brief.seed! + seedOffset } }));

/** Eight and four weeks before the day, each followed by a restart: their cultural lookups have expired by the day. */
export const EARLIER_WORKSHOPS: Step[] = [...earlierWorkshop(100), { wait: 4 * WEEK }, { restart: true }, ...earlierWorkshop(200), { wait: 4 * WEEK }, { restart: true }];

export interface TraceResult {
  runs: number;
  distinctBriefs: number;
  gets: number;
  hits: number;
  hitRate: number;
  preloaded: number;
  preloadUsed: number;
}

export async function replayWorkshopTrace({ preload, earlier = true }: { preload: boolean; earlier?: boolean }): Promise<TraceResult> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'persona-trace-'));
  const clock = new ManualClock();
  const policy = { enabled: preload, perLookup: 3, maxLoadPerCore: Number.POSITIVE_INFINITY };
  const open = () => createCore({ dataDir, cacheClock: clock, preload: policy });
  let core: Core = open();
  const totals = { gets: 0, hits: 0, preloaded: 0, preloadUsed: 0 };
  // What the earlier workshops counted (cache.db keeps the counters), taken off the day's figures.
  let before = { ...totals };
  // cache.db keeps the counters across restarts: each session's stats are the totals so far.
  const collect = () => {
    const stats = core.cache.stats();
    totals.gets = totals.hits = 0;
    for (const kind of Object.values(stats.kinds)) {
      totals.gets += kind.gets;
      totals.hits += kind.l1Hits + kind.l2Hits;
    }
    totals.preloaded = stats.preload.loaded;
    totals.preloadUsed = stats.preload.used;
  };
  try {
    for (const [index, step] of [...(earlier ? EARLIER_WORKSHOPS : []), ...WORKSHOP_TRACE].entries()) {
      if (earlier && index === EARLIER_WORKSHOPS.length) {
        collect();
        before = { ...totals };
      }
      if ('wait' in step) {
        clock.advance(step.wait);
        // The app sweeps every minute: by the end of a wait, what expired during it is gone.
        await core.cache.sweep();
      } else if ('restart' in step) {
        collect();
        core.close();
        core = open();
      } else {
        await core.generate(briefInputSchema.parse(step.run));
        // An analyst reads the personas before the next run: background preloading gets its idle moment.
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    }
    collect();
    for (const field of ['gets', 'hits', 'preloaded', 'preloadUsed'] as const) totals[field] -= before[field];
  } finally {
    core.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  const runs = WORKSHOP_TRACE.filter((step): step is { run: BriefInput } => 'run' in step);
  const distinctBriefs = new Set(runs.map((step) => JSON.stringify(briefInputSchema.parse(step.run)))).size;
  return { ...totals, runs: runs.length, distinctBriefs, hitRate: Math.round((totals.hits / totals.gets) * 1000) / 10 };
}
