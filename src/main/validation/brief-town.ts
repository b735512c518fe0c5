/**
 * The town a brief names when the gazetteer does not know it ("in Ludlow, England": the world reads
 * England, not Ludlow). The brief's own words are then all there is to compare a persona's city
 * with. Only a qualified name counts ("Town, Country" or the location field's first part), so a
 * capitalised word after "in" ("in March", "in Spanish") is never taken for a town.
 */
import { normalizeForMatch } from '../world';

const NAME = "\\p{Lu}[\\p{L}'’-]*(?:\\s+(?:(?:upon|on|de|del|la|le|sur|am|an|im)\\s+)?\\p{Lu}[\\p{L}'’-]*){0,3}";
const QUALIFIED = new RegExp(`\\b(?:in|near|around|outside)\\s+(${NAME}),\\s*(${NAME})`, 'gu');

/**
 * The town the brief's words name, as written, or null. `known` says whether a name is a country or
 * a place the world knows; `understood` whether it is part of the place the brief was read as (so
 * "in Ludlow, England" counts and "in Tesco, Sainsbury's" does not).
 */
export function namedTown(brief: { description: string; location?: string | undefined }, known: (name: string) => boolean, understood: (name: string) => boolean): string | null {
  const [fromField, qualifier] = (brief.location ?? '').split(',').map((part) => part.trim());
  if (fromField && qualifier && understood(qualifier) && !known(fromField)) return fromField;
  for (const m of brief.description.matchAll(QUALIFIED)) {
    const town = m[1]!.trim();
    const qualifier = m[2]!.trim();
    if ((understood(qualifier) || understood(qualifier.split(/\s+/)[0]!)) && !known(town) && !understood(town)) return town;
  }
  return null;
}

/** Whether a persona's city is the town (or the town with a district or county beside it). */
export function isTown(city: string, town: string): boolean {
  const [a, b] = [normalizeForMatch(city).trim(), normalizeForMatch(town).trim()];
  if (a === '' || b === '') return false;
  return a === b || ` ${a} `.includes(` ${b} `) || ` ${b} `.includes(` ${a} `);
}
