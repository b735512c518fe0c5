/**
 * What sets a brief's audience apart beyond its life stage: "night-shift workers", "dog owners",
 * "goth teenagers with insomnia", "hospital procurement teams". The audience is the phrase after
 * "for" (or the segment field); its words, less those any audience has (people, busy, workers) and
 * the life stage the world already checks, are the traits a persona should show some sign of.
 */
import { normalizeForMatch } from '../world';

export interface Trait {
  /** As the brief writes it: "night-shift". */
  word: string;
  /** Word starts any of which in a profile is a sign of it: "night", "shift". */
  stems: string[];
}

/** Where the audience phrase starts and where it stops (the place, a clause, the next sentence). */
const FOR = /\s(?:for|aimed at|targeting|among)\s/i;
const STOP = /\s(?:in|near|around|across|outside|living|based|who|that|which|from|at|on|to|by|under|over|aged|ages?)\s|[,.;:()!?]|\s\d/i;

/** Words any audience has, or that another check (life stage, age, gender) already covers. */
const GENERAL = new Set(
  (
    'a an the and or of for with without their our your all any every each some more most many who are is this that those these into like ' +
    'use life work daily weekly free cheap better easier want wants need needs looking ' +
    'people persons person adults adult users user customers customer consumers consumer clients client folks individuals everyone anyone ' +
    'households household families family homes home workers worker employees employee staff professionals professional owners owner ' +
    'teams team managers manager buyers buyer members member residents resident locals local citizens men women man woman guys girls boys ' +
    'busy young younger old older elderly senior seniors new first time modern everyday urban rural active small large big mid sized ' +
    'budget conscious minded savvy lovers lover fans fan enthusiasts enthusiast aged age ages over under plus years year olds old ' +
    'parents parent mothers mother mums mum moms mom fathers father dads dad teenagers teenager teens teen students student retirees retiree ' +
    'pensioners pensioner children child kids kid babies baby toddlers couples couple singles single expats expat immigrants migrants refugees ' +
    'companies company firms firm businesses business organisations organizations organization organisation smes enterprises'
  ).split(' '),
);

/** An audience is named in a few words; a longer phrase is a purpose or a description. */
const MAX_WORDS = 6;
/** "for managing money", "for saving time": a purpose, not an audience; "working parents" is one. */
const PEOPLE_IN_ING = new Set(['working', 'ageing', 'aging', 'expecting', 'recovering', 'grieving', 'commuting', 'caring', 'nursing', 'aspiring', 'struggling']);
const isPurpose = (word: string) => /ing$/i.test(word) && !PEOPLE_IN_ING.has(word.toLowerCase());

/** The traits of the brief's audience, as written; none for a general audience. */
export function audienceTraits(brief: { description: string; segment?: string | undefined }, stageLabel: string | null): Trait[] {
  const after = brief.description.split(FOR).slice(1).join(' ');
  const phrases = [after.split(STOP)[0] ?? '', brief.segment ?? ''].map((phrase) => phrase.trim().split(/\s+/).slice(0, MAX_WORDS)).filter((words) => !isPurpose(words[0] ?? ''));
  const stageWords = new Set(stageLabel ? normalizeForMatch(stageLabel).trim().split(' ').map(stemOf) : []);
  const traits = new Map<string, Trait>();
  for (const words of phrases) {
    words
      .filter((word, i) => word !== '' && (i === 0 || !/^\p{Lu}/u.test(word)))
      .forEach((word) => {
        const parts = normalizeForMatch(word).trim().split(' ').filter((part) => part.length >= 3 && !/\d/.test(part) && !GENERAL.has(part));
        const stems = parts.map(stemOf).filter((stem) => !stageWords.has(stem));
        if (stems.length > 0) traits.set(word.toLowerCase(), { word: word.toLowerCase(), stems });
      });
  }
  return [...traits.values()];
}

/** The traits a profile shows no sign of. `profile` is normalized text (normalizeForMatch). */
export function missingTraits(traits: readonly Trait[], profile: string): Trait[] {
  return traits.filter((trait) => !trait.stems.some((stem) => profile.includes(` ${stem}`)));
}

/** A word's start that its other forms share: "cyclists" → "cycl", "insomnia" → "insom", "dogs" → "dog". */
function stemOf(word: string): string {
  const bare = word.replace(/(?:ists?|ers?|ing|ed|ies|es|s|ic)$/, '');
  return (bare.length >= 3 ? bare : word).slice(0, 5);
}
