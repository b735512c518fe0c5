/**
 * How the set splits: by life stage (only as each persona's own text states it), age band, place
 * (city, country) and income bracket. Every persona is in exactly one group of each dimension; a
 * persona without the field is in a "Not stated" group rather than guessed into one.
 */
import { ageBandIndex, AGE_BANDS } from '../../shared/coverage';
import { INCOME_BRACKETS } from '../../shared/persona';
import type { SummarySegment } from '../../shared/summary';
import { LIFE_STAGES, NOT_STATED, statedLifeStage } from './life-stage';
import type { SetPersona } from './themes';

/** The coverage panel's age bands (shared/coverage.ts), labelled for a reader: its first band takes everyone under 25, its last everyone 65 and over. */
const AGE_BAND_LABELS: readonly string[] = AGE_BANDS.map(([min, max], i) => (i === 0 ? `Under ${max + 1}` : i === AGE_BANDS.length - 1 ? `${min} and over` : `${min}–${max}`));

const INCOME_LABELS: Record<(typeof INCOME_BRACKETS)[number], string> = { low: 'Low income', 'lower-middle': 'Lower-middle income', middle: 'Middle income', 'upper-middle': 'Upper-middle income', high: 'High income' };

export function placeOf(persona: SetPersona): string {
  return [persona.location.city, persona.location.country].filter((s) => s.trim() !== '').join(', ');
}

export function segmentsOf(personas: readonly SetPersona[]): SummarySegment[] {
  const stageOrder = [...LIFE_STAGES, NOT_STATED] as string[];
  return [
    segment('lifeStage', 'Life stage', personas, statedLifeStage, (a, b) => (a.label === NOT_STATED ? 1 : b.label === NOT_STATED ? -1 : b.personaIds.length - a.personaIds.length || stageOrder.indexOf(a.label) - stageOrder.indexOf(b.label))),
    segment('age', 'Age', personas, (p) => AGE_BAND_LABELS[ageBandIndex(p.age)]!, (a, b) => AGE_BAND_LABELS.indexOf(a.label) - AGE_BAND_LABELS.indexOf(b.label)),
    segment('place', 'Place', personas, placeOf, (a, b) => b.personaIds.length - a.personaIds.length || a.label.localeCompare(b.label)),
    segment('income', 'Income', personas, (p) => (p.incomeBracket ? INCOME_LABELS[p.incomeBracket] : NOT_STATED), (a, b) => incomeIndex(a.label) - incomeIndex(b.label)),
  ];
}

type Group = SummarySegment['groups'][number];

function segment(by: SummarySegment['by'], label: string, personas: readonly SetPersona[], key: (p: SetPersona) => string, order: (a: Group, b: Group) => number): SummarySegment {
  return { by, label, groups: [...groupBy(personas, key)].map(([groupLabel, members]) => ({ label: groupLabel, personaIds: members.map((p) => p.id) })).sort(order) };
}

function incomeIndex(label: string): number {
  const i = Object.values(INCOME_LABELS).indexOf(label);
  return i < 0 ? INCOME_BRACKETS.length : i;
}

/** The personas by a key, in the order each key first occurs. */
export function groupBy<K>(personas: readonly SetPersona[], key: (p: SetPersona) => K): Map<K, SetPersona[]> {
  const out = new Map<K, SetPersona[]>();
  for (const p of personas) {
    const k = key(p);
    const group = out.get(k);
    if (group) group.push(p);
    else out.set(k, [p]);
  }
  return out;
}
