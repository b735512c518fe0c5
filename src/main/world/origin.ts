/**
 * Where a brief's people come from when it is not where they live: a nationality word ("Syrian
 * refugees", "Filipino nurses", "Korean students") or "from <country>" ("migrants from
 * Venezuela"), for a country other than the one they live in. Names and background follow it.
 */
import { findPlaces, PlaceMentions, type PlaceTarget } from './place';
import type { Country, World } from './world';

/** Nationality words a country's demonym does not cover ("Korean" for South Korean). */
const EXTRA_DEMONYMS: Readonly<Record<string, string>> = {
  korean: 'KR',
  emirati: 'AE',
  kiwi: 'NZ',
  aussie: 'AU',
  congolese: 'CD',
  kurdish: 'IQ',
  tamil: 'LK',
  rohingya: 'MM',
  uyghur: 'CN',
  afghan: 'AF',
  brit: 'GB',
  english: 'GB',
  scottish: 'GB',
  welsh: 'GB',
  persian: 'IR',
  arab: 'SY',
};
/** A nationality word after these is part of a region's name ("Latin American", "South African" is a country). */
const NOT_NATIONALITY_AFTER = new Set(['latin', 'north', 'central']);

export function originOf(text: string, place: PlaceTarget, world: World): Country | null {
  const living = new Set(place.countries.map((c) => c.code));
  if (place.kind === 'anywhere') living.clear();
  const mentions = new PlaceMentions(text, false);
  const fromPlace = findPlaces(mentions, world).find((f) => f.origin);
  const candidates: Country[] = [];
  if (fromPlace) {
    const country = fromPlace.country ?? (fromPlace.cities[0] ? world.countryByCode.get(fromPlace.cities[0].country) : undefined);
    if (country) candidates.push(country);
  }
  const { words } = mentions;
  for (let at = 0; at < words.length; at++) {
    if (NOT_NATIONALITY_AFTER.has(words[at - 1] ?? '')) continue;
    for (const length of [2, 1]) {
      const phrase = words.slice(at, at + length).join(' ');
      const country = world.demonymIndex.get(phrase) ?? (EXTRA_DEMONYMS[phrase] ? world.countryByCode.get(EXTRA_DEMONYMS[phrase]) : undefined);
      if (country) {
        candidates.push(country);
        break;
      }
    }
  }
  return candidates.find((country) => !living.has(country.code) && living.size > 0) ?? null;
}
