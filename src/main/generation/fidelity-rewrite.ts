/**
 * The fidelity step of a run: every persona scored for its fit to the brief (validation/fidelity.ts),
 * the ones that fit worst asked for once more from the same provider with another seed, and a new
 * one kept where it fits better; the report says what was rewritten.
 */
import type { ResolvedBrief } from '../../shared/brief';
import type { Persona, ValidationReport } from '../../shared/persona';
import { OFFLINE_PROVIDER_ID, type LlmProvider, type PersonaRequest, type ProviderContext } from '../providers';
import type { Priority } from '../scheduler';
import { scoreSet, type RepairOptions, type RepairResult } from '../validation';
import type { TasteDataset } from '../world';
import type { Fallback } from './batched-generation';
import { fidelityContextFor } from './fidelity-context';
import type { PhaseTimeline } from './phase-timeline';

/** How the pipeline asks its provider for personas (batched, repaired, with the offline fallback). */
export type Produce = (provider: LlmProvider, request: PersonaRequest, context: ProviderContext, repairOptions: RepairOptions, trace: PhaseTimeline, priority?: Priority) => Promise<{ repaired: RepairResult; fallback?: Fallback }>;

/** Personas that score under this for their fit to the brief are written once more. */
const REWRITE_BELOW = 70;
/** Mixed into the run's seed for the second attempt, so it draws other people. */
const REWRITE_SEED_MIX = 0x5bd1e995;

/**
 * Scores every persona for its fit to the brief (validation/fidelity.ts), asks the provider once
 * more for the ones that fit worst and keeps a new one where it fits better; the report says
 * what was rewritten and the document's score is the personas' mean.
 */
export async function rewriteWeakPersonas(
  repaired: RepairResult,
  run: { provider: LlmProvider; request: PersonaRequest; providerContext: ProviderContext; repairOptions: RepairOptions; trace: PhaseTimeline; priority?: Priority; brief: ResolvedBrief },
  deps: { dataset: () => TasteDataset; produce: Produce },
): Promise<{ repaired: RepairResult; fallback?: Fallback }> {
  const context = fidelityContextFor(run.request.analysis, run.brief, deps.dataset());
  const provenance = (p: Persona) => ({ repaired: p.meta?.repaired?.length ?? 0, filled: p.meta?.filled?.length ?? 0 });
  let personas = repaired.document.personas;
  let scores = scoreSet(personas, context, personas.map(provenance));
  let rewriteFallback: Fallback | undefined;
  const issues = [...repaired.report.issues];
  const worst = scores
    .map((f, index) => ({ index, score: f.score }))
    .filter((w) => w.score < REWRITE_BELOW)
    .sort((a, b) => a.score - b.score)
    .slice(0, Math.max(1, Math.floor(personas.length / 2)));
  if (worst.length > 0) {
    try {
      const exclude = personas.map((p) => p.name);
      const kept = personas.filter((_, i) => !worst.some((w) => w.index === i));
      const avoidLines = kept.flatMap((p) => [...p.goals, ...p.painPoints, ...(p.quote ? [p.quote] : []), p.bio]);
      const request = { ...run.request, count: worst.length, seed: (run.request.seed ^ REWRITE_SEED_MIX) >>> 0, exclude: [...(run.request.exclude ?? []), ...exclude], avoidLines };
      const second = await deps.produce(run.provider, request, run.providerContext, run.repairOptions, run.trace, run.priority);
      const fresh = second.repaired.document.personas;
      // A cut answer in the second attempt belongs to the run's report too (other notes name its own document's paths).
      issues.push(...second.repaired.report.issues.filter((issue) => issue.type === 'truncated'));
      for (const [i, { index, score }] of worst.entries()) {
        const candidate = fresh[i];
        if (!candidate) break;
        const trial = personas.map((p, j) => (j === index ? candidate : p));
        const trialScores = scoreSet(trial, context, trial.map(provenance));
        if (trialScores[index]!.score > score) {
          issues.push({ type: 'constraint_violation', path: `/personas/${index}`, fixed: true, how: `${personas[index]!.name} fitted the brief poorly (${score}/100: ${scores[index]!.reasons[0] ?? 'low fit'}); written again as ${candidate.name} (${trialScores[index]!.score}/100)` });
          personas = trial;
          scores = trialScores;
          // A persona the offline engine wrote in the provider's place is a fallback, and the run says so.
          if (second.fallback && candidate.meta?.source === OFFLINE_PROVIDER_ID && run.provider.id !== OFFLINE_PROVIDER_ID) {
            rewriteFallback = { ...second.fallback, personas: (rewriteFallback?.personas ?? 0) + 1 };
          }
        } else {
          issues.push({ type: 'constraint_violation', path: `/personas/${index}`, fixed: false, how: `${personas[index]!.name} fits the brief poorly (${score}/100: ${scores[index]!.reasons[0] ?? 'low fit'}); a second attempt fitted no better, so it was kept` });
        }
      }
    } catch (error) {
      if (run.providerContext.signal.aborted) throw error;
      issues.push({ type: 'constraint_violation', path: '/personas', fixed: false, how: `rewriting the personas that fit the brief poorly failed (${error instanceof Error ? error.message : String(error)}); they are kept as they were` });
    }
  }
  const scored = personas.map((p, i) => ({ ...p, meta: { ...p.meta, qualityScore: scores[i]!.score, qualityReasons: scores[i]!.reasons } }));
  const asked = run.request.count;
  const mean = scored.length === 0 ? 0 : scores.reduce((sum, f) => sum + f.score, 0) / scored.length;
  const score = Math.round(mean * Math.min(1, scored.length / Math.max(1, asked)) * 10) / 10;
  const report: ValidationReport = { valid: issues.every((issue) => issue.fixed), score, issues };
  return { repaired: { ...repaired, report, document: { ...repaired.document, personas: scored, report } }, ...(rewriteFallback ? { fallback: rewriteFallback } : {}) };
}

/** One fallback for the run: personas the offline engine wrote in the first attempt and in the rewrite. */
export function mergeFallbacks(first: Fallback | undefined, second: Fallback | undefined): Fallback | undefined {
  if (!first || !second) return first ?? second;
  return { ...first, personas: first.personas + second.personas };
}
