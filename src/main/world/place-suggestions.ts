/** Spelling suggestions for a place the world data does not know: the user is told, never silently moved. */
import { normalizedKeyword } from './text';
import type { World } from './world';

/** The known places whose spelling is nearest (edit distance), as "City, Country"; among equals, the best known first. */
export function closestPlaces(text: string, world: World, limit = 3): string[] {
  const target = normalizedKeyword(text).trim();
  const scored: Array<[number, number, string]> = [];
  for (const [alias, cities] of world.cityIndex) {
    // Typos rarely touch the first letter: checking only names that share it keeps a keystroke's reading quick.
    if (alias[0] !== target[0] || Math.abs(alias.length - target.length) > 3) continue;
    const distance = editDistance(alias, target, 3);
    if (distance <= Math.max(1, Math.floor(target.length / 4))) {
      const city = cities[0]!;
      scored.push([distance, -city.prominence, `${city.name}, ${world.countryByCode.get(city.country)?.name ?? city.country}`]);
    }
  }
  scored.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return [...new Set(scored.map((s) => s[2]))].slice(0, limit);
}

/** Levenshtein distance, giving up (returning limit + 1) once it exceeds limit. */
function editDistance(a: string, b: string, limit: number): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, current[j]!);
    }
    if (best > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}
