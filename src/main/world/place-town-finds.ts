/**
 * Towns a brief names that the cities lack, read where the words clearly give a place to live: after
 * "in", "near", "à", "em", ... or in the location field, and either qualified ("in Tavira,
 * Portugal", "in Byron Bay, NSW") or a capitalised name no common word shares ("in Whitby"). The
 * town is then where people live (place-towns.ts holds every place of 500+ people). A qualified name
 * no data knows, capitalised like a name ("in Smallbrookton, England"), is kept as written, in the
 * country or region the qualifier names, and reported: people live in the town the brief names, never
 * across the country, and the user is told it could not be checked.
 */
import { LOCATIVES, NOT_PLACES, ORIGIN_WORDS, type PlaceMentions } from './place-mentions';
import { allows, qualifiedArea, qualifiersAfter, type QualifiedFind, type Qualifier } from './place-qualifier';
import { plainKey } from './place-towns';
import { normalizeForMatch } from './text';
import type { City, County, World } from './world';

/** The longest town name tried ("Rothenburg ob der Tauber"). */
const MAX_WORDS = 4;
/** A town named with nothing to say which (no qualifier, no country named) must be at least this big. */
const MIN_UNQUALIFIED_POPULATION = 1000;
/** Lower-case words inside a town's name ("Rothenburg ob der Tauber", "Vila Nova de Gaia", "Stratford-upon-Avon"). */
const NAME_LINKS = new Set(['ob', 'der', 'den', 'dem', 'am', 'an', 'im', 'in', 'bei', 'upon', 'on', 'under', 'de', 'del', 'della', 'di', 'da', 'do', 'dos', 'das', 'du', 'des', 'la', 'le', 'les', 'los', 'las', 'el', 'sur', 'sous', 'en', 'of', 'the', 'aan', 'op', 'ter', 'van', 'sankt', 'st', 'saint']);
/** Words before "of" that make what follows a town: "in the village of Hallstatt". */
const TOWN_NOUNS = new Set(['town', 'village', 'city', 'municipality', 'commune', 'hamlet', 'borough', 'parish', 'township']);

export interface TownFind extends QualifiedFind {
  origin: boolean;
}

/**
 * Towns in the words, in order: where no known city, region or country was found, or where a town's
 * longer name holds what was ("Byron Bay": not the Somali region of Bay; "Frankfurt an der Oder").
 * `found` holds what was found, and loses what a town's name takes in. `homes`: the countries the
 * brief names as places, where an unqualified name is looked for first.
 */
