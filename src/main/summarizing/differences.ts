/**
 * Where the set is not uniform, from spreads it really holds: income, age, place, channels some use
 * and others not, values only one or two hold, and for B2B personas decision power and company
 * size. `personaIds` names who stands apart only when they are a minority of the set.
 */
import { COMPANY_SIZES, DECISION_POWERS, INCOME_BRACKETS } from '../../shared/persona';
import type { SummaryDifference } from '../../shared/summary';
import { listWords } from './prose-lists';
import { groupBy, placeOf } from './segments';
import type { SetPersona } from './themes';

export interface Difference extends SummaryDifference {
  /** What kind of spread it is, for the implications. */
  kind: 'income' | 'age' | 'place' | 'channels' | 'values' | 'decision' | 'companySize';
  /** The figures the implication may quote. */
  facts: Record<string, string | number>;
}

const AGE_SPREAD = 10;
const MAX_LISTED = 4;

export function differencesOf(personas: readonly SetPersona[]): Difference[] {
  if (personas.length < 2) return [];
  return [incomeSpread(personas), ageSpread(personas), placeSpread(personas), channelSpread(personas), rareValues(personas), decisionSpread(personas), companySpread(personas)].filter((d): d is Difference => d !== undefined);
}

function incomeSpread(personas: readonly SetPersona[]): Difference | undefined {
  const stated = personas.filter((p) => p.incomeBracket);
  const groups = groupBy(stated, (p) => p.incomeBracket!);
  if (groups.size < 2) return undefined;
  const ordered = [...groups.keys()].sort((a, b) => INCOME_BRACKETS.indexOf(a) - INCOME_BRACKETS.indexOf(b));
  const lo = ordered[0]!;
  const hi = ordered.at(-1)!;
  const counts = ordered.map((b) => `${groups.get(b)!.length} ${b}`);
  return { kind: 'income', label: 'Income', detail: `Incomes run from ${lo} to ${hi} (${listWords(counts)}).`, personaIds: minority(groups, personas.length), facts: { lo, hi, brackets: groups.size, counts: listWords(counts) } };
}

function ageSpread(personas: readonly SetPersona[]): Difference | undefined {
  const ages = personas.map((p) => p.age).sort((a, b) => a - b);
  const min = ages[0]!;
  const max = ages.at(-1)!;
  if (max - min < AGE_SPREAD) return undefined;
  const median = ages[Math.floor(ages.length / 2)]!;
  const apart = personas.filter((p) => Math.abs(p.age - median) > 15).map((p) => p.id);
  return { kind: 'age', label: 'Age', detail: `Ages run from ${min} to ${max}.`, personaIds: apart.length * 3 <= personas.length ? apart : [], facts: { min, max } };
}

function placeSpread(personas: readonly SetPersona[]): Difference | undefined {
  const groups = groupBy(personas, placeOf);
  if (groups.size < 2) return undefined;
  const countries = new Set(personas.map((p) => p.location.country.trim().toLowerCase()));
  const oneCountry = countries.size === 1;
  // In one country the cities say it all; across countries each place is named whole.
  const listed = [...groups].sort((a, b) => b[1].length - a[1].length).map(([place, who]) => `${oneCountry ? who[0]!.location.city : place} (${who.length})`);
  const label = oneCountry ? 'Places' : 'Countries';
  const shown = listed.length > MAX_LISTED + 1 ? `${listed.slice(0, MAX_LISTED).join(', ')} and elsewhere` : listWords(listed);
  return { kind: 'place', label, detail: `They live in ${shown}${oneCountry ? `, all in ${countryName(personas[0]!.location.country.trim())}` : ''}.`, personaIds: minority(groups, personas.length), facts: { places: groups.size, countries: countries.size } };
}

function channelSpread(personas: readonly SetPersona[]): Difference | undefined {
  const withChannels = personas.filter((p) => (p.channels?.length ?? 0) > 0);
  if (withChannels.length < 2) return undefined;
  const users = holdersOf(withChannels, (p) => p.channels ?? []);
  const all = [...users.values()].filter((u) => u.ids.length === withChannels.length);
  const partial = [...users.values()].filter((u) => u.ids.length < withChannels.length).sort((a, b) => b.ids.length - a.ids.length || a.name.localeCompare(b.name));
  const shared = partial.filter((u) => u.ids.length >= 2);
  if (shared.length === 0) return undefined;
  const top = all[0] ?? shared[0]!;
  const next = all[0] ? shared[0] : shared[1];
  const notReached = withChannels.filter((p) => !shared[0]!.ids.includes(p.id)).map((p) => p.id);
  const shown = shared.slice(0, MAX_LISTED);
  // Channels that reach as many each read as one list ("A, B and C reach 3 of 8 each"), not a count after every name.
  const sameReach = shown.length > 1 && shown.every((u) => u.ids.length === shown[0]!.ids.length);
  const listed = sameReach ? `${listWords(shown.map((u) => u.name))} reach ${shown[0]!.ids.length} of ${withChannels.length} each` : listWords(shown.map((u) => `${u.name} (${u.ids.length} of ${withChannels.length})`));
  const common = all.length > 0 ? `${listWords(all.map((u) => u.name))} ${all.length === 1 ? 'reaches' : 'reach'} all of them; beyond that, only some: ` : 'No channel reaches them all: ';
  const widest = shared.filter((u) => u.ids.length === shared[0]!.ids.length).slice(0, MAX_LISTED);
  return {
    kind: 'channels',
    label: 'Channels',
    detail: `${common}${listed}.`,
    personaIds: notReached.length * 2 < withChannels.length ? notReached : [],
    facts: { top: top.name, topCount: top.ids.length, of: withChannels.length, second: next?.name ?? '', secondCount: next?.ids.length ?? 0, everyone: all.length > 0 ? 1 : 0, widest: listWords(widest.map((u) => u.name)), widestCount: widest.length },
  };
}

