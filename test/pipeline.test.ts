import { describe, expect, it } from 'vitest';
import { createCore } from '../src/main/core/core';
import { GenerationError } from '../src/main/generation';
import { briefInputSchema, type BriefInput } from '../src/shared/brief';
import type { ProgressPhase } from '../src/shared/ipc/types';
import { jsonSchemaValidators, tempDir } from './helpers';

const parse = (brief: BriefInput) => briefInputSchema.parse(brief);

describe('generation pipeline', () => {
  it('reports every phase in order, stores the run with provenance, and returns a valid document', async () => {
    const core = createCore({ dataDir: tempDir() });
    try {
      const events: Array<[ProgressPhase, number, number]> = [];
      const { run, document } = await core.generate(parse({ description: 'Eco-friendly meal-kit delivery for busy parents in Lyon', count: 5, level: 'standard', seed: 42 }), {
        onProgress: (phase, done, total) => events.push([phase, done, total]),
      });
      const phases = [...new Set(events.map(([phase]) => phase))];
      expect(phases).toEqual(['analyze', 'culture', 'generate', 'validate', 'store']);
      expect(events.filter(([p]) => p === 'generate').map(([, done]) => done)).toEqual([0, 1, 2, 3, 4, 5]);
      expect(events.at(-1)).toEqual(['store', 1, 1]);

      expect(jsonSchemaValidators().standard(document)).toBe(true);
      expect(document.brief).toMatchObject({ seed: 42, count: 5, level: 'standard', language: 'en' });
      for (const persona of document.personas) {
        expect(persona.id).toMatch(/^[0-9a-f-]{36}$/);
        expect(persona.meta).toMatchObject({ source: 'offline', repaired: [], filled: [] });
        expect(persona.meta!.qualityScore).toBeGreaterThan(0);
        expect(Date.parse(persona.meta!.generatedAt!)).not.toBeNaN();
      }
      expect(run).toMatchObject({ status: 'completed', provider: 'offline', seed: 42, count: 5 });
      const stored = core.store.getRun(run.id)!;
      expect(stored.document!.personas).toEqual(document.personas);
    } finally {
      core.close();
    }
  });

  it('records a random seed when none is given, so the run can be replayed', async () => {
    const core = createCore({ dataDir: tempDir() });
    try {
      const first = await core.generate(parse({ description: 'Budget travel app for students in Madrid', count: 3, level: 'simple' }));
      const seed = first.document.brief!.seed!;
      expect(Number.isInteger(seed)).toBe(true);
      const replay = await core.generate(parse({ description: 'Budget travel app for students in Madrid', count: 3, level: 'simple', seed }));
      const strip = (p: { id?: string; meta?: unknown }) => ({ ...p, id: undefined, meta: undefined });
      expect(replay.document.personas.map(strip)).toEqual(first.document.personas.map(strip));
    } finally {
      core.close();
    }
  });

  it('stops when cancelled mid-run, saves no persona, and records the run as cancelled', async () => {
    const core = createCore({ dataDir: tempDir() });
    try {
      const controller = new AbortController();
      const seen: number[] = [];
      const workshopId = core.store.currentWorkshopId();
      const promise = core.generate(parse({ description: 'Premium running shoes for marathon runners in Tokyo', count: 50, level: 'standard' }), {
        signal: controller.signal,
        onProgress: (phase, done) => {
          if (phase !== 'generate') return;
          seen.push(done);
          if (done === 3) controller.abort();
        },
      });
      await expect(promise).rejects.toSatisfy((e) => e instanceof GenerationError && e.code === 'cancelled');
      expect(Math.max(...seen)).toBeLessThan(50);
      const runs = core.store.listRuns(workshopId);
      expect(runs).toEqual([expect.objectContaining({ status: 'cancelled', qualityScore: null })]);
      expect(core.store.getRun(runs[0]!.id)!.document).toBeNull();
      expect(core.store.getWorkshop(workshopId)!.personaCount).toBe(0);
    } finally {
      core.close();
    }
  });

  it('refuses an unknown workshop without recording anything', async () => {
    const core = createCore({ dataDir: tempDir() });
    try {
      await expect(core.generate(parse({ description: 'Meal kits for parents in Lyon', count: 1, level: 'simple' }), { workshopId: 'missing' })).rejects.toSatisfy(
        (e) => e instanceof GenerationError && e.code === 'not_found',
      );
      expect(core.store.listWorkshops().every((w) => w.runCount === 0)).toBe(true);
    } finally {
      core.close();
    }
  });
});
