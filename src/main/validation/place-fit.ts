/**
 * Whether a persona lives where the brief asks: in its countries, and where it names a town, in
 * that town or the surroundings the world reads with it ("Naperville and nearby": not Chicago, 42
 * km off). The world reads small towns and keeps a qualified name it does not know as written, so
 * every town a brief names is among `place.near`.
 */
import type { Persona } from '../../shared/persona';
import { distanceKm, normalizeForMatch } from '../world';

export interface PlaceFit {
  points: number;
  offBrief: boolean;
  reason: string | null;
}

/** What of the fidelity context the place takes (fidelity.ts's context has it). */
export interface PlaceContext {
  place: { label: string; countries: readonly string[]; near: ReadonlyArray<{ name: string; lat: number; lon: number; km: number }> };
  countryCode(name: string): string | undefined;
  cityPosition(name: string, countryCode: string, region?: string): { lat: number; lon: number } | undefined;
}

const FULL = 20;
const fits: PlaceFit = { points: FULL, offBrief: false, reason: null };

export function placeFit(persona: Persona, context: PlaceContext): PlaceFit {
  const { city, country, region } = persona.location;
  const { place } = context;
  if (place.countries.length === 0) return fits;
  const code = context.countryCode(country);
  if (!code || !place.countries.includes(code)) return { points: 0, offBrief: true, reason: `Lives in ${city}, ${country}, outside ${place.label}.` };
  if (place.near.length > 0) {
    if (place.near.some((c) => isTown(city, c.name))) return fits;
    const at = context.cityPosition(city, code, region);
    const named = place.near[0]!;
    if (!at) return { points: FULL / 2, offBrief: false, reason: `Lives in ${city}, a place that cannot be checked against ${named.name}.` };
    if (place.near.some((c) => distanceKm(c, at) <= c.km)) return fits;
    return { points: 0, offBrief: true, reason: `Lives in ${city}, ${Math.round(distanceKm(named, at))} km from ${named.name}: outside the brief's ${place.label}.` };
  }
  return fits;
}

/** Whether a persona's city is the town (or the town with a district or county beside it). */
function isTown(city: string, town: string): boolean {
  const [a, b] = [normalizeForMatch(city).trim(), normalizeForMatch(town).trim()];
  if (a === '' || b === '') return false;
  return a === b || ` ${a} `.includes(` ${b} `) || ` ${b} `.includes(` ${a} `);
}
