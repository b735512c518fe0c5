/**
 * The Qloo source against the strict stand-in: destinations need interest entities, food is
 * restaurants in the brief's place, a place Qloo cannot resolve is a 400, and where something
 * streams is not part of its taste.
 */
import { describe, expect, it } from 'vitest';
import { DATASET_DIR } from '../src/main/platform/app-root';
import { loadDataset } from '../src/main/world/dataset';
import { BundledCultureSource } from '../src/main/providers/culture/bundled-culture';
import { QlooCultureSource } from '../src/main/providers/culture/qloo-culture';
import { Scheduler } from '../src/main/scheduler/scheduler';
import { requestFor, serve, signal } from './support/rules-fixture';
import type { ProviderServer } from './support/provider-server';

const dataset = loadDataset(DATASET_DIR);

function qlooAt(server: ProviderServer) {
  const scheduler = new Scheduler({ resources: null, retry: { initialDelayMs: 5, maxDelayMs: 20 } });
  return { scheduler, qloo: new QlooCultureSource(() => ({ baseUrl: server.url, apiKey: 'q-key', take: 4 }), scheduler, new BundledCultureSource(() => dataset)) };
}

async function insights(url: string, query: Record<string, string>): Promise<number> {
  return (await fetch(`${url}/v2/insights?${new URLSearchParams(query)}`, { headers: { 'x-api-key': 'q-key' } })).status;
}

describe('the stand-in refuses what Qloo refuses', () => {
  it('destinations without interest entities; a place no locality matches', async () => {
    const server = await serve({ qlooLocalities: ['Paris'] });
    expect(await insights(server.url, { 'filter.type': 'urn:entity:destination' })).toBe(400);
    expect(await insights(server.url, { 'filter.type': 'urn:entity:destination', 'signal.interests.entities': 'artist-0' })).toBe(200);
    expect(await insights(server.url, { 'filter.type': 'urn:entity:artist', 'signal.location.query': 'Lyon' })).toBe(400);
    expect(await insights(server.url, { 'filter.type': 'urn:entity:artist', 'signal.location.query': 'Paris' })).toBe(200);
  });
});

describe('Qloo source', () => {
  it('destinations are asked with the entities the other lookups found as interests, and come from Qloo', async () => {
    const server = await serve();
    const { qloo, scheduler } = qlooAt(server);
    const constraints = await qloo.constraintsFor((await requestFor(1)).analysis, signal());
    expect(server.refusals).toHaveLength(0);
    expect(constraints.fallbackCategories).toBeUndefined();
    expect(constraints.categories.destinations.map((c) => c.name)).toEqual(['Qloo destination 1', 'Qloo destination 2', 'Qloo destination 3', 'Qloo destination 4']);
    const destinations = server.requests.find((r) => r.query.get('filter.type') === 'urn:entity:destination')!;
    expect(destinations.query.get('signal.interests.entities')!.split(',')).toEqual(['artist-0', 'artist-1', 'movie-0', 'movie-1', 'tv_show-0', 'tv_show-1', 'book-0', 'book-1', 'brand-0', 'brand-1', 'place-0', 'place-1']);
    scheduler.close();
  });

  it("food is restaurants in the brief's place, not every kind of place worldwide", async () => {
    const server = await serve();
    const { qloo, scheduler } = qlooAt(server);
    const constraints = await qloo.constraintsFor((await requestFor(1)).analysis, signal());
    const food = server.requests.find((r) => r.query.get('filter.type') === 'urn:entity:place')!;
    expect(food.query.get('filter.tags')).toBe('urn:tag:genre:place:restaurant');
    expect(food.query.get('filter.location.query')).toBe('Lyon');
    expect(constraints.categories.food.map((c) => c.name)).toEqual(['Qloo restaurant 1 in Lyon', 'Qloo restaurant 2 in Lyon', 'Qloo restaurant 3 in Lyon', 'Qloo restaurant 4 in Lyon']);
    scheduler.close();
  });

  it('a place Qloo cannot resolve: each lookup is asked again without it, says so, and the place is not sent again', async () => {
    const server = await serve({ qlooLocalities: ['Paris'] });
    const { qloo, scheduler } = qlooAt(server);
    const analysis = (await requestFor(1)).analysis;
    const constraints = await qloo.constraintsFor(analysis, signal());
    expect(constraints.fallbackCategories).toBeUndefined();
    expect(constraints.source).toBe('qloo (not localised: Qloo found no place "Lyon")');
    expect(server.refusals.map((r) => r.refused)).toEqual(Array(7).fill('locality'));
    const before = server.requests.length;
    await qloo.constraintsFor(analysis, signal());
    expect(server.requests.slice(before)).toHaveLength(8);
    expect(server.requests.slice(before).some((r) => r.query.has('signal.location.query') || r.query.has('filter.location.query'))).toBe(false);
    scheduler.close();
  });

  it('streaming services are not taste: their tags stay out of the candidates', async () => {
    const server = await serve();
    const { qloo, scheduler } = qlooAt(server);
    const constraints = await qloo.constraintsFor((await requestFor(1)).analysis, signal());
    // Qloo tags media with where it streams, next to its genres.
    const raw = await (await fetch(`${server.url}/v2/insights?filter.type=urn:entity:tv_show`, { headers: { 'x-api-key': 'q-key' } })).text();
    expect(raw).toContain('urn:tag:streaming_service');
    for (const category of ['tv', 'movies', 'music', 'podcasts'] as const) expect(constraints.categories[category][0]!.tags).toEqual(['test genre']);
    scheduler.close();
  });
});
