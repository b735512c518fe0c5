/** What the workshop's coverage panel and the report's overview both count: age bands and tallies. */
import type { Persona } from './persona';

export const AGE_BANDS: ReadonlyArray<readonly [number, number]> = [
  [16, 24],
  [25, 34],
  [35, 44],
  [45, 54],
  [55, 64],
  [65, 99],
];

/** The index in AGE_BANDS of the band an age falls in (under 16 counts as the first, over 99 as the last). */
export function ageBandIndex(age: number): number {
  const index = AGE_BANDS.findIndex(([, max]) => age <= max);
  return index === -1 ? AGE_BANDS.length - 1 : index;
}

export function ageBandLabel([min, max]: readonly [number, number]): string {
  return max >= 99 ? `${min}+` : `${min}–${max}`;
}

/** The bands that overlap the brief's age range, each with how many personas fall in it. */
export function ageBandCounts(personas: readonly Persona[], range: readonly [number, number] = [16, 99]): Array<{ band: [number, number]; label: string; count: number }> {
  const [low, high] = range;
  return AGE_BANDS.filter(([min, max]) => max >= low && min <= high).map(([min, max]) => {
    const band: [number, number] = [Math.max(min, low), Math.min(max, high)];
    return { band, label: ageBandLabel(band), count: personas.filter((p) => p.age >= min && p.age <= max).length };
  });
}

/** Each distinct value with how often it occurs, most frequent first. */
export function tally(values: readonly string[]): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]);
}
