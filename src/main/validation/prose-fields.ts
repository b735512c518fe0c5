/**
 * Goals, pain points, interests, values, channels and a quote out of running prose ("She wants a
 * safe route home and hates unlit parks. She loves sketching."). Models often describe a persona in
 * sentences instead of labelled lists; without this reading those fields would be filled as "Not
 * stated" although the text states them. Each sentence is cut at its cue phrases ("wants", "hates",
 * "loves", "her biggest frustration is"), and the words after a cue, up to the next cue or the end
 * of the sentence, become one list item. First and third person read alike: the cues carry no
 * subject, so "I hate", "she hates" and "Tomás hates" all match.
 */
import { resolveKey } from './field-aliases';

export interface ProseFields {
  goals?: string[];
  painPoints?: string[];
  interests?: string[];
  values?: string[];
  channels?: string[];
  quote?: string;
}

type ListField = 'goals' | 'painPoints' | 'interests' | 'values' | 'channels';

// Time frames ("in her spare time", "on weekends") open a clause only at its start: mid-clause
// they belong to the item ("cooking paella on Sundays").
// Order matters where cues share words: "would love to" is a goal before "love" is an interest,
// and "her biggest frustration is" must win over a bare "is". Each cue ends where its object starts.
const CUES: ReadonlyArray<[ListField, string]> = [
  ['goals', String.raw`(?:her|his|my|their|the) (?:main |biggest |big |primary |top |one |real )?(?:goal|aim|priority|dream|wish|hope|mission)s? (?:is|are|would be)(?: to| that| for)?`],
  ['painPoints', String.raw`(?:her|his|my|their|the) (?:main |biggest |big |greatest |constant |daily |one )?(?:frustration|pain point|pain|problem|worry|headache|challenge|struggle|gripe|complaint|fear|bugbear)s? (?:is|are)(?: that)?`],
  ['painPoints', String.raw`what (?:really )?(?:drives|annoys|frustrates|bugs|irritates|bothers|worries|scares) (?:me|her|him|them)(?: [\w-]+){0,4}? (?:is|are)(?: that)?`],
  ['goals', String.raw`what (?:I|she|he|they|we) (?:really )?(?:want|need|wish for|look for|hope for)(?: most| above all| more than anything)? (?:is|are)(?: to| that| for)?`],
  ['goals', String.raw`(?:would|'d) (?:happily |gladly )?pay (?:extra|more|a premium) for|(?:cherche(?:nt)?|veu(?:t|lent)|voudrai(?:t|ent)|souhaite(?:nt)?|aimerai(?:t|ent))(?: à| a| des| une| un)?|would (?:really )?(?:like|love|pay for|prefer)(?: to)?|'d (?:really )?(?:like|love|prefer)(?: to)?|wants?(?: to)?|hopes?(?: to| for)|aims? to|plans? to|wish(?:es)?(?: for| to)?|dreams? of|(?:is|am|are|'s|'m|'re) (?:looking|hoping|trying|aiming|keen) (?:for|to)|looks? for|needs?(?: to)?|is saving (?:up )?for`],
  ['painPoints', String.raw`(?:déteste(?:nt)?|redoute(?:nt)?|en a marre d[e'])|(?:don't|doesn't|didn't|do not|does not|never) (?:really |much |particularly )?(?:like|enjoy|love|want)(?: to)?|(?:hates?|dislikes?|dreads?|resents?|can't stand|cannot stand|can’t stand|complains? about|struggles? with|worr(?:y|ies) about|worried about|afraid of|fears?|(?:frustrated|annoyed|irritated|bothered|fed up|tired|sick|wary|nervous|anxious|stressed) (?:by|with|of|about|when|that|at)|gets (?:frustrated|annoyed|irritated|stressed)(?: by| with| when| at)?|has (?:trouble|difficulty) (?:with)?|finds it (?:hard|difficult|frustrating|annoying|confusing) to|is put off by|has given up on|gave up on)`],
  ['channels', String.raw`(?:follows|follow)\b(?=[^.;]{0,60}\b(?:on|via) (?:Instagram|TikTok|YouTube|Facebook|LinkedIn|X|Twitter|Reddit|Pinterest|Twitch|Substack|WhatsApp|Telegram)\b)|(?:reads?|scrolls?|checks?|browses?)\b(?=[^.;]{0,50}\b(?:magazines?|newsletters?|blogs?|newspapers?|news|forums?|Reddit|subreddits?|feeds?)\b)|(?:listens? to|hooked on)\b(?=[^.;]{0,50}\bpodcasts?\b)|(?:uses?|is on|lives on|watches|watch)\b(?=\s+(?:[\w-]+\s+){0,3}?(?:Instagram|TikTok|YouTube|Facebook|LinkedIn|Twitter|Reddit|Pinterest|Twitch|WhatsApp|Telegram|WeChat|Snapchat|Threads)\b)|gets (?:her|his|my|their) (?:news|information|tips|ideas) (?:from|on)`],
  ['values', String.raw`cares? (?:deeply |a lot |most )?about|values|believes? in|(?:is|am|'s|'m) (?:committed|dedicated|loyal) to|prides? (?:herself|himself|myself|themselves) on`],
  ['interests', String.raw`(?:loves?|enjoys?|adores?|likes)(?= )|(?:I|we|they|really|also|particularly|especially|do|does) like(?= )|(?:is|am|are|'s|'m|'re) (?:really |also |big )?(?:into|passionate about|a (?:big |huge )?fan of|keen on|obsessed with|hooked on)|spends? (?:her|his|my|their )?(?:weekends|evenings|free time|spare time|holidays|summers|sundays|saturdays)|(?:her|his|my|their) hobbies (?:are|include)`],
  ['interests', String.raw`(?:in (?:her|his|my|their) (?:spare|free|own|down) time|on (?:weekends|sundays|saturdays|the weekend)|when (?:she|he|I|they)(?:'s|'m|'re| is| am| are) not (?:working|at work)|outside (?:of )?work|for fun),?`],
];

