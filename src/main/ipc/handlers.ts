/** The core behind each contract channel. Generations and exports in flight are kept by requestId so they can be cancelled. */
import type { Core } from '../core';
import { GenerationError } from '../generation';
import { briefInputSchema } from '../../shared/brief';
import { PERSONA_SCHEMAS } from '../../shared/persona';
import { ExportError } from '../reports';
import { RecoveryError } from '../workshops';
import { SettingsError } from '../settings';
import { HandlerError, type Handlers } from './dispatcher';

/** Long requests by the caller's requestId, each with the signal its cancel channel fires. */
class CancellableRequests {
  private readonly inFlight = new Map<string, AbortController>();

  constructor(private readonly what: string) {}

  async run<T>(requestId: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    if (this.inFlight.has(requestId)) throw new HandlerError('invalid_request', `${this.what} with this requestId is already running.`, 'requestId');
    const controller = new AbortController();
    this.inFlight.set(requestId, controller);
    try {
      return await work(controller.signal);
    } finally {
      this.inFlight.delete(requestId);
    }
  }

  cancel(requestId: string): { cancelled: boolean } {
    const controller = this.inFlight.get(requestId);
    controller?.abort();
    return { cancelled: controller !== undefined };
  }
}

/** A generation's failure as the caller sees it: its own code and message, the field named when something was not found. */
async function generating<T>(work: Promise<T>, notFoundField: string): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof GenerationError) throw new HandlerError(error.code, error.message, error.code === 'not_found' ? notFoundField : undefined);
    throw error;
  }
}

export function createHandlers(core: Core): Handlers {
  const generations = new CancellableRequests('A generation');
  const exports = new CancellableRequests('An export');

  return {
    'app:info': async () => ({
      version: core.version,
      dataDir: core.dataDir,
      providers: [...core.providers.values()].map((p) => ({ id: p.id, label: p.label, kind: p.kind })),
      defaultWorkshopId: core.store.defaultWorkshopId(),
    }),

    'generation:run': async ({ requestId, workshopId, brief, providerId }, context) =>
      generations.run(requestId, (signal) =>
        generating(
          core.generate(brief, {
            ...(workshopId ? { workshopId } : {}),
            ...(providerId ? { providerId } : {}),
            signal,
            onProgress: (phase, done, total) => context.emit('generation:progress', { requestId, phase, done, total }),
          }),
          'workshopId',
        ),
      ),

    'generation:cancel': async ({ requestId }) => generations.cancel(requestId),

    'workshops:list': async () => ({ workshops: core.store.listWorkshops() }),

    'workshops:create': async ({ name }) => core.store.createWorkshop(name),

    'runs:list': async ({ workshopId, limit }) => {
      if (!core.store.getWorkshop(workshopId)) throw new HandlerError('not_found', `No workshop has the id ${workshopId}.`, 'workshopId');
      return { runs: core.store.listRuns(workshopId, limit) };
    },

    'brief:understand': async ({ brief }) => core.understand(brief),

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
        core.settings.update(change);
      } catch (error) {
        if (error instanceof SettingsError) throw new HandlerError('invalid_request', error.message, error.path ? `change.${error.path}` : 'change');
        throw error;
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
      const result = await generating(
        core.generate(briefInputSchema.parse({ ...brief, count: 1, ...(ageRange ? { ageRange } : {}) }), {
          workshopId: run.workshopId,
          providerId: run.provider,
          persist: false,
          exclude: run.document.personas.map((p) => p.name),
          priority: 'medium',
        }),
        'runId',
      );
      const persona = result.document.personas[0]!;
      if (replaced?.id) {
        core.store.editPersona(replaced.id, persona);
        return { persona: core.store.getPersona(replaced.id)!.persona };
      }
      core.store.addPersona(runId, persona);
      return { persona };
    },

    'reports:export': async ({ requestId, runId, format }) =>
      exports.run(requestId, async (signal) => {
        try {
          const { bytes, fileName, mimeType } = await core.reports.export(runId, format, signal);
          return { fileName, mimeType, base64: bytes.toString('base64') };
        } catch (error) {
          if (error instanceof ExportError) throw new HandlerError(error.code === 'failed' ? 'internal' : error.code, error.message, error.code === 'not_found' ? 'runId' : undefined);
          throw error;
        }
      }),

    'reports:cancel': async ({ requestId }) => exports.cancel(requestId),

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
      // Saved, so that the choice outlives the session; the settings change switches the tuner.
      core.settings.update({ monitor: { tuner: enabled } });
      return core.monitor.tunerState();
    },

    'tuner:audit': async ({ limit }) => ({ entries: core.monitor.auditLog(limit) }),

    'recovery:state': async () => core.recovery.state(),
    'recovery:restore': async ({ backup }) => recovering(core, () => core.recovery.restore(backup), 'backup'),
    'recovery:start-fresh': async () => recovering(core, () => core.recovery.startFresh()),
  };
}

/** Carries out a recovery choice, then restarts the app (or says the user must). */
function recovering(core: Core, choice: () => { movedTo: string }, field?: string) {
  try {
    const { movedTo } = choice();
    return { movedTo, restart: core.requestRestart() };
  } catch (error) {
    if (error instanceof RecoveryError) throw new HandlerError('invalid_request', error.message, field);
    throw error;
  }
}
