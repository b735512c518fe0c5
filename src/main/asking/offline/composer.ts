/**
 * Builds one answer sentence by sentence: picks phrasings by seed, skips any sentence or opening
 * another persona already gave to the same question, ranks a field's items by how well they meet
 * the question, and records which fields the answer stands on.
 */
import type { ProfileField } from '../../../shared/conversations';
import { SeededRandom, capitalize, fillTemplate, lowerFirst, normalizeForMatch } from '../../world';
import type { AskContext, ComposedAnswer } from './types';
import type { Item, ProfileView } from './profile';
import { OPENERS } from './phrasing';
import { itemsOf } from './profile';
import type { QuestionForm, Topic } from './topics';
import { overlap, sentencesOf } from './words';

export const MAX_SENTENCES = 4;

const openingOf = (text: string) => normalizeForMatch(text).trim().split(' ').slice(0, 3).join(' ');

export class Composer {
  readonly rng: SeededRandom;
  private readonly sentences: string[] = [];
  private readonly fields: ProfileField[] = [];
  private readonly othersSaid: ReadonlySet<string>;
  private readonly othersOpen: ReadonlySet<string>;
  /** What earlier answers in this conversation said, normalized: items found there are not offered again. */
  private readonly alreadySaid: string;
  /** The question's form and topic, when the answer knows them (a follow-up goes on without). */
  form: QuestionForm | null = null;
  topic: Topic | null = null;
  /** The brief's offer's stems: nearly every item names the offer, so they meet a topic only weakly. */
  offerStems: ReadonlySet<string> = new Set();
  /** The question is in the brief's own domain ("garden" on a lawn-care brief): items about the offer are on topic too. */
  inDomain = false;

  constructor(
    readonly view: ProfileView,
    readonly context: AskContext,
    /** The question being answered (for a follow-up, the question it follows). */
    readonly question: string,
    /** Match keys of the question (and of the offer when the question is about it): items meeting them come first. */
    readonly focus: ReadonlySet<string>,
    seed: number,
    /** The question follows up an earlier one ("why?"): say only what was not said yet. */
    readonly followUp = false,
  ) {
    this.rng = new SeededRandom(seed);
    const others = context.othersAnswers ?? [];
    this.othersSaid = new Set(others.flatMap((a) => sentencesOf(a)).map((s) => normalizeForMatch(s)));
    this.othersOpen = new Set(others.map(openingOf));
    this.alreadySaid = normalizeForMatch(context.history.map((turn) => turn.answer).join(' '));
  }

  get count(): number {
    return this.sentences.length;
  }

  get room(): number {
    return MAX_SENTENCES - this.sentences.length;
  }

  /** Says one of the templates filled with `vars`, preferring one nobody else in the group said; false when the answer is full. */
  say(templates: readonly string[], vars: Readonly<Record<string, string>>, fields: readonly ProfileField[]): boolean {
    if (this.room <= 0 || templates.length === 0) return false;
    const candidates = this.rng.shuffle(templates).map((t) => capitalize(fillTemplate(t, vars)));
    const first = this.sentences.length === 0;
    const openers = first ? (this.rng.next() < 0.55 ? ['', ...this.rng.shuffle(OPENERS)] : [...this.rng.shuffle(OPENERS), '']) : [''];
    let chosen: string | undefined;
    search: for (const opener of openers) {
      for (const text of candidates) {
        // A phrasing with its own opening ("Honestly, yes") takes no opener; a name or "I" keeps its capital.
        if (opener !== '' && (/^[\w']+[,:.]/.test(text) || normalizeForMatch(text).includes(normalizeForMatch(opener)))) continue;
        // "Honestly, … to be honest" says it twice.
        if (/honest|truthful|to be fair/i.test(opener) && /honest|truthful|to be fair/i.test(text)) continue;
        const firstWord = text.split(/[\s,:]/)[0]!.toLowerCase();
        const line = opener === '' ? text : opener + (/^I\b|^I'/.test(text) || this.view.properNouns.has(firstWord) ? text : lowerFirst(text));
        if (this.othersSaid.has(normalizeForMatch(line))) continue;
        if (first && this.othersOpen.has(openingOf(line))) continue;
        chosen = line;
        break search;
      }
    }
    this.sentences.push(chosen ?? candidates[0]!);
    for (const field of fields) if (!this.fields.includes(field)) this.fields.push(field);
    return true;
  }

  /** A sentence taken as it is (a bio line already in the first person). */
  sayAsIs(text: string, fields: readonly ProfileField[]): boolean {
    return this.say([text.replace(/[{}]/g, '')], {}, fields);
  }

  /**
   * Up to k items of a field, those meeting the question first, then in a seeded order; items an
   * earlier answer in the conversation already named are left out.
   */
  pick(field: ProfileField, k: number, options: { sub?: string; fresh?: boolean; keys?: ReadonlySet<string> } = {}): Item[] {
    const keys = options.keys ?? this.focus;
    const all = itemsOf(this.view, field, options.sub);
    let pool = all.filter((item) => options.fresh === false || !this.said(item));
    // A new question may come back to what was said before; only a follow-up needs something new.
    if (pool.length === 0 && !this.followUp) pool = all.filter((item) => !this.saidHere(item));
    const order = this.rng.shuffle(pool);
    return order
      .map((item, index) => ({ item, score: overlap(item.keys, keys) * 10 - index * 0.01 }))
      .sort((a, b) => b.score - a.score)
      .slice(0, k)
      .map((x) => x.item);
  }

  /** Whether an earlier answer in this conversation, or this answer so far, already named the item. */
  said(item: Item): boolean {
    const plain = normalizeForMatch(item.spoken).trim();
    return plain.length > 0 && (this.alreadySaid.includes(plain) || this.saidHere(item));
  }

  private saidHere(item: Item): boolean {
    const plain = normalizeForMatch(item.spoken).trim();
    return plain.length > 0 && normalizeForMatch(this.sentences.join(' ')).includes(plain);
  }

  /** Bio lines about the person's days, those meeting the keys first. */
  lifeLines(k: number, keys: ReadonlySet<string> = this.focus): Item[] {
    return this.view.lifeLines
      .filter((line) => !this.said(line) && !this.sentences.includes(line.spoken))
      .map((line, index) => ({ line, score: overlap(line.keys, keys) * 10 - index * 0.01 }))
      .sort((a, b) => b.score - a.score)
      .slice(0, k)
      .map((x) => x.line);
  }

  result(): ComposedAnswer {
    return { text: this.sentences.join(' '), grounding: [...this.fields] };
  }
}