// "Like Kwame, Efua…" compares two personas: a bare "like" is a cue only after a subject.
/** The time-frame cues, the last entry: kept only where a clause starts. */
const TIME_FRAME = CUES.length - 1;
const CUE = new RegExp(CUES.map(([, re], i) => `(?<c${i}>\\b(?:${re})(?![\\p{L}'’]))`).join('|'), 'iuy');
/**
 * The words a cue can open on. Trying the whole cue alternation at every character cost more than
 * the rest of a Markdown import together; trying it only where one of these words starts keeps the
 * 3 KB bench answer inside its budget. A new cue must add its first word here.
 */
const FIRST_WORDS = new Set(
  (
    "cherche cherchent veut veulent voudrait voudraient souhaite souhaitent aimerait aimeraient déteste détestent redoute redoutent en " +
    "her his my their the what would 'd want wants hope hopes aim aims plan plans wish wishes dream dreams is am are 's 'm 're look looks need needs " +
    'hate hates dislike dislikes dread dreads resent resents can cannot complain complains struggle struggles worry worries worried afraid fear fears ' +
    'frustrated annoyed irritated bothered fed tired sick wary nervous anxious stressed gets has finds gave follow follows read reads scroll scrolls ' +
    'check checks browse browses listen listens hooked use uses lives watch watches care cares values believe believes pride prides love loves ' +
    'enjoy enjoys adore adores likes don doesn didn never i we they really also particularly especially do does spend spends in on when outside for'
  ).split(' '),
);

const TIME_WORDS = new Set(['in', 'on', 'when', 'outside', 'for']);

