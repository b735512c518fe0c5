/**
 * How the set splits: by life stage (only as each persona's own text states it), age band, place
 * (city, country) and income bracket. Every persona is in exactly one group of each dimension; a
 * persona without the field is in a "Not stated" group rather than guessed into one.
 */
import { INCOME_BRACKETS } from '../../shared/persona';
import type { SummarySegment } from '../../shared/summary';
import { LIFE_STAGES, NOT_STATED, statedLifeStage } from './life-stage';
import type { SetPersona } from './themes';

export const AGE_BANDS: ReadonlyArray<readonly [number, number, string]> = [
  [0, 24, 'Under 25'],
  [25, 34, '25–34'],
  [35, 44, '35–44'],
  [45, 54, '45–54'],
  [55, 64, '55–64'],
  [65, 200, '65 and over'],
];

export const INCOME_LABELS: Record<(typeof INCOME_BRACKETS)[number], string> = { low: 'Low income', 'lower-middle': 'Lower-middle income', middle: 'Middle income', 'upper-middle': 'Upper-middle income', high: 'High income' };

export function ageBandOf(age: number): string {
  return AGE_BANDS.find(([lo, hi]) => age >= lo && age <= hi)![2];
}

export function placeOf(persona: SetPersona): string {
  return [persona.location.city, persona.location.country].filter((s) => s.trim() !== '').join(', ');
}

export function segmentsOf(personas: readonly SetPersona[]): SummarySegment[] {
  const stage = new Map(personas.map((p) => [p.id, statedLifeStage(p)]));
  const stageOrder = [...LIFE_STAGES, NOT_STATED] as string[];
  return [
    segment('lifeStage', 'Life stage', personas, (p) => stage.get(p.id)!, (a, b) => (a.label === NOT_STATED ? 1 : b.label === NOT_STATED ? -1 : b.personaIds.length - a.personaIds.length || stageOrder.indexOf(a.label) - stageOrder.indexOf(b.label))),
    segment('age', 'Age', personas, (p) => ageBandOf(p.age), (a, b) => bandIndex(a.label) - bandIndex(b.label)),
    segment('place', 'Place', personas, placeOf, (a, b) => b.personaIds.length - a.personaIds.length || a.label.localeCompare(b.label)),
    segment('income', 'Income', personas, (p) => (p.incomeBracket ? INCOME_LABELS[p.incomeBracket] : NOT_STATED), (a, b) => incomeIndex(a.label) - incomeIndex(b.label)),
  ];
}

type Group = SummarySegment['groups'][number];

function segment(by: SummarySegment['by'], label: string, personas: readonly SetPersona[], key: (p: SetPersona) => string, order: (a: Group, b: Group) => number): SummarySegment {
  const groups = new Map<string, string[]>();
  for (const p of personas) groups.set(key(p), [...(groups.get(key(p)) ?? []), p.id]);
  return { by, label, groups: [...groups].map(([groupLabel, personaIds]) => ({ label: groupLabel, personaIds })).sort(order) };
}

function bandIndex(label: string): number {
  return AGE_BANDS.findIndex(([, , l]) => l === label);
}

function incomeIndex(label: string): number {
  const i = Object.values(INCOME_LABELS).indexOf(label);
  return i < 0 ? INCOME_BRACKETS.length : i;
}