export function findTowns<F extends QualifiedFind>(mentions: PlaceMentions, world: World, found: F[], homes: ReadonlySet<string>): TownFind[] {
  const { words } = mentions;
  const finds: TownFind[] = [];
  for (let at = 0; at < words.length; at++) {
    const origin = ORIGIN_WORDS.has(mentions.previous(at)) && !LOCATIVES.has(mentions.previous(at));
    if (finds.some((f) => f.at <= at && at < f.at + f.length) || (!startsPlace(mentions, at) && !origin && !continuesList(mentions, at, [...found, ...finds]))) continue;
    // What a name of `length` words would take in: only finds wholly inside it, and never all of it ("in Lyon" is Lyon).
    const inside = (length: number) => found.filter((f) => f.at < at + length && f.at + f.length > at);
    const free = (length: number) => {
      if (at + length > words.length) return false;
      const taken = inside(length);
      return taken.every((f) => f.at >= at && f.at + f.length <= at + length) && !taken.some((f) => f.at === at && f.length === length);
    };
    const take = (find: Omit<TownFind, 'origin'>) => {
      const taken = new Set<QualifiedFind>(inside(find.length));
      for (let i = found.length - 1; i >= 0; i--) if (taken.has(found[i]!)) found.splice(i, 1);
      finds.push({ ...find, origin });
    };

    // "Tavira, Portugal", "Byron Bay, NSW", "Vila Nova de Xyzzy, Portugal": the name ends where a qualifier starts.
    let qualified: { length: number; chain: Qualifier[] } | null = null;
    for (let length = 1; length <= MAX_WORDS && at + length <= words.length; length++) {
      if (!free(length)) continue;
      const chain = qualifiersAfter(mentions, world, at + length);
      if (chain.length > 0 && chain.every((q) => q.marked) && nameLike(mentions, at, length, true)) {
        qualified = { length, chain };
        break;
      }
    }
    if (qualified) {
      const { length, chain } = qualified;
      const key = words.slice(at, at + length).join(' ');
      const fits = (place: { country: string; region: string; county?: string | undefined }) => chain.every((q) => allows(q, place));
      const named = world.towns(key);
      const towns = named.filter(fits);
      if (towns.length > 0) {
        take({ at, length, cities: towns, country: null, region: null, named });
        continue;
      }
      const county = world.counties(key).find(fits);
      if (county) {
        take({ at, length, cities: [], country: null, region: countyCities(world, county), named: [], area: county.name });
        continue;
      }
      // A name no data knows in full: a town whose name holds it ("Hossegor, France": Soorts-Hossegor), else kept as written,
      // when it is written as a name and is no known place's name with more words ("Lyon Part-Dieu, France" is Lyon).
      // A known town the qualifier does not fit is rather one of a list ("Tavira, Faro and Lagos"): read it below, without the qualifier.
      const knownFits = inside(length).some((f) => [...f.named, ...(f.region ?? [])].some(fits) || (f.country !== null && fits({ country: f.country.code, region: '' })));
      const writtenAsName = (mentions.fromLocationField || capitalised(mentions, at, length)) && (length > 1 || !world.isCommonWord(key));
      const area = named.length === 0 && !knownFits && writtenAsName ? qualifiedArea(chain, world) : null;
      const holding = area ? world.townsContaining(key, area.country).filter(fits) : [];
      if (holding.length > 0) {
        take({ at, length, cities: holding, country: null, region: null, named: holding });
        continue;
      }
      if (area) {
        const town: City = { name: mentions.text(at, at + length), region: area.region, ...(area.county ? { county: area.county } : {}), country: area.country, lat: area.anchor.lat, lon: area.anchor.lon, population: 0, aliases: [key], prominence: 0 };
        take({ at, length, cities: [town], country: null, region: null, named: [town], literal: true });
        continue;
      }
    }

    // "in Whitby", "in Rothenburg ob der Tauber", "in Cornwall": the longest name that is a town's or a county's.
    for (let length = Math.min(MAX_WORDS, words.length - at); length >= 1; length--) {
      if (!free(length) || !nameLike(mentions, at, length, false)) continue;
      const key = words.slice(at, at + length).join(' ');
      if (NOT_PLACES.has(key) || (length === 1 && !mentions.fromLocationField && world.isCommonWord(key))) continue;
      // A known city inside the name stays unless the town's name merely tells it apart ("Frankfurt an der Oder", "Stratford-upon-Avon"):
      // "around Lake Geneva" is the lake by Geneva, not the town in Wisconsin.
      const cityInside = inside(length).some((f) => f.cities.length > 0 && !(f.at === at && NAME_LINKS.has(words[at + f.length] ?? '')));
      const named = world.towns(key);
      // With no country named, a town by its own name only ("Bondi" is not Bondy, France, which is also spelt so).
      const ownName = (t: City) => plainKey(t.name) === key || normalizeForMatch(t.name).trim() === key;
      const towns = homes.size > 0 ? named.filter((t) => homes.has(t.country)) : cityInside ? [] : named.filter((t) => t.population >= MIN_UNQUALIFIED_POPULATION && ownName(t));
      const counties = cityInside ? [] : world.counties(key).filter((c) => (homes.size > 0 ? homes.has(c.country) : c.population >= MIN_UNQUALIFIED_POPULATION));
      // A county named after its own town is the town ("Tavira"); another wins when it holds far more people ("Cornwall": the English county, not the Ontario town).
      const county = counties.find((c) => towns.length === 0 || (!towns.some((t) => inCounty(t, c)) && c.population > 2 * towns[0]!.population));
      if (county) {
        take({ at, length, cities: [], country: null, region: countyCities(world, county), named: [], area: county.name });
        break;
      }
      if (towns.length === 0) continue;
      take({ at, length, cities: towns, country: null, region: null, named });
      break;
    }
  }
  harmonise(finds, found);
  return finds;
}

/** Words that join the places of a list ("Ludlow, Shrewsbury and Hereford"). */
const LIST_WORDS = new Set(['and', 'or', 'und', 'oder', 'et', 'ou', 'y', 'o', 'e']);

