/**
 * Saving an import: the personas the user kept (and perhaps fixed) checked at the level, scored
 * as a set by the fidelity scorer, and stored as one run marked "imported" in one transaction. A
 * persona that does not fit the level refuses the whole import, saying which and why.
 */
import { randomUUID } from 'node:crypto';
import { IMPORTED_PROVIDER } from '../../shared/importing';
import type { ParsedRequestOf } from '../../shared/ipc/types';
import { PERSONA_SCHEMAS, type Persona } from '../../shared/persona';
import type { RunSummary } from '../../shared/workshop';
import { titleFromBrief } from '../generation';
import { AppError } from '../platform';
import type { WorkshopStore } from '../workshops';
import type { TasteDataset } from '../world';
import { briefFor, fidelityContext, scorePersonas } from './import-scoring';

export type CommitRequest = ParsedRequestOf<'import:commit'>;

export function commitImport(request: CommitRequest, store: WorkshopStore, dataset: TasteDataset): RunSummary {
  const { level, sourceName } = request;
  const workshopId = targetWorkshop(store, request.workshopId);
  const schema = PERSONA_SCHEMAS[level];
  const checked = request.personas.map((raw, index): Persona => {
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0]!;
    const name = typeof raw.name === 'string' && raw.name.trim() ? raw.name.trim() : 'no name';
    throw new AppError('invalid_request', `persona ${index + 1} (${name}): ${issue.path.join('.') || 'persona'}: ${issue.message}; nothing was imported. Fix the field and import again.`, 'personas');
  });
  const description = request.description?.trim() || `Imported from ${sourceName}`;
  const brief = briefFor(description, level, checked.length)!;
  // The scorer judges fit to the user's own description only: "Imported from …" names no audience.
  const scores = scorePersonas(checked, fidelityContext(request.description?.trim() ? brief : undefined, level, dataset));
  const now = new Date().toISOString();
  const personas = checked.map((persona, i): Persona => {
    const { id: _previousId, ...rest } = persona;
    const { score, reasons } = scores[i]!;
    return { ...rest, id: randomUUID(), meta: { ...persona.meta, source: IMPORTED_PROVIDER, importedFrom: sourceName, qualityScore: score, qualityReasons: reasons, generatedAt: now } };
  });
  const qualityScore = Math.round((scores.reduce((sum, s) => sum + s.score, 0) / scores.length) * 10) / 10;
  const title = request.title?.trim() || `Imported from ${sourceName}`;
  // A run's title follows its brief until it is renamed: the rename goes in the save's transaction.
  return store.database.transaction((): RunSummary => {
    const run = store.saveRun({
      workshopId,
      brief,
      status: 'completed',
      provider: IMPORTED_PROVIDER,
      level,
      count: personas.length,
      seed: null,
      startedAt: now,
      durationMs: 0,
      qualityScore,
      report: { valid: true, score: qualityScore, issues: [] },
      error: null,
      personas,
    });
    return title === titleFromBrief(brief.description) ? run : store.renameRun(run.id, title)!;
  })();
}

function targetWorkshop(store: WorkshopStore, workshopId: string | undefined): string {
  if (workshopId === undefined) return store.currentWorkshopId();
  const workshop = store.getWorkshop(workshopId);
  if (!workshop) throw new AppError('not_found', `No workshop with id ${workshopId}: it may have been deleted. Choose another workshop and import again.`, 'workshopId');
  if (workshop.archivedAt) throw new AppError('invalid_request', `The workshop "${workshop.name}" is archived. Restore it, or choose another workshop, and import again.`, 'workshopId');
  return workshop.id;
}
