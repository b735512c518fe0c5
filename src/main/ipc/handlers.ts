/** The core behind each contract channel. Generations in flight are kept by requestId so they can be cancelled. */
import type { Core } from '../core';
import { GenerationError } from '../generation/pipeline';
import { briefInputSchema } from '../../shared/brief';
import { PERSONA_SCHEMAS } from '../../shared/persona';
import { ExportError } from '../report/report-exporter';
import { HandlerError, type Handlers } from './dispatcher';

export function createHandlers(core: Core): Handlers {
  const running = new Map<string, AbortController>();
  const exporting = new Map<string, AbortController>();

  return {
    'app:info': async () => ({
      version: core.version,
      dataDir: core.dataDir,
      providers: [...core.providers.values()].map((p) => ({ id: p.id, label: p.label, kind: p.kind })),
      defaultWorkshopId: core.store.defaultWorkshopId(),
    }),

    'generation:run': async ({ requestId, workshopId, brief, providerId }, context) => {
      if (running.has(requestId)) throw new HandlerError('invalid_request', 'A generation with this requestId is already running.', 'requestId');
      const controller = new AbortController();
      running.set(requestId, controller);
      try {
        return await core.generate(brief, {
          ...(workshopId ? { workshopId } : {}),
          ...(providerId ? { providerId } : {}),
          signal: controller.signal,
          onProgress: (phase, done, total) => context.emit('generation:progress', { requestId, phase, done, total }),
        });
      } catch (error) {
        if (error instanceof GenerationError) {
          throw new HandlerError(error.code, error.message, error.code === 'not_found' ? 'workshopId' : undefined);
        }
        throw error;
      } finally {
        running.delete(requestId);
      }
    },

    'generation:cancel': async ({ requestId }) => {
      const controller = running.get(requestId);
      controller?.abort();
      return { cancelled: controller !== undefined };
    },

    'workshops:list': async () => ({ workshops: core.store.listWorkshops() }),

    'workshops:create': async ({ name }) => core.store.createWorkshop(name),

    'runs:list': async ({ workshopId, limit }) => {
      if (!core.store.getWorkshop(workshopId)) throw new HandlerError('not_found', `No workshop has the id ${workshopId}.`, 'workshopId');
      return { runs: core.store.listRuns(workshopId, limit) };
    },

    'runs:get': async ({ runId }) => {
      const run = core.store.getRun(runId);
      if (!run) throw new HandlerError('not_found', `No run has the id ${runId}.`, 'runId');
      return run;
    },

    'validation:stats': async () => core.validationStats.snapshot(),

    'cache:stats': async () => core.cache.stats(),

    'cache:suggestions': async () => ({ suggestions: core.cache.getOptimizationSuggestions() }),

    'cache:clear': async () => core.cache.clear(),

    'providers:probe': async ({ providerId }) => core.probe(providerId),

    'scheduler:status': async () => core.scheduler.snapshot(),

    'settings:get': async () => core.settings.view(),

    'settings:update': async ({ change }) => {
      try {
        core.settings.apply(change);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const field = /^Setting ([\w.]+) /.exec(message)?.[1];
        throw new HandlerError('invalid_request', message, field ? `change.${field}` : 'change');
      }
      return core.settings.view();
    },

    'personas:edit': async ({ personaId, persona }) => {
      const stored = core.store.getPersona(personaId);
      if (!stored) throw new HandlerError('not_found', `No persona has the id ${personaId}.`, 'personaId');
      const level = core.store.getRunSummary(stored.runId)!.level;
      const parsed = PERSONA_SCHEMAS[level].safeParse(persona);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw new HandlerError('invalid_request', `The edited persona's ${issue.path.join('.') || 'content'} ${issue.message}; nothing was saved.`, `persona.${issue.path.join('.')}`);
      }
      core.store.editPersona(personaId, parsed.data);
      const saved = core.store.getPersona(personaId)!;
      return { persona: saved.persona, edits: saved.edits };
    },

    'personas:generate-one': async ({ runId, replacePersonaId, ageRange }) => {
      const run = core.store.getRun(runId);
      if (!run || !run.document) throw new HandlerError('not_found', `No run with personas has the id ${runId}.`, 'runId');
      const replaced = replacePersonaId ? run.document.personas.find((p) => p.id === replacePersonaId) : undefined;
      if (replacePersonaId && !replaced) throw new HandlerError('not_found', `The run has no persona with the id ${replacePersonaId}.`, 'replacePersonaId');
      // A fresh seed: the run's own would write the same first persona again.
      const { seed: _seed, ...brief } = run.brief;
      const result = await core.generate(
        briefInputSchema.parse({ ...brief, count: 1, ...(ageRange ? { ageRange } : {}) }),
        { workshopId: run.workshopId, providerId: run.provider, persist: false, exclude: run.document.personas.map((p) => p.name), priority: 'medium' },
      );
      const persona = result.document.personas[0]!;
      if (replaced?.id) {
        core.store.editPersona(replaced.id, persona);
        return { persona: core.store.getPersona(replaced.id)!.persona };
      }
      core.store.addPersona(runId, persona);
      return { persona };
    },

    'reports:export': async ({ requestId, runId, format }) => {
      if (exporting.has(requestId)) throw new HandlerError('invalid_request', 'An export with this requestId is already running.', 'requestId');
      const controller = new AbortController();
      exporting.set(requestId, controller);
      try {
        const { bytes, fileName, mimeType } = await core.reports.export(runId, format, controller.signal);
        return { fileName, mimeType, base64: bytes.toString('base64') };
      } catch (error) {
        if (error instanceof ExportError) throw new HandlerError(error.code === 'failed' ? 'internal' : error.code, error.message, error.code === 'not_found' ? 'runId' : undefined);
        throw error;
      } finally {
        exporting.delete(requestId);
      }
    },

    'reports:cancel': async ({ requestId }) => {
      const controller = exporting.get(requestId);
      controller?.abort();
      return { cancelled: controller !== undefined };
    },

    'runs:search': async ({ query, limit }) => ({ runs: core.store.searchRuns(query.trim(), limit) }),

    'monitor:live': async () => core.monitor.live(),

    'monitor:history': async ({ rangeMs, resolution }) => core.monitor.history(rangeMs, resolution),

    'monitor:traces': async () => ({ traces: core.monitor.recentTraces() }),

    'monitor:suggestions': async () => ({ suggestions: core.monitor.suggestions() }),

    'alerts:list': async ({ rangeMs }) => ({ alerts: core.monitor.listAlerts(rangeMs) }),

    'alerts:acknowledge': async ({ id }) => {
      if (!core.monitor.acknowledge(id)) throw new HandlerError('not_found', `No alert has the id ${id}.`, 'id');
      return { acknowledged: true };
    },

    'tuner:state': async () => core.monitor.tunerState(),

    'tuner:set-enabled': async ({ enabled }) => {
      // Saved, so that the choice outlives the session.
      core.settings.update({ monitor: { tuner: enabled } });
      return core.monitor.setTunerEnabled(enabled);
    },

    'tuner:audit': async ({ limit }) => ({ entries: core.monitor.auditLog(limit) }),
  };
}