/** Whether word `at` goes on a list of places: after a comma or "and" that follows a town or city ("in Ludlow, Shrewsbury and Hereford"). */
function continuesList(mentions: PlaceMentions, at: number, finds: readonly QualifiedFind[]): boolean {
  const joined = LIST_WORDS.has(mentions.words[at - 1] ?? '') ? at - 1 : at;
  if (joined === at && !/^\s*,\s*$/.test(mentions.gap(at))) return false;
  return finds.some((f) => f.at + f.length === joined && (f.cities.length > 0 || f.region !== null));
}

/**
 * Towns named together are likeliest in one country: "Ludlow, Shrewsbury and Hereford" are the
 * English ones, though the Ludlow in Massachusetts is bigger. Where a country has a town for at
 * least two of the names (or a city named beside them lies there), each name's town there comes first.
 */
function harmonise(finds: TownFind[], found: readonly QualifiedFind[]): void {
  const loose = finds.filter((f) => f.cities.length > 1 && !f.literal);
  if (loose.length === 0) return;
  // Per country: how many of the names have a place there, then how well known the best of each is.
  const votes = new Map<string, { names: number; prominence: number }>();
  for (const f of [...finds, ...found.filter((f) => f.cities.length > 0)]) {
    for (const country of new Set(f.cities.map((c) => c.country))) {
      const vote = votes.get(country) ?? { names: 0, prominence: 0 };
      vote.names += 1;
      vote.prominence += Math.max(...f.cities.filter((c) => c.country === country).map((c) => c.prominence));
      votes.set(country, vote);
    }
  }
  const [best, vote] = [...votes].sort((a, b) => b[1].names - a[1].names || b[1].prominence - a[1].prominence)[0] ?? ['', { names: 0 }];
  if (vote.names < 2) return;
  for (const f of loose) f.cities = [...f.cities.filter((c) => c.country === best), ...f.cities.filter((c) => c.country !== best)];
}

/** Whether a town lies in a county. */
function inCounty(town: City, county: County): boolean {
  return town.country === county.country && town.region === county.region && town.county === county.name;
}

/** Where a county's people live: its towns, and the cities of 100,000+ among them (whose county the data does not say). */
function countyCities(world: World, county: County): City[] {
  const towns = county.towns.filter((t) => t.population > 0);
  const lats = towns.map((t) => t.lat);
  const lons = towns.map((t) => t.lon);
  const [south, north, west, east] = [Math.min(...lats), Math.max(...lats), Math.min(...lons), Math.max(...lons)];
  const cities = world.cities.filter((c) => c.country === county.country && c.region === county.region && c.lat >= south && c.lat <= north && c.lon >= west && c.lon <= east);
  return [...cities, ...(towns.length > 0 ? towns : county.towns)];
}

/** Whether word `at` starts where a brief puts a place: the location field, or after "in", "near", "à", "the village of", ... */
function startsPlace(mentions: PlaceMentions, at: number): boolean {
  if (mentions.fromLocationField) return at === 0 || mentions.gap(at).includes(',');
  const previous = mentions.previous(at);
  if (LOCATIVES.has(previous)) return true;
  if (previous === 'of' && TOWN_NOUNS.has(mentions.words[at - 2] ?? '')) return true;
  // French "à Honfleur" (the plain "a" is English's article).
  return at > 0 && /^[àÀ]$/.test(mentions.text(at - 1, at));
}

/** Words [at, at+length) as a town's name is written: each a name or a linking word, the first and last names. */
function nameLike(mentions: PlaceMentions, at: number, length: number, qualified: boolean): boolean {
  const words = mentions.words.slice(at, at + length);
  if (words.some((w) => /^\d/.test(w)) || NOT_PLACES.has(words[0]!) && length === 1) return false;
  if (length > 1 && (NAME_LINKS.has(words[0]!) || NAME_LINKS.has(words.at(-1)!)) && !['sankt', 'st', 'saint'].includes(words[0]!)) return false;
  // A brief in lower case (or capitals) says nothing by case: a qualifier after the name must then say it is one.
  if (mentions.fromLocationField || (qualified && !mentions.namesCapitalised)) return true;
  return capitalised(mentions, at, length);
}

/** Each word of the span capitalised, or a linking word ("ob der", "upon", "de"). */
function capitalised(mentions: PlaceMentions, at: number, length: number): boolean {
  for (let i = at; i < at + length; i++) {
    const written = mentions.written(i, 1);
    const upper = written.charAt(0) !== written.charAt(0).toLowerCase();
    if (!upper && !(i > at && i < at + length - 1 && NAME_LINKS.has(mentions.words[i]!))) return false;
  }
  return true;
}