function rareValues(personas: readonly SetPersona[]): Difference | undefined {
  if (personas.length < 4) return undefined;
  const holders = holdersOf(personas, (p) => p.values ?? []);
  // Values most hold are the common ground; a value held by one or two is where they stand apart, if others share some.
  if (![...holders.values()].some((h) => h.ids.length >= 3)) return undefined;
  const rare = [...holders.values()].filter((h) => h.ids.length <= 2).sort((a, b) => a.ids.length - b.ids.length || a.name.localeCompare(b.name)).slice(0, MAX_LISTED);
  if (rare.length === 0) return undefined;
  const names = new Map(personas.map((p) => [p.id, p.name]));
  const listed = rare.map((h) => `“${h.name}” (${h.ids.map((id) => names.get(id)).join(', ')})`);
  const apart = [...new Set(rare.flatMap((h) => h.ids))];
  return { kind: 'values', label: 'Values held by few', detail: `Some values are held by one or two only: ${listWords(listed)}.`, personaIds: apart.length * 2 <= personas.length ? apart : [], facts: { count: rare.length } };
}

function decisionSpread(personas: readonly SetPersona[]): Difference | undefined {
  const b2b = personas.filter((p) => p.b2b);
  const groups = groupBy(b2b, (p) => p.b2b!.decisionPower);
  if (b2b.length < 2 || groups.size < 2) return undefined;
  const ordered = [...groups].sort((a, b) => DECISION_POWERS.indexOf(a[0]) - DECISION_POWERS.indexOf(b[0]));
  const deciders = groups.get('decision-maker')?.length ?? 0;
  return {
    kind: 'decision',
    label: 'Decision power',
    detail: `Not all of them decide: ${listWords(ordered.map(([power, who]) => `${who.length} ${power}${who.length === 1 ? '' : 's'}`))}.`,
    personaIds: minority(groups, b2b.length),
    facts: { deciders, of: b2b.length },
  };
}

function companySpread(personas: readonly SetPersona[]): Difference | undefined {
  const b2b = personas.filter((p) => p.b2b);
  const groups = groupBy(b2b, (p) => p.b2b!.companySize);
  if (b2b.length < 2 || groups.size < 2) return undefined;
  const ordered = [...groups.keys()].sort((a, b) => COMPANY_SIZES.indexOf(a) - COMPANY_SIZES.indexOf(b));
  return { kind: 'companySize', label: 'Company size', detail: `Their companies range from ${ordered[0]} to ${ordered.at(-1)} employees.`, personaIds: minority(groups, b2b.length), facts: { smallest: ordered[0]!, largest: ordered.at(-1)! } };
}

/** Each item of a list field (channels, values), case aside, as first written, with who lists it. */
function holdersOf(personas: readonly SetPersona[], items: (p: SetPersona) => readonly string[]): Map<string, { name: string; ids: string[] }> {
  const holders = new Map<string, { name: string; ids: string[] }>();
  for (const p of personas) {
    for (const item of new Set(items(p).map((v) => v.trim()))) {
      const key = item.toLowerCase();
      const entry = holders.get(key) ?? { name: item, ids: [] };
      if (!entry.ids.includes(p.id)) entry.ids.push(p.id);
      holders.set(key, entry);
    }
  }
  return holders;
}

/** When one group holds most of them, the others stand apart; otherwise nobody does. */
function minority<K>(groups: ReadonlyMap<K, readonly SetPersona[]>, total: number): string[] {
  const largest = [...groups.values()].sort((a, b) => b.length - a.length)[0];
  if (!largest || largest.length * 2 <= total) return [];
  return [...groups.values()].filter((g) => g !== largest).flatMap((g) => g.map((p) => p.id));
}

/** "the United Kingdom", "the Netherlands"; other countries as written. */
export function countryName(country: string): string {
  return /^(united |netherlands$|philippines$|czech republic$|gambia$|bahamas$|maldives$|uae$|usa$|uk$)/i.test(country) ? `the ${country}` : country;
}
