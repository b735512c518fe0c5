/**
 * Personal names that fit where a person comes from: one of the country's naming traditions (by
 * its share), written in that tradition's order (given and family name, family name first,
 * patronymic, one composed name), distinct within a set.
 */
import { AREAS } from '../../../world';
import type { SeededRandom } from '../../../world';
import type { NameTradition, World } from '../../../world';
import type { UsageTracker } from './sampling';

export type NameGender = 'female' | 'male' | 'non-binary';

export interface PersonName {
  /** How the bio calls the person: the first given name (the whole given name where the family name comes first, the whole name in single-name traditions). */
  first: string;
  name: string;
  tradition: string;
}

/** The traditions of a country, or of its nearest neighbours in a named area when it has none of its own. */
export function traditionsFor(world: World, countryCode: string): ReadonlyArray<readonly [NameTradition, number]> {
  const own = world.namesOf(countryCode);
  if (own.length > 0) return own;
  const areas = AREAS.filter((area) => !area.regions && area.countries.includes(countryCode)).sort((a, b) => a.countries.length - b.countries.length);
  for (const area of areas) {
    const neighbours = area.countries.flatMap((code) => world.namesOf(code));
    if (neighbours.length > 0) return neighbours;
  }
  const macro = world.countryByCode.get(countryCode)?.macro;
  const sameMacro = world.countries.filter((c) => c.macro === macro).flatMap((c) => world.namesOf(c.code));
  return sameMacro.length > 0 ? sameMacro : world.namesOf('US');
}

export function pickName(rng: SeededRandom, world: World, countryCode: string, gender: NameGender, used: UsageTracker): PersonName {
  const traditions = traditionsFor(world, countryCode);
  const tradition = traditions[Math.max(0, rng.weightedIndex(traditions.map(([, weight]) => weight)))]![0];
  const as: 'female' | 'male' = gender === 'non-binary' ? (rng.next() < 0.5 ? 'female' : 'male') : gender;
  const fresh = (pool: readonly string[], kind: string) => {
    let pick = rng.pick(pool);
    for (let attempt = 0; attempt < 30 && used.count(`${kind}:${pick}`) > 0; attempt++) pick = rng.pick(pool);
    used.use(`${kind}:${pick}`);
    return pick;
  };
  const given = fresh(tradition[as], 'given');
  const familyPool = tradition.familyByGender?.[as] ?? tradition.family;
  let name: string;
  switch (tradition.order) {
    case 'single':
      return { first: given, name: given, tradition: tradition.id };
    case 'patronymic': {
      const father = rng.pick(tradition.male.filter((n) => n !== given));
      const connector = tradition.connector?.[as] ?? '';
      name = [given, connector, father].filter(Boolean).join(' ');
      break;
    }
    case 'family-first':
      // The whole given name is how such a person is addressed ("Wei Ming", "An Bình").
      return { first: given, name: `${familyPool ? fresh(familyPool, 'family') : ''} ${given}`.trim(), tradition: tradition.id };
    default: {
      if (!familyPool) {
        name = given;
        break;
      }
      // A name that is both given and family name ("Moussa") is not given twice.
      const family = fresh(familyPool.filter((f) => f !== given), 'family');
      name = tradition.doubleFamily && rng.next() < 0.6 ? `${given} ${family} ${rng.pick(familyPool.filter((f) => f !== family))}` : `${given} ${family}`;
    }
  }
  return { first: given.split(' ')[0]!, name, tradition: tradition.id };
}