/** The cues of a sentence, leftmost first, tried only where a word that can open one starts. */
function cuesIn(sentence: string): RegExpExecArray[] {
  const hits: RegExpExecArray[] = [];
  let from = 0;
  for (const word of sentence.matchAll(/'?\p{L}+/gu)) {
    const lower = word[0].toLowerCase();
    if (word.index < from || !FIRST_WORDS.has(lower)) continue;
    // "in", "on", "for": common words that open only a time frame, and that only where a clause starts.
    if (TIME_WORDS.has(lower) && !/(?:^\W*|[,;]\s*)$/.test(sentence.slice(Math.max(0, word.index - 3), word.index)) && word.index > 3) continue;
    CUE.lastIndex = word.index;
    const hit = CUE.exec(sentence);
    if (!hit) continue;
    hits.push(hit);
    from = hit.index + hit[0].length;
  }
  return hits;
}
// A cue right after a negation reverses it: "doesn't like crowds" is a pain point, not an interest.
const NEGATED = /\b(?:not|n't|n’t|never|no longer|hardly)\s+(?:\w+\s+)?$/i;
/** Words left at the end of one clause by the next one's subject: "… late shifts and she hates …". */
const TAIL = /(?:[\s,;:–—-]+|\b(?:and|but|while|yet|so|or|though|although|because|as|she|he|I|they|we|you|also|really|still|just|even|especially|is|are|am|was|'s|'m|'re|it|that|who|which|gets|get|does|do|did|would|will|can|and also)\b)+$/iu;
const OTHER_SUBJECT = /\b(?:her|his|my|their|the)\s+(?:\w+\s+)?(?:daughter|son|sister|brother|mother|mum|mom|father|dad|parents|children|kids|wife|husband|partner|boss|manager|team|colleagues?|customers|clients|friends?|neighbou?rs?|grandchildren|family)\b(?![^,]*\b(?:she|he|I|they)\b)/i;
const SIGN_OFF = /\b(?:let me know|feel free|hope (?:this|these|that) helps?|happy to (?:help|adjust|expand)|would you like|do you want|if you(?:'d|’d| would) like|shall I)\b/i;
/** Pronoun subjects a cue like "in her spare time" leaves before the interest itself. */
const LEAD = /^(?:[\s,;:–—-]+|\b(?:she|he|I|they|we|also|really|usually|often|mostly|tends to|likes to|loves to|enjoys|is|'s|'m|are)\b)+/iu;

/** "Sketching, indie music and weekend markets" → three items; a long object stays one item. */
function interestItems(object: string): string[] {
  const parts = object.split(/\s*,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+/).map((p) => p.trim()).filter((p) => p !== '');
  return parts.length > 1 && parts.every((p) => p.split(/\s+/).length <= 7) ? parts : [object];
}

function tidy(text: string): string {
  const t = text.replace(LEAD, '').replace(TAIL, '').replace(/[.!?…]+$/, '').replace(/^["“']|["”']$/g, '').trim();
  return t.charAt(0).toUpperCase() + t.slice(1);
}

/** A passage in quotation marks that reads as the persona speaking (a sentence, or first person). */
const QUOTED = /["“]([^"“”]{12,400}?)["”]/gu;
function speaking(inner: string): boolean {
  const words = inner.trim().split(/\s+/).length;
  return words >= 4 && (/[.!?…]$/.test(inner.trim()) || /\b(?:I|I'm|I’m|my|me|we|our)\b/.test(inner));
}

/** The sentences of a text: split after a full stop, not after a title ("Dr. Okafor"). */
function sentences(text: string): string[] {
  const out: string[] = [];
  for (const piece of text.split(/(?<=[.!?;])\s+/)) {
    const last = out[out.length - 1];
    if (last !== undefined && /\b(?:Dr|Mr|Mrs|Ms|St|Prof|e\.g|i\.e|vs)\.$/.test(last)) out[out.length - 1] = `${last} ${piece}`;
    else if (piece.trim() !== '') out.push(piece);
  }
  return out;
}

const INLINE_LABEL = /^\s*([\p{L}' ]{3,25}?)\s*:\s+(.{3,300}?)[.!]?\s*$/u;
const LIST_FIELDS: ReadonlySet<string> = new Set(['goals', 'painPoints', 'interests', 'values', 'channels']);
const MATTERS = /\b((?:\p{Lu}|\b)[\p{L}-]+(?: [\p{L}-]+)?) (?:really )?matters? (?:a lot |a great deal |most |so much |deeply )?to (?:her|him|me|them)\b/u;

export function readProseFields(text: string): ProseFields {
  const out: ProseFields = {};
  let rest = text;
  for (const m of text.matchAll(QUOTED)) {
    if (!speaking(m[1]!)) continue;
    out.quote ??= m[1]!.trim();
    // What the persona says is their voice, not a statement about them: its "I want" is no goal.
    rest = rest.replace(m[0], ' ');
  }
  const add = (field: ListField, items: string[]) => {
    const kept = items.map(tidy).filter((i) => i.length >= 3 && i.length <= 300);
    if (kept.length > 0) out[field] = [...(out[field] ?? []), ...kept];
  };
  for (const sentence of sentences(rest)) {
    // "Ses freins : le budget, …" or "Frustrations: too many suppliers." inside a paragraph: a label, read as one.
    // Cheap checks first: these run on every sentence of every answer (the Markdown bench).
    const inline = sentence.includes(':') ? INLINE_LABEL.exec(sentence) : null;
    const target = inline ? resolveKey('persona', inline[1]!) : undefined;
    if (inline && target?.kind === 'field' && LIST_FIELDS.has(target.field)) {
      add(target.field as ListField, inline[2]!.split(/\s*[,;]\s*(?:(?:and|et|und|y)\s+)?|\s+(?:and|et|und|y)\s+/));
      continue;
    }
    // "Cost matters a lot to him": what the person watches closely is where a product can hurt them.
    const matters = sentence.includes(' matter') ? MATTERS.exec(sentence) : null;
    if (matters) add('painPoints', [matters[1]!]);
    // A chat sign-off ("Let me know if you'd like…") speaks to the user, not about the persona.
    if (SIGN_OFF.test(sentence)) continue;
    // Curly apostrophes read as straight ones; the lengths match, so indices hold on the original.
    const hits = cuesIn(sentence.replace(/’/g, "'"))
      .map((hit) => ({ hit, cue: Number(Object.entries(hit.groups ?? {}).find(([, v]) => v !== undefined)?.[0].slice(1)) }))
      .filter(({ hit, cue }) => cue !== TIME_FRAME || /(?:^\W*|[,;]\s*)$/.test(sentence.slice(0, hit.index)))
      .map(({ hit, cue }) => Object.assign(hit, { cue }));
    hits.forEach((hit, i) => {
      let field = CUES[hit.cue]![0];
      // "if you want …": the reader is addressed, the persona is never "you".
      if (/\byou\s*$/i.test(sentence.slice(0, hit.index))) return;
      // "her daughter in Graz … wants one login": someone else's wish, not the persona's.
      if (OTHER_SUBJECT.test(sentence.slice(hits[i - 1] ? hits[i - 1]!.index + hits[i - 1]![0].length : 0, hit.index).split(/[;:]/).pop()!)) return;
      const start = hit.index + hit[0].length;
      const object = sentence.slice(start, hits[i + 1]?.index ?? sentence.length);
      if (NEGATED.test(sentence.slice(0, hit.index)) && (field === 'interests' || field === 'goals' || field === 'values')) field = 'painPoints';
      // "in her spare time she reads crime novels": a time cue's clause is an interest unless a media cue took it.
      add(field, field === 'interests' ? interestItems(object.replace(TAIL, '').replace(LEAD, '')) : [field === 'channels' ? hit[0] + object : object]);
    });
  }
  return out;
}
