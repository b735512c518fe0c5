/** A brief's words as place.ts reads them: how each was written and what stands between them. */
import { CITY_SHORT_NAMES } from './areas';
import { containsWords } from './text';

/** Place words that are also ordinary words count only after "in", "near", ... or in the location field. */
export const AMBIGUOUS_PLACE_WORDS = new Set(['nice', 'reading', 'bath', 'split', 'mobile', 'orange', 'turkey', 'chad', 'jordan', 'georgia', 'victoria', 'man', 'of', 'male', 'university', 'college', 'union', 'independence', 'temple', 'surprise', 'hope', 'marina', 'deal', 'rio', 'santa', 'san', 'city', 'garden', 'mission', 'delta', 'ocean', 'sale', 'nancy', 'como', 'bra', 'lens', 'cork', 'derby', 'bury', 'wells', 'march', 'worth']);
export const LOCATIVES = new Set(['in', 'near', 'around', 'across', 'outside', 'throughout', 'within', 'at', 'en', 'au', 'aux', 'bei', 'im', 'um', 'nahe', 'cerca', 'de', 'em', 'no', 'na']);
/** Words that introduce where people come from, not where they live. */
export const ORIGIN_WORDS = new Set(['from', 'aus', 'de', 'des', 'du']);
/** Capitalised words after a locative that are not places ("in January", "in English"). */
export const NOT_PLACES = new Set(['north', 'south', 'east', 'west', 'central', 'northern', 'southern', 'eastern', 'western', 'upper', 'lower', 'new', 'greater', 'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'english', 'french', 'spanish', 'german', 'arabic', 'portuguese', 'chinese', 'hindi', 'ramadan', 'summer', 'winter', 'spring', 'autumn', 'person', 'store', 'app', 'stores', 'shops', 'the', 'valley', 'area', 'region', 'metro']);
const ARTICLES = new Set(['the', 'la', 'le', 'les', 'der', 'die', 'das', 'el', 'los', 'las', 'greater', 'metro', 'metropolitan']);
/** A word in capitals this long after "in" is a shouted place ("in NEWCASTLE"), not an acronym ("in HR", "in SaaS"). */
const SHOUTED_PLACE_LENGTH = 4;

/** A brief's words with how they were written, to tell a place name from an ordinary word. */
export class PlaceMentions {
  readonly words: string[];
  private readonly cased: string[];
  /** Where each word starts and ends in `source`. */
  private readonly spans: Array<readonly [number, number]> = [];
  private readonly source: string;
  /** Written all in capitals: capitals then say nothing about which words are names. */
  readonly shouting: boolean;

  constructor(raw: string, readonly fromLocationField: boolean) {
    this.source = raw.normalize('NFD');
    this.cased = [];
    for (const match of this.source.matchAll(/[\p{L}\p{N}\p{M}]+/gu)) {
      const word = match[0].replace(/\p{M}+/gu, '');
      if (word.length === 0) continue;
      this.cased.push(word);
      this.spans.push([match.index, match.index + match[0].length]);
    }
    this.words = this.cased.map((w) => w.toLowerCase());
    this.shouting = !/\p{Ll}/u.test(this.source) && /\p{Lu}/u.test(this.source);
  }

  /** Words [at, at+length) as the brief wrote them (accents aside). */
  written(at: number, length: number): string {
    return this.cased.slice(at, at + length).join(' ');
  }

  /** Words [at, end) exactly as the brief wrote them, punctuation and accents included ("Paris, Texas"). */
  text(at: number, end: number): string {
    return this.source.slice(this.spans[at]![0], this.spans[end - 1]![1]).normalize('NFC');
  }

  /** What stands between word `at` and the one before it (", ", " (", " "). */
  gap(at: number): string {
    return at <= 0 || at >= this.spans.length ? '' : this.source.slice(this.spans[at - 1]![1], this.spans[at]![0]);
  }

  /** Whether word `at` is written in capitals. */
  inCapitals(at: number): boolean {
    const word = this.cased[at] ?? '';
    return word.length > 0 && word === word.toUpperCase() && word !== word.toLowerCase();
  }

  /** The word before position `at`, skipping articles ("in the Nordics"). */
  previous(at: number): string {
    let i = at - 1;
    while (i >= 0 && ARTICLES.has(this.words[i]!)) i--;
    return i >= 0 ? this.words[i]! : '';
  }

  /** Whether the brief capitalises names: some word past the first of a sentence starts with a capital (not a brief in lower case or in capitals). */
  get namesCapitalised(): boolean {
    if (this.shouting) return false;
    return this.cased.some((w, i) => i > 0 && !/[.!?]\s*$/.test(this.gap(i)) && w.charAt(0) !== w.charAt(0).toLowerCase());
  }

  /** Whether word `at` starts with a capital. */
  capitalised(at: number): boolean {
    const word = this.cased[at] ?? '';
    return word.charAt(0) !== word.charAt(0).toLowerCase();
  }

  /** Whether words [at, at+length) read as a place name: the location field, capitals, or after a locative. */
  readsAsPlace(at: number, length: number): boolean {
    const phrase = this.words.slice(at, at + length).join(' ');
    if (this.fromLocationField) return true;
    const previous = this.previous(at);
    const afterLocative = LOCATIVES.has(previous) || ORIGIN_WORDS.has(previous);
    // A brief in capitals is read as if in lower case: only what follows "in", "from", ... is a place.
    if (this.shouting) return afterLocative;
    const writtenAs = this.cased.slice(at, at + length).join(' ');
    // Two-letter codes ("US", "UK", "KL") count only in capitals: "us" is a pronoun.
    if (phrase.length <= 2) return writtenAs === phrase.toUpperCase();
    // A longer word in capitals is an acronym ("SD-WAN", "SAAS"), unless it is a city's short name ("NYC") or a shouted place.
    if (length === 1 && writtenAs === writtenAs.toUpperCase() && !(phrase in CITY_SHORT_NAMES)) return afterLocative && phrase.length >= SHOUTED_PLACE_LENGTH;
    if (afterLocative) return true;
    const capitalised = writtenAs.charAt(0) !== writtenAs.charAt(0).toLowerCase();
    return capitalised && !AMBIGUOUS_PLACE_WORDS.has(phrase) && at > 0;
  }

  /** Whether the phrase stands in the text as whole words (for area names). */
  has(phrase: string): boolean {
    return containsWords(` ${this.words.join(' ')} `, phrase);
  }

  /** Whether the phrase stands in the text right after "in", "across", ... ("across the Nordics", not "Nordic design"). */
  hasAfterLocative(phrase: string): boolean {
    const parts = phrase.split(' ');
    for (let at = 0; at + parts.length <= this.words.length; at++) {
      if (parts.every((p, i) => this.words[at + i] === p) && LOCATIVES.has(this.previous(at))) return true;
    }
    return false;
  }
}
