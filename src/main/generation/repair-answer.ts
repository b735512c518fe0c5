/**
 * The pipeline's validate step on its own, for an answer written elsewhere (`persona-studio repair`):
 * the brief, when given, is read as a generation reads it, so that gaps are filled from the same
 * place, ages and cultural picks.
 */
import type { Brief, Level } from '../../shared/persona';
import { BundledCultureSource } from '../providers';
import { repairPersonaDocument, type RepairResult } from '../validation';
import { analyzeBrief, type TasteDataset } from '../world';
import { countryOfCity, repairContextFor, type RepairContext } from './repair-context';

export interface RepairAnswerOptions {
  level: Level;
  /** Personas asked for: more are cut, fewer reported. */
  count?: number;
  brief?: Brief;
  dataset: TasteDataset;
}

/** Throws NothingRecoverableError (validation) when no persona can be recovered. */
export async function repairAnswer(raw: string, options: RepairAnswerOptions): Promise<RepairResult> {
  const { level, count, brief, dataset } = options;
  let resolved: RepairContext = { context: { countryOfCity: countryOfCity(dataset) }, countries: [] };
  let constraints;
  if (brief) {
    const analysis = analyzeBrief({ ...brief, location: brief.location, segment: brief.segment, level, count: count ?? brief.count, seed: brief.seed ?? 0, language: brief.language ?? 'en' }, dataset);
    constraints = await new BundledCultureSource(() => dataset).constraintsFor(analysis, new AbortController().signal);
    resolved = repairContextFor(analysis, dataset, constraints);
  }
  return repairPersonaDocument(raw, {
    level,
    ...(count !== undefined ? { count } : {}),
    ...(brief ? { brief } : {}),
    ...(constraints ? { constraints } : {}),
    context: resolved.context,
    countries: resolved.countries,
  });
}
