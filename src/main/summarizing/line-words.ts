/**
 * Words of one goal or pain line, for the lexicon's cues and the shared-word grouping. Latin and
 * Arabic text goes through the asking module's stemming (Arabic's article and a leading "and" taken
 * off first, so "الوقت" meets "وقت"); Chinese and Japanese, written without spaces, count as
 * overlapping pairs of characters, the usual way to compare such text without a dictionary.
 */
import { contentStems, wordsOf } from '../asking';
import { normalizeForMatch } from '../world';

const HAN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+/gu;
const ARABIC_WORD = /^\p{Script=Arabic}+$/u;
const ARABIC_PREFIX = /^(?:وال|بال|فال|كال|لل|ال|و)(?=\p{Script=Arabic}{3,})/u;
/** Particles that only join words ("的" of "健康的饮品"): a pair holding one straddles two words. */
const HAN_GLUE = new Set([...'的了吗呢吧啊']);
/** Characters that carry no theme when paired (particles, "I", "want"): a pair made of them only is skipped. */
const HAN_FILLER = new Set([...'的了是我你他她们在有和也都很就要想能会不没这那个一上下中更让把被给为与及或还得着过吗呢吧啊']);

/** The stems and character pairs of a line; `stops` are stems never counted (the offer's own words). */
export function lineStems(text: string, stops: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  for (const run of text.match(HAN) ?? []) {
    const chars = [...run];
    for (let i = 0; i + 1 < chars.length; i++) {
      const pair = chars[i]! + chars[i + 1]!;
      if ((HAN_FILLER.has(chars[i]!) && HAN_FILLER.has(chars[i + 1]!)) || HAN_GLUE.has(chars[i]!) || HAN_GLUE.has(chars[i + 1]!)) continue;
      if (!stops.has(pair)) out.add(pair);
    }
  }
  const rest = text.replace(HAN, ' ');
  const arabic = wordsOf(rest)
    .filter((w) => ARABIC_WORD.test(w))
    .map((w) => w.replace(ARABIC_PREFIX, ''))
    .filter((w) => w.length >= 3 && !ARABIC_STOPS.has(w));
  for (const w of arabic) if (!stops.has(w)) out.add(w);
  for (const s of contentStems(rest.replace(/\p{Script=Arabic}+/gu, ' '), stops)) if (!SUMMARY_STOPS.has(s)) out.add(s);
  return out;
}

/** A cue made ready once: an English word start or whole word, or text in another script ("~" of a weak cue left off). */
type Cue = { latin: true; key: string; whole: boolean } | { latin: false; raw: string; normalized: string };
const prepared = new Map<string, Cue>();

function prepare(cue: string): Cue {
  let ready = prepared.get(cue);
  if (!ready) {
    const plain = isWeakCue(cue) ? cue.slice(1) : cue;
    if (/^[\p{Script=Latin}\p{N}\s'$-]+$/u.test(plain)) {
      const whole = plain.endsWith('$');
      ready = { latin: true, key: normalizeForMatch(whole ? plain.slice(0, -1) : plain).trim(), whole };
    } else {
      ready = { latin: false, raw: plain, normalized: normalizeForMatch(plain).trim() };
    }
    prepared.set(cue, ready);
  }
  return ready;
}

/** A weak cue ("~minute", "~train$") speaks to its theme only beside a second cue of that theme: alone it is too often about something else ("a five-minute walk"). */
export function isWeakCue(cue: string): boolean {
  return cue.startsWith('~');
}

/** Whether a cue meets a line: `normalized` is the line through normalizeForMatch (" words like this "), `raw` as written. */
export function cueMeets(normalized: string, raw: string, cue: string): boolean {
  const ready = prepare(cue);
  if (!ready.latin) return raw.includes(ready.raw) || (ready.normalized !== '' && normalized.includes(ready.normalized));
  if (ready.key === '') return false;
  return normalized.includes(ready.whole ? ` ${ready.key} ` : ` ${ready.key}`);
}

/** Words a goal or a pain point is phrased with whatever it is about ("wants to find a way to…"). */
const SUMMARY_STOPS = new Set(
  ['want', 'wish', 'abl', 'find', 'finding', 'hard', 'difficult', 'try', 'trying', 'better', 'good', 'great', 'lack', 'enough', 'feel', 'keep', 'start', 'stop', 'stay', 'help', 'new', 'know', 'sure', 'take', 'give', 'work', 'day', 'week', 'year', 'everyth', 'anymor', 'lik', 'instead', 'without', 'having', 'don', 'always', 'never', 'lot', 'bit', 'little', 'big', 'right', 'real', 'actual', 'every', 'end', 'up']
    .flatMap((w) => contentStems(w)),
);

const ARABIC_STOPS = new Set(['التي', 'الذي', 'هذا', 'هذه', 'ذلك', 'على', 'إلى', 'الى', 'من', 'في', 'عن', 'مع', 'أن', 'لا', 'ما', 'لم', 'كل', 'بعض', 'أريد', 'اريد', 'أكثر', 'دون', 'بدون', 'عند', 'كان', 'يكون', 'حتى', 'أو', 'ثم', 'لكن', 'بين', 'جدا', 'جداً', 'أجد', 'أحتاج', 'صعب', 'يمكن', 'أستطيع'].map((w) => normalizeForMatch(w).trim()));
