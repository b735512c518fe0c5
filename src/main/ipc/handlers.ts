/**
 * Each contract channel to the module entry point behind it, and nothing more: the rules live in the
 * modules, and their AppErrors reach the caller through the dispatcher. Generations, exports and
 * questions in flight are kept by requestId so they can be cancelled; an answer's tokens go out as
 * 'answer:token' events of the request that asked.
 */
import type { Core } from '../core';
import { AppError } from '../platform';
import type { HandlerContext, Handlers } from './dispatcher';

/** Long requests by the caller's requestId, each with the signal its cancel channel fires. */
class CancellableRequests {
  private readonly inFlight = new Map<string, AbortController>();

  constructor(private readonly what: string) {}

  async run<T>(requestId: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    if (this.inFlight.has(requestId)) throw new AppError('invalid_request', `${this.what} with this requestId is already running.`, 'requestId');
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

export function createHandlers(core: Core): Handlers {
  const generations = new CancellableRequests('A generation');
  const exports = new CancellableRequests('An export');
  const questions = new CancellableRequests('A question or concept test');
  /** Each piece of an answer, as the 'answer:token' event of the request that asked. */
  const tokensTo = (context: HandlerContext, requestId: string) => (token: { personaId: string; text: string }) => context.emit('answer:token', { requestId, ...token });

  return {
    'app:info': async () => ({
      version: core.version,
      dataDir: core.dataDir,
      providers: [...core.providers.values()].map((p) => ({ id: p.id, label: p.label, kind: p.kind })),
      currentWorkshopId: core.workshops.currentWorkshopId(),
    }),

    'generation:run': async ({ requestId, workshopId, brief, providerId }, context) =>
      generations.run(requestId, (signal) =>
        core.generate(brief, {
          ...(workshopId ? { workshopId } : {}),
          ...(providerId ? { providerId } : {}),
          signal,
          onProgress: (phase, done, total, etaMs) => context.emit('generation:progress', { requestId, phase, done, total, etaMs }),
        }),
      ),

    'generation:cancel': async ({ requestId }) => generations.cancel(requestId),

    'workshops:list': async ({ includeArchived }) => ({ workshops: core.workshops.list({ includeArchived }) }),
    'workshops:create': async (fields) => core.workshops.create(fields),
    'workshops:update': async ({ workshopId, ...fields }) => core.workshops.update(workshopId, fields),
    'workshops:select': async ({ workshopId }) => core.workshops.select(workshopId),
    'workshops:archive': async ({ workshopId, archived }) => core.workshops.archive(workshopId, archived),
    'workshops:delete': async ({ workshopId, deleteBackups }) => core.workshops.deleteWorkshop(workshopId, { deleteBackups }),
    'deletion:preview': async (target) => core.workshops.previewDeletion(target),

    'runs:list': async ({ workshopId, limit }) => ({ runs: core.workshops.listRuns(workshopId, limit) }),
    'runs:rename': async ({ runId, title }) => core.workshops.renameRun(runId, title),
    'runs:move': async ({ runId, workshopId }) => core.workshops.moveRun(runId, workshopId),
    'runs:duplicate': async ({ runId }) => core.workshops.duplicateRun(runId),
    'runs:delete': async ({ runId, deleteBackups }) => core.workshops.deleteRun(runId, { deleteBackups }),

    'brief:understand': async ({ brief }) => core.understand(brief),

    'runs:get': async ({ runId }) => core.workshops.getRun(runId),

    'validation:stats': async () => core.validationStats.snapshot(),

    'cache:stats': async () => core.cache.stats(),

    'cache:suggestions': async () => ({ suggestions: core.cache.getOptimizationSuggestions() }),

    // Through the monitor's steering: the clear is audited with what the cache held.
    'cache:clear': async () => core.monitor.steering.clearCache(),

    'providers:probe': async ({ providerId }) => core.probe(providerId),

    'team-cache:test': async ({ url }) => core.testTeamCache(url),

    'scheduler:status': async () => core.scheduler.snapshot(),

    'settings:get': async () => core.settings.view(),

    'settings:update': async ({ change }) => {
      core.settings.update(change);
      return core.settings.view();
    },

    'personas:edit': async ({ personaId, persona }) => core.workshops.editPersona(personaId, persona),

    'personas:generate-one': async (request) => core.workshops.newPersona(request),
    'personas:delete': async ({ personaId }) => core.workshops.deletePersona(personaId),
    'personas:history': async ({ personaId }) => ({ versions: core.workshops.personaHistory(personaId) }),
    'personas:restore': async ({ personaId, version }) => core.workshops.restorePersona(personaId, version),
    'personas:undo': async ({ personaId }) => core.workshops.undoEdit(personaId),

    'reports:export': async ({ requestId, runId, format, template, paper }) =>
      exports.run(requestId, async (signal) => {
        const { bytes, fileName, mimeType } = await core.reports.export(runId, format, signal, { ...(template ? { template } : {}), ...(paper ? { paper } : {}) });
        return { fileName, mimeType, base64: bytes.toString('base64') };
      }),

    'runs:summary': async ({ runId }) => core.summaries.ofRun(runId),
    'workshops:branding': async ({ workshopId, ...branding }) => core.workshops.setBranding(workshopId, branding),
    'workshops:logo': async ({ workshopId }) => ({ logo: core.workshops.logo(workshopId) }),
    'reports:cover-preview': async ({ workshopId, ...branding }) => ({ html: core.reports.coverPreview(workshopId, branding) }),

    'reports:cancel': async ({ requestId }) => exports.cancel(requestId),

    'runs:search': async ({ query, limit }) => ({ runs: core.workshops.searchRuns(query, limit) }),

    'monitor:live': async () => core.monitor.live(),

    'monitor:history': async ({ rangeMs, resolution }) => core.monitor.history(rangeMs, resolution),

    'monitor:traces': async () => ({ traces: core.monitor.recentTraces() }),

    'monitor:suggestions': async () => ({ suggestions: core.monitor.suggestions() }),

    'alerts:list': async ({ rangeMs }) => ({ alerts: core.monitor.listAlerts(rangeMs) }),

    'alerts:acknowledge': async ({ id }) => {
      if (!core.monitor.acknowledge(id)) throw new AppError('not_found', `No alert has the id ${id}.`, 'id');
      return { acknowledged: true };
    },

    'tuner:state': async () => core.monitor.tunerState(),

    'tuner:set-enabled': async ({ enabled }) => {
      // Saved, so that the choice outlives the session; the settings change switches the tuner.
      core.settings.update({ monitor: { tuner: enabled } });
      return core.monitor.tunerState();
    },

    'tuner:audit': async ({ limit }) => ({ entries: core.monitor.auditLog(limit) }),

    'performance:engines': async ({ rangeMs }) => ({ engines: core.monitor.engineProfiles(rangeMs) }),
    'performance:efficiency': async ({ rangeMs }) => core.monitor.efficiency(rangeMs),
    'anomalies:list': async ({ rangeMs }) => ({ anomalies: core.monitor.anomalies(rangeMs) }),
    'optimization:start': async () => core.monitor.steering.startOptimization(),
    'optimization:schedule': async ({ window }) => core.monitor.steering.scheduleOptimization(window),
    'optimization:cancel': async ({ id }) => ({ cancelled: core.monitor.steering.cancelOptimization(id) }),
    'optimization:list': async ({ limit }) => ({ optimizations: core.monitor.steering.optimizationList(limit) }),
    'tuning:kept': async () => ({ tuned: core.monitor.steering.tunedValues() }),
    'tuning:reset': async ({ tunable }) => ({ tuned: core.monitor.steering.resetTuned(tunable) }),
    // The same path as the user's own change: the settings store saves it and its listener audits it.
    'suggestions:apply': async ({ id }) => ({ applied: core.monitor.steering.applySuggestion(id, (change) => core.settings.update(change)), settings: core.settings.view() }),
    // Cancelled through 'reports:cancel', like a run's export.
    'reports:performance': async ({ requestId, rangeMs, format }) =>
      exports.run(requestId, async (signal) => {
        const { bytes, fileName, mimeType } = await core.performanceReport(rangeMs, format, signal);
        return { fileName, mimeType, base64: bytes.toString('base64') };
      }),

    'bundles:export': async ({ workshopId }) => {
      const bytes = core.bundles.export(workshopId);
      return { fileName: `workshop-${workshopId}.psw.json.gz`, mimeType: 'application/gzip', base64: bytes.toString('base64') };
    },
    'bundles:import': async ({ base64, remap }) => core.bundles.import(Buffer.from(base64, 'base64'), { remap }),
    'import:preview': async (request) => core.importing.preview(request),
    'import:commit': async (request) => ({ run: core.importing.commit(request) }),
    'interviews:list': async ({ runId }) => ({ interviews: core.asking.interviews.list(runId) }),
    'interviews:get': async ({ interviewId }) => core.asking.interviews.get(interviewId),
    'interviews:ask': async ({ requestId, ...request }, context) => questions.run(requestId, (signal) => core.asking.interviews.ask({ ...request, signal, onToken: tokensTo(context, requestId) })),
    'interviews:rename': async ({ interviewId, title }) => core.asking.interviews.rename(interviewId, title),
    'interviews:delete': async ({ interviewId }) => core.asking.interviews.delete(interviewId),
    'interviews:search': async ({ query, limit }) => ({ interviews: core.asking.interviews.search(query, limit) }),
    'focus-groups:ask': async ({ requestId, ...request }, context) => questions.run(requestId, (signal) => core.asking.panels.askGroup({ ...request, signal, onToken: tokensTo(context, requestId) })),
    'focus-groups:list': async ({ runId }) => ({ focusGroups: core.asking.panels.listGroups(runId) }),
    'focus-groups:delete': async ({ focusGroupId }) => core.asking.panels.deleteGroup(focusGroupId),
    'concepts:test': async ({ requestId, ...request }, context) => questions.run(requestId, (signal) => core.asking.panels.testConcept({ ...request, signal, onToken: tokensTo(context, requestId) })),
    'concepts:list': async ({ runId }) => ({ conceptTests: core.asking.panels.listTests(runId) }),
    'concepts:delete': async ({ conceptTestId }) => core.asking.panels.deleteTest(conceptTestId),
    'asking:cancel': async ({ requestId }) => questions.cancel(requestId),

    'recovery:state': async () => core.recovery.state(),
    'recovery:restore': async ({ backup }) => ({ movedTo: core.recovery.restore(backup).movedTo, restart: core.requestRestart() }),
    'recovery:start-fresh': async () => ({ movedTo: core.recovery.startFresh().movedTo, restart: core.requestRestart() }),
  };
}
