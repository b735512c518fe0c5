/**
 * Turning a profile's third-person text into a persona's own voice: bio sentences into the first
 * person ("Lucas plans dinners on Sunday" → "I plan dinners on Sunday"), list items into running text.
 */
import { capitalize, lowerFirst } from '../../world';

const ADVERBS = new Set(['still', 'often', 'always', 'never', 'also', 'now', 'just', 'already', 'sometimes', 'even', 'mostly', 'only', 'once', 'seldom', 'usually', 'rarely']);
const IRREGULAR: Readonly<Record<string, string>> = { is: 'am', was: 'was', "wasn't": "wasn't", has: 'have', does: 'do', goes: 'go', "isn't": 'am not', "doesn't": "don't", "hasn't": "haven't" };
/** Words after which a name or "her" is an object ("for Aderonke" → "for me"). */
const OBJECT_BEFORE = new Set(['for', 'to', 'with', 'by', 'at', 'from', 'about', 'finds', 'helps', 'keeps', 'makes', 'gives', 'lets', 'tells', 'asks', 'leaves', 'of', 'than', 'like']);
/** Words that cannot follow a possessive "her", so the "her" before them is an object. */
const NOT_AFTER_POSSESSIVE = new Set(['and', 'or', 'but', 'to', 'in', 'on', 'at', 'for', 'with', 'of', 'a', 'an', 'the', 'that', 'when', 'if', 'as', 'so', 'because', 'up', 'out', 'back', 'down', 'off', 'over', 'every', 'each', 'about', 'from']);

