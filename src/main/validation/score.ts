/**
 * Quality scores 0-100 (stage 6 of repair). A persona scores for completeness (fields its level
 * knows that came from the answer), integrity (how little was repaired and, above all, filled),
 * consistency with the brief (age in range, place matching) and depth (goals, pain points,
 * interests); a persona that contradicts itself loses as fidelity says (15 a clash, at most 70).
 * A document scores the mean of its personas, scaled by the share of the count returned.
 */
import { CULTURAL_CATEGORIES, type Level, type Persona } from '../../shared/persona';
import { normalizeForMatch } from '../world';
import { findContradictions } from './contradictions';
import { missingCoreFacts } from './fidelity';

export interface ScoreContext {
  level: Level;
  ageRange?: readonly [number, number];
  /** Countries the brief asked for (names as personas carry them); empty when it named none. */
  countries: readonly string[];
}

export interface Provenance {
  repaired: number;
  filled: number;
  /** Pointers of the filled fields: a filled age, city or occupation (a core fact) costs more. */
  filledFields?: readonly string[];
}

const BASE_FIELDS = ['name', 'age', 'gender', 'location', 'occupation', 'incomeBracket', 'education', 'bio', 'quote', 'goals', 'painPoints', 'values', 'interests', 'channels'] as const;
const B2B_FIELDS = ['role', 'industry', 'companySize', 'decisionPower', 'buyingCriteria', 'objections'] as const;

function present(value: unknown): boolean {
  return Array.isArray(value) ? value.length > 0 : value !== undefined && value !== '';
}

/** Fields the level knows, as counted for completeness. */
function fieldCount(level: Level): number {
  return BASE_FIELDS.length + (level === 'simple' ? 0 : CULTURAL_CATEGORIES.length) + (level === 'b2b' ? B2B_FIELDS.length : 0);
}

export function scorePersona(persona: Persona, context: ScoreContext, provenance: Provenance = { repaired: 0, filled: 0 }): number {
  const total = fieldCount(context.level);
  let have = BASE_FIELDS.filter((f) => present(persona[f])).length;
  if (context.level !== 'simple') have += CULTURAL_CATEGORIES.filter((c) => present(persona.culturalProfile?.[c])).length;
  if (context.level === 'b2b') have += B2B_FIELDS.filter((f) => present(persona.b2b?.[f])).length;
  const completeness = Math.max(0, have - provenance.filled) / total;
  const integrity = Math.max(0, 1 - (provenance.filled + 0.25 * provenance.repaired) / total);

  const depthFields = ['goals', 'painPoints', 'interests'] as const;
  const depth = depthFields.reduce((sum, f) => sum + Math.min(1, persona[f].length / 3), 0) / depthFields.length;

  let ageFit = 1;
  if (context.ageRange) {
    const [lo, hi] = context.ageRange;
    ageFit = persona.age >= lo && persona.age <= hi ? 1 : Math.max(0, 1 - Math.min(Math.abs(persona.age - lo), Math.abs(persona.age - hi)) / 10);
  }
  const placeFit = context.countries.length === 0 || context.countries.some((c) => sameName(c, persona.location.country)) ? 1 : 0;
  const b2bFit = context.level !== 'b2b' || persona.b2b ? 1 : 0;
  const consistency = (ageFit + placeFit + b2bFit) / 3;

  // A filled age, city or occupation is an invented fact, not a gap in the extras: it costs as fidelity says.
  const invented = missingCoreFacts(provenance.filledFields).length;
  const clashes = findContradictions(persona).length;
  const score = 35 * completeness + 25 * integrity + 30 * consistency + 10 * depth - 8 * invented;
  return round(clashes === 0 ? score : Math.min(score - 15 * clashes, 85 - 15 * clashes));
}

export function scoreDocument(scores: readonly number[], asked = scores.length): number {
  if (scores.length === 0) return 0;
  const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
  return round(mean * Math.min(1, scores.length / Math.max(1, asked)));
}

function sameName(a: string, b: string): boolean {
  return a === b || normalizeForMatch(a) === normalizeForMatch(b);
}

function round(value: number): number {
  return Math.round(Math.min(100, Math.max(0, value)) * 10) / 10;
}
