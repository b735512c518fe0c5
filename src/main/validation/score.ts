/**
 * Quality scores 0-100: how complete a persona is and how well it fits its brief. The pipeline
 * writes them to meta.qualityScore; the document's score is the mean of its personas'.
 */
import { CULTURAL_CATEGORIES, type Level, type Persona } from '../../shared/persona';
import { normalizeForMatch } from '../generation/text';

export interface ScoreContext {
  level: Level;
  ageRange: readonly [number, number];
  /** Countries the brief asked for (names as personas carry them); empty when it named none. */
  countries: readonly string[];
}

const OPTIONAL_FIELDS = ['gender', 'incomeBracket', 'education', 'quote', 'values', 'channels', 'culturalProfile'] as const;

export function scorePersona(persona: Persona, context: ScoreContext): number {
  const present = OPTIONAL_FIELDS.filter((field) => {
    const value = persona[field];
    return Array.isArray(value) ? value.length > 0 : value !== undefined;
  }).length;
  const completeness = present / OPTIONAL_FIELDS.length;

  const depth = ['goals', 'painPoints', 'interests'] as const;
  const listDepth = depth.reduce((sum, field) => sum + Math.min(1, persona[field].length / 3), 0) / depth.length;

  const profile = persona.culturalProfile;
  const culture =
    context.level === 'simple' ? 1 : profile ? CULTURAL_CATEGORIES.filter((c) => profile[c].length > 0).length / CULTURAL_CATEGORIES.length : 0;

  const [lo, hi] = context.ageRange;
  const ageFit = persona.age >= lo && persona.age <= hi ? 1 : Math.max(0, 1 - Math.min(Math.abs(persona.age - lo), Math.abs(persona.age - hi)) / 10);
  const country = normalizeForMatch(persona.location.country);
  const placeFit = context.countries.length === 0 || context.countries.some((c) => normalizeForMatch(c) === country) ? 1 : 0;
  const b2bFit = context.level !== 'b2b' || persona.b2b ? 1 : 0;

  const score = 25 * completeness + 15 * listDepth + 15 * culture + 20 * ageFit + 20 * placeFit + 5 * b2bFit;
  return Math.round(score * 10) / 10;
}

export function scoreDocument(scores: readonly number[]): number {
  if (scores.length === 0) return 0;
  return Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 10) / 10;
}