/** The first-person present of a third-person verb ("plans" → "plan"), or null when the word is not one. */
export function baseForm(verb: string): string | null {
  const lower = verb.toLowerCase();
  const irregular = IRREGULAR[lower];
  if (irregular) return irregular;
  if (!/^\p{Ll}[\p{Ll}-]*$/u.test(verb) || lower.length < 3) return null;
  if (/(ss|sh|ch|x|zz|o)es$/.test(lower)) return lower.slice(0, -2);
  if (/[^aeiou]ies$/.test(lower)) return `${lower.slice(0, -3)}y`;
  if (/[^su']s$/.test(lower)) return lower.slice(0, -1);
  return null;
}

/** "I" and the verb after it, with adverbs in between kept: ["plans", ...] → "I plan ...". */
function subjectI(rest: string[]): { words: string[]; present: boolean } {
  const words = [...rest];
  let i = 0;
  while (i < words.length && (ADVERBS.has(words[i]!.toLowerCase()) || /^\p{Ll}+ly$/u.test(words[i]!))) i++;
  const verb = words[i];
  const base = verb === undefined ? null : baseForm(verb);
  if (verb === undefined || base === null) return { words: ['I', ...words], present: false };
  if (base === 'am' && i === 0) return { words: ["I'm", ...words.slice(1)], present: true };
  if (base === 'have' && i === 0 && (words[1] === 'been' || /ed$/.test(words[1] ?? ''))) return { words: ["I've", ...words.slice(1)], present: true };
  words[i] = base;
  return { words: ['I', ...words], present: true };
}

/** Coordinated verbs after "and"/"but" share the subject: "and considers it" → "and consider it". */
function coordinate(words: string[]): string[] {
  const out = [...words];
  // Inside "who…" the verbs belong to someone else, until a comma closes the clause.
  let relative = false;
  for (let i = 1; i < out.length - 1; i++) {
    if (/^(who|whose)$/.test(out[i]!)) relative = true;
    if (out[i - 1]!.endsWith(',')) relative = false;
    if (relative || !/^(and|but|then|yet)$/.test(out[i]!)) continue;
    let j = i + 1;
    while (j < out.length - 1 && ADVERBS.has(out[j]!)) j++;
    // "podcasts and audiobooks daily": plurals on both sides with nothing after is a list of things, not a second verb.
    const next = out[j + 1];
    if (/[^s]s,?$/.test(out[i - 1]!) && (next === undefined || /ly[,.]?$/.test(next) || /[,.;]$/.test(out[j]!))) continue;
    const base = out[j]!.includes('-') ? null : baseForm(out[j]!);
    if (base) out[j] = base;
  }
  return out;
}

/**
 * A bio sentence in the persona's own voice, or null when it cannot be turned safely (a name in an
 * apposition, for instance): an answer then leaves the sentence out rather than garble it.
 */
export function toFirstPerson(sentence: string, names: readonly string[]): string | null {
  const nameAlternatives = [...names].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
  const subject = new RegExp(`^(?:${nameAlternatives}|He|She)(?=[\\s'’])`, 'u');
  let text = sentence.trim();
  text = text.replace(new RegExp(`(?:${nameAlternatives})['’]s\\b`, 'gu'), 'my').replace(/^my\b/, 'My');
  text = text.replace(new RegExp(`(?<!\\p{L})(?:${nameAlternatives}), who (\\S+)`, 'gu'), (_m, verb: string) => `me, and I ${baseForm(verb) ?? verb}`);
  let words: string[];
  let present = false;
  const start = subject.exec(text);
  if (start) {
    const rest = text.slice(start[0].length).trim().split(/\s+/);
    if (rest[0]?.startsWith(',') || rest[0]?.startsWith('(')) return null;
    ({ words, present } = subjectI(rest));
  } else {
    words = text.split(/\s+/);
  }
  const nameWord = new RegExp(`^(?:${nameAlternatives})([,.;:!?]*)$`, 'u');
  for (let i = 1; i < words.length; i++) {
    const word = words[i]!;
    const prev = words[i - 1]!.toLowerCase();
    const named = nameWord.exec(word);
    if (named) {
      // "Between classes, Lucas works" → "Between classes, I work".
      if (!start && !present && prev.endsWith(',') && named[1] === '') {
        const turned = subjectI(words.slice(i + 1));
        words.splice(i, words.length - i, ...turned.words);
        present = turned.present;
        continue;
      }
      if (!OBJECT_BEFORE.has(prev)) return null;
      words[i] = `me${named[1]}`;
      continue;
    }
    const bare = word.replace(/[,.;:!?]+$/, '');
    const tail = word.slice(bare.length);
    if (/^(his)$/i.test(bare)) words[i] = `my${tail}`;
    else if (/^(him)$/i.test(bare)) words[i] = `me${tail}`;
    else if (/^(himself|herself)$/i.test(bare)) words[i] = `myself${tail}`;
    else if (/^her$/i.test(bare)) {
      const next = words[i + 1]?.toLowerCase().replace(/[,.;:!?]+$/, '');
      words[i] = (tail === '' && next && !NOT_AFTER_POSSESSIVE.has(next) ? 'my' : 'me') + tail;
    } else if (/^(he|she)$/i.test(bare) && /^(and|but|,|when|because|so|as|until)$/i.test(prev.replace(/,$/, ','))) {
      words[i] = 'I';
      const base = words[i + 1] ? baseForm(words[i + 1]!) : null;
      if (base) words[i + 1] = base;
    }
  }
  if (/^(His|Her)$/.test(words[0] ?? '')) words[0] = 'My';
  // Verbs after "and" share the subject only when that subject became "I".
  const joined = (start || present ? coordinate(words) : words).join(' ');
  return capitalize(joined.replace(/\bI am\b/g, "I'm"));
}

/** Names that often open a channel or interest ("Instagram food reels") and keep their capital. */
const PLATFORMS = new Set(
  'facebook instagram youtube tiktok whatsapp linkedin google reddit pinterest twitter snapchat twitch discord telegram netflix spotify amazon etsy xing wechat weibo line kakaotalk vinted depop'.split(' '),
);

/** A list item as it reads inside a sentence: "Value for money" → "value for money", "Netflix" kept when it is a known proper noun. */
export function runningText(item: string, properNouns: ReadonlySet<string>): string {
  const clean = item.trim().replace(/[.;]+$/, '');
  const first = clean.split(/[\s,]/)[0] ?? '';
  if (properNouns.has(first.toLowerCase()) || PLATFORMS.has(first.toLowerCase()) || /\p{Lu}|\d/u.test(first.slice(1))) return clean;
  // "I" starts a sentence the persona already speaks: it stays capitalised.
  if (first === 'I' || first.startsWith("I'")) return clean;
  return lowerFirst(clean);
}

const FINITE = /^(is|are|was|were|do|does|don't|doesn't|can't|won't|isn't|aren't|never|always|has|have|add|adds|take|takes|get|gets|keep|keeps|make|makes|feel|feels|seem|seems|cost|costs|go|goes|end|ends)$/i;
const RELATIVE = /^(that|which|who|whose|when|where|because|if|as|while|until|before|after|once)$/i;

/**
 * Whether a list item reads as a sentence of its own ("Kids are picky eaters", "I never have time")
 * rather than a thing ("Prices that go up faster than income"): a finite verb not inside a relative clause.
 */
export function isClause(item: string, within = Infinity): boolean {
  const words = item.trim().split(/\s+/);
  if (/^I$|^I'/.test(words[0] ?? '')) return true;
  for (let i = 1; i < Math.min(words.length, within + 1); i++) {
    if (RELATIVE.test(words[i]!)) return false;
    // "Heating costs that swallow…": a noun before a relative clause, not a verb.
    if (RELATIVE.test(words[i + 1] ?? '')) continue;
    if (FINITE.test(words[i]!)) return true;
  }
  return false;
}

/** A job title or industry inside a sentence: lower case but for acronyms ("Head of Procurement" → "head of procurement", "IT manager"). */
export function roleText(text: string): string {
  return text
    .trim()
    .split(/\s+/)
    .map((w) => (/^\p{Lu}{2,}s?$/u.test(w) || /\p{Lu}/u.test(w.slice(1)) ? w : w.toLowerCase()))
    .join(' ');
}

/** "a", "a and b", "a, b and c"; with ';', items that hold commas themselves: "a; b". */
export function joinList(items: readonly string[], conjunction: 'and' | 'or' | ';' = 'and'): string {
  if (items.length <= 1) return items[0] ?? '';
  if (conjunction === ';') return items.join('; ');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items.at(-1)}`;
}

const NOUN_STARTS = new Set(['a', 'an', 'the', 'more', 'less', 'fewer', 'better', 'my', 'some', 'no', 'enough', 'financial', 'good', 'new', 'real', 'long-term', 'full', 'fair', 'clear', 'one', 'two']);

/** Verbs that end in -ing without being a gerund: "Bring costs down" is no "focus on bring". */
const ING_VERBS = new Set(['bring', 'string', 'spring', 'swing', 'sting', 'sling', 'wring', 'cling', 'fling']);

/** A goal as what the persona wants: "to find a budgeting app", "to focus on saving more", "to get financial calm". */
export function goalInfinitive(goal: string): string {
  const words = goal.split(/\s+/);
  const first = (words[0] ?? '').toLowerCase();
  if (first === 'to') return goal;
  if (/ing$/.test(first) && first.length > 5 && !ING_VERBS.has(first)) return `to focus on ${goal}`;
  if (words.length === 1 || NOUN_STARTS.has(first)) return `to have ${goal}`;
  return `to ${goal}`;
}

/** A cultural item as said aloud: "The Art of War (Sun Tzu)" → "The Art of War by Sun Tzu". */
export function spokenTitle(item: string): string {
  return item
    .replace(/\s*\((\d{4})\)\s*$/, '')
    .replace(/\s*\(([^)]+)\)\s*$/, ' by $1')
    .trim();
}

export function withArticle(phrase: string, article: 'a' | 'an'): string {
  return /^(the|a|an)\s/i.test(phrase) ? phrase : `${article} ${phrase}`;
}

/** The last sentence's end made a full stop when it has none. */
export function sentence(text: string): string {
  const t = capitalize(text.trim());
  return /[.!?]["'”’)]?$/.test(t) ? t : `${t}.`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
