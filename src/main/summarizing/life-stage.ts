/**
 * A persona's life stage, only as its own text states it (occupation and bio): "retired", "a
 * student", "mother of two (4 and 7)", "has an only child in the last year of primary school",
 * "shares care of an eleven-year-old", "lives alone", "no children". Nothing is inferred from age
 * or income: a persona whose text says none of these is "Not stated". One stage per persona, the
 * first that its text states in the order below (a retired grandmother is "Retired").
 *
 * Precision comes before recall: a wrong stage in a client report is worse than "Not stated". So
 * children count only where the text makes them the persona's own (after "has", "lives with",
 * "raising", "care of", "mother of", or "her", "his"), never in "teaches children", "a children's
 * book author" or "works with families"; their ages decide young, teenage or grown-up only where a
 * number, a school or a word such as "toddler" or "grandchildren" says so; a household the text
 * states two ways ("lives alone", then "shares a flat with two friends") is not stated.
 *
 * Measured in scripts/summary-audit.ts --life-stages (test/fixtures/summary-sets/README.md).
 * French, Spanish, German, Italian, Portuguese, Arabic and Chinese profiles are read by
 * life-stage-languages.ts with the same categories (test/life-stage-languages.test.ts).
 */
import type { Persona } from '../../shared/persona';
import { sentencesOf } from '../asking';
import { otherLanguageSignals, type ChildAge } from './life-stage-languages';

export const NOT_STATED = 'Not stated in the profile';

export const LIFE_STAGES = [
  'Retired',
  'Parent of young children',
  'Student',
  'Parent of teenagers',
  'Parent of grown-up children',
  "Parent (children's ages not stated)",
  'Expecting a child',
  'Couple without children',
  'Living with a partner',
  'Sharing a home',
  'Living with parents',
  'Living alone',
] as const;
export type LifeStage = (typeof LIFE_STAGES)[number] | typeof NOT_STATED;

/** English only (other languages: life-stage-cues-*.ts); "retired the old van" is not the persona's retirement. */
const RETIRED = /\b(retired(?! (?:the|his|her|their|my|its|our|an?) (?!year|decade|few|couple|month)\w)|retiree|pensioner|in retirement|since retiring|after retiring)\b/i;
/** Someone else's retirement: "her husband is retired", "lives with retired parents", "advises retirees". */
const RETIRED_OTHERS =
  /\b(?:husband|wife|partner|spouse|parents?|mother|father|mum|mom|dad|neighbou?rs?|friends?|clients?|colleagues?|in-laws|sister|brother|son|daughter|aunt|uncle|grandmother|grandfather)\s*,\s*an?\s+(?:[\w-]+\s+)?retired\b|\b(?:husband|wife|partner|spouse|parents?|mother|father|mum|mom|dad|neighbou?rs?|friends?|clients?|customers?|colleagues?|in-laws|sister|brother)\s+(?:who\s+)?(?:is|are|was|were|has|have)?\s*(?:also\s+|just\s+|recently\s+|long\s+|now\s+)?retired\b|\bretired\s+(?:parents?|mothers?|fathers?|mum|mom|dad|neighbou?rs?|couples?|clients?|customers?|people|colleagues?|friends?|relatives|in-laws|husband|wife|partner|spouse|residents|members|volunteers)\b|\b(?:for|with|to|helps?|serves?|serving|advises?|advising|teach(?:es|ing)?)\s+(?:\w+\s+)?(?:retirees|pensioners|retired people)\b/gi;
const STUDENT = /\b(student|undergraduate|undergrad|postgraduate|phd candidate|doctoral candidate|pupil|schoolgirl|schoolboy|sixth[- ]former)\b/i;
/** In the bio, the persona itself studying (a parent's "son in high school" is not). */
const STUDENT_SELF = /\b(is|am|'m) (a|an) ([\w-]+ ){0,3}(student|undergraduate|pupil|schoolgirl|schoolboy)\b|\b(studies|studying) (at|for|in|towards)\b|\bin (his|her|my) (first|second|third|fourth|final|last) year (at|of)\b/i;
const CHILD_FREE = /\b(no (kids|children)|childless|child-free|childfree|without (kids|children)|dink|doesn'?t have (kids|children)|don'?t have (kids|children)|has no (kids|children)|have no (kids|children)|never wanted (kids|children)|no plans (for|to have) (kids|children))\b/i;

const NUMBERS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19 };
const NUM = `(?:${Object.keys(NUMBERS).sort((a, b) => b.length - a.length).join('|')}|\\d{1,2})`;
/** "a six-year-old", "a fourteen-month-old", "a 9-year-old": a child named by age alone. */
const AGED = `${NUM}[- ](?:year|month|week)[- ]olds?`;
const CHILD_NOUN = `(?:children|child|kids?|sons?|daughters?|toddlers?|bab(?:y|ies)|newborns?|infants?|twins|triplets|teenagers?|teens|boys?|girls?|step-?sons?|step-?daughters?|step-?children|little ones|${AGED})`;
/** "A baby car seat", "a small child benefit", "a ten-year-old car": the word names a thing, not a child. */
const NOUN_AFTER = String.raw`\s+(?:pupp(?:y|ies)|kittens?|dogs?|cats?|pets?|horses?|pon(?:y|ies)|foals?|lambs?|calf|calves|vans?|bikes?|laptops?|phones?|houses?|flats?|business|company|boiler|fridge|hatchback|scooter|motorbike|tractor|relationship|marriage|plants?|trees?|whisky|wine|car|budget|clothes|shower|monitor|food|products?|brand|gear|boom\w*|bump|names?|books?|sitter|sitting|blues|photos?|pictures?|shop|group|class(?:es)?|massage|yoga|formula|wipes|things|stuff|equipment|seats?|steps|menu|club|care|benefits?|minding|protection|development|psycholog\w*|nurse|services?|charity|charities|hospital|ward|actors?|models?|teeth|parties|party|entertainer|author|books|tv|shows?|theatre|choir|team|league)\b`;
/** …and "a children's book", "kids' clubs": a possessive without "her" or "his" is no one's child in particular. */
const AS_MODIFIER = `(?!['’]|${NOUN_AFTER})`;
/** A determiner that counts or introduces the children: "an only child", "two teenage sons", "twin boys". */
const DET = `(?:an?|${NUM}|both|twin|several)`;
/** Up to two words between the determiner and the noun ("an only child", "a lively three-year-old", "two primary-school children"). */
const CHILD_PHRASE = new RegExp(`\\b${DET}\\s+(?:(?!and\\b|with\\b|who\\b)[\\w-]+\\s+){0,2}?${CHILD_NOUN}\\b${AS_MODIFIER}`, 'gi');
/** Children counted without a determiner: "has twins", "with kids", "raising teenagers". */
const BARE_CHILDREN = new RegExp(`\\b(?:twins|triplets|kids|children|teenagers|(?:young|small|little|teenage|grown-up|adult) (?:kids|children|sons|daughters))\\b${AS_MODIFIER}`, 'gi');
/** "her son", "their one-year-old", "his two daughters": children the possessive makes the persona's own. */
const OWN_CHILD = new RegExp(`\\b(?:his|her|their|my)\\s+(?:own\\s+)?(?:(?!and\\b|with\\b)[\\w-]+\\s+){0,2}?${CHILD_NOUN}\\b(?!${NOUN_AFTER})`, 'gi');
/** Words after which a counted child is the persona's own: "has", "lives with", "raising", "shares care of", "mother of". */
const OWNING = /\b(?:has|have|having|had|lives?|living|lived|shares?|sharing|shared|raising|raises|raise|raised|bringing up|brings up|brought up|juggles|juggling|co-parents?|co-parenting|custody of|care of|(?:step-?)?(?:parent|mother|father|mum|mom|dad) (?:of|to)|with|supports?|drives)\b/gi;
/** Words that make the children someone else's: the persona teaches, coaches, treats or works with them. */
const NOT_OWN = /\b(?:teach\w*|taught|tutor\w*|coach\w*|babysit\w*|nann(?:y|ies)|childminder|class(?:es|room)?|pupils?|students?|patients?|clients?|customers?|families|works?|working|worked|volunteers?|volunteering|helps?|helping|mentor\w*|looks? after|looking after|cares? for|caring for|treats?|treating|expecting|pregnant|due|plays?|playing|great|good|meets?|talks?)\b/i;
/** Someone expected is not yet a child: "is expecting a first child", "pregnant with her first baby". */
const EXPECTING = /\b(?:expecting|pregnant with|due with|carrying)\s+(?:(?:her|his|their|a|an|the)\s+)?(?:first\s+|second\s+|third\s+)?(?:child|baby|twins|son|daughter|little one)\b/gi;
/** A parent the text names without counting the children. */
const PARENT_SAID = new RegExp(
  [
    /(?<=(?:^|\b(?:is|as|am|became|been|being|now|was)\s))an?\s+(?:single|lone|widowed|divorced|stay-at-home|working|new|first-time|busy|full-time|proud|step-?)\s*(?:mother|father|mum|mom|dad|parent)\b(?!s|-)/.source,
    /\b(?:is|am|became|become|now)\s+an?\s+(?:mother|father|mum|mom|dad|parent|step-?parent|stepmother|stepfather)\b(?!s|-|\s+(?:figure|hen|superior))/.source,
    `\\b(?:mother|father|mum|mom|dad|parent)\\s+(?:of|to)\\s+${NUM}\\b`,
    /\b(?:full|joint|shared|sole)\s+custody\b|\bshares?\s+custody\b|\bco-parent(?:s|ing)?\b|\bparenting\s+(?:alone|solo)\b|\bother parents\b/.source,
    /\b(?:does|do|doing|handles?|handling|the)\s+(?:the\s+)?school\s+(?:run|pickup|pick-up|drop-off)\b|\bdaycare\s+(?:drop-off|pickup|pick-up)\b/.source,
  ].join('|'),
  'i',
);
const OCCUPATION_PARENT = /\b(stay-at-home|full-time|single) (mother|father|mum|mom|dad|parent)\b|\bhomemaker\b.*\b(mother|father)\b/i;
/** Grown-up children, stated: grandchildren, adult sons, an empty nest, children who have left home. */
const GROWN =
  /\b(?:grandchild(?:ren)?|grandkids?|grandsons?|granddaughters?|great-grandchild(?:ren)?|empty[- ]nest(?:er)?|grown[- ]up (?:child|children|kids?|sons?|daughters?)|adult (?:child|children|kids?|sons?|daughters?)|grown (?:kids|children|sons|daughters))\b|\b(?:is|am|became|now|proud)\s+(?:a\s+)?(?:first-time\s+)?grand(?:mother|father|parent|ma|pa|mum|mom|dad)\b|\bgrand(?:mother|father|parent) (?:of|to)\b|\b(?:children|kids|youngest|eldest|last child|last one|sons|daughters)\s+(?:have\s+|has\s+|had\s+)?(?:left home|left for|moved out|moved away|moved abroad|flown the nest|grown up|are grown|are all grown)|\b(?:an?|her|his|their)\s+(?:son|daughter)['’]s\s+(?:family|house|home|flat|place)\b/i;
/** Ages in words close to a child: a school, a toddler, "young", "teenage". */
const YOUNG_WORDS = /\b(?:toddlers?|bab(?:y|ies)|infants?|newborns?|nursery|preschool|pre-school|kindergarten|daycare|primary[- ]school|primary|elementary school|under-fives|nappies|diapers|(?:young|little|small) (?:kids|children|ones|sons?|daughters?|family|boys|girls))\b/i;
const TEEN_WORDS = /\b(?:teenage|teenagers?|teens|adolescents?|secondary[- ]school|secondary|high school|sixth form)\b/i;

/** A partner no longer there, or not a life partner: "ex-partner", "since her husband died", "a partner at a law firm". */
const NOT_A_PARTNER =
  /\b(?:ex-?|former |late |business |senior |managing |junior |founding |sleeping |trading |equity |channel |implementation |technology |strategic |tennis |dance |training |sparring )(?:partner|husband|wife|spouse)s?\b|\b(?:losing|lost|since|after|mourning|widowed by)\s+(?:a|her|his|their|my)\s+(?:partner|husband|wife|spouse)\b|\b(?:a|her|his|their|my)\s+(?:partner|husband|wife|spouse)\s+(?:of\s+\w+\s+years\s+)?(?:who\s+)?(?:died|passed away|passed)\b|\bpartners?\s+(?:at|in|of)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}(?:firm|practice|agency|company|consultancy|business)\b|\b(?:never|not)\s+(?:been\s+)?married\b/gi;
const SPOUSE = /\b(?:husband|wife|spouse|boyfriend|girlfriend|fianc[eé]e?|married|newlyweds?|the couple(?! of))\b/i;
const PARTNER = /\bpartner\b/i;
/** "Partner" in a sentence about work or a business may be a business partner: it counts there only after "lives with" or "shares a flat with". */
const BUSINESS = /\b(?:business|firm|practice|farms|farmed|farming|company|clients?|shop|venture|co-?founder|founded|law|consultancy|agency|partnership|studio)\b/i;
const PARTNER_AT_HOME = /\b(?:lives?|living|lived|moved in|shares? a (?:[\w-]+ ){0,2}(?:home|house|flat|apartment|room|loft|studio)|rents? a (?:[\w-]+ ){0,2}(?:flat|house|apartment|room|studio|loft)) with (?:a|her|his|their|my) (?:[\w-]+ ){0,2}partner\b/i;

/** A home shared with friends, flatmates, other students, a sibling or a cousin. */
const SHARING = new RegExp(
  [
    /\b(?:flatmates?|housemates?|roommates?|flat-?share|house-?share|halls of residence|residence hall|lodger|shared (?:flat|house|apartment|rental|room|home)|dorm(?:itory)? room)\b/.source,
    /\b(?:lives?|living|lived|moved|rents?|renting|shares?|sharing|stays?|staying)\s+(?:in(?:to)?\s+)?(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:student\s+(?:halls?|house|flat|residence|housing|accommodation)|co-?living|coliving|dorm(?:itory)?|homestay|supported living)\b/.source,
    /\brents? a (?:room|bed|box room) (?:in|from)\b|\blodges? with\b/.source,
    /\b(?:lives?|living|lived|stays?|staying|shares? a (?:[\w-]+ ){0,2}(?:flat|house|home|apartment|room|bedroom|studio|place)) with (?:(?:a|an|two|three|four|five|his|her|their|my|other|older|younger|some)\s+){0,2}(?:friends?|mates|colleagues?|co-?workers?|cousins?|sisters?|brothers?|siblings?|aunt|uncle|classmates?|course mates?|grandparents|grandmother|grandfather|extended family|other (?:students|nurses|teachers|workers|newcomers|developers|residents))\b/.source,
    /\b(?:lives?|living|stays?|staying) with (?:a|an|her|his|their) (?:cousin|aunt|uncle|friend)['’]s family\b/.source,
  ].join('|'),
  'i',
);
const WITH_PARENTS =
  /\b(?:lives?|living|lived|stays?|staying|shares? a (?:[\w-]+ ){0,2}(?:flat|house|home|apartment)|still lives) (?:(?!alone\b)[^,.;]){0,25}?\bwith (?:(?:his|her|their|my|a|an|both)\s+)?(?:elderly |ageing |aging |single |foster |widowed )?(?:parents|mother|mum|mom|father|dad|foster family)\b|\bstill (?:lives|living) (?:at home|with (?:family|his family|her family|their family))\b|\bmoved back (?:home|in with (?:(?:his|her|their|my) )?(?:parents|family)|into the family home)\b|\bparents['’] homes?\b|\blives? at home with (?:(?:his|her|their|my) )?parents\b/i;
const ALONE = /\b(?:lives?|living|lived|rents?|renting|stays?|staying) (?:(?:[\w-]+ ){0,3}?)alone\b|\b(?:lives?|living|lived) on (?:his|her|their|my) own\b|\b(?:lives?|living) by (?:himself|herself|themselves)\b|\b(?:single|one)-person household\b/i;

/** The persona's own words about itself: occupation and bio (goals and tastes say what it wants, not who it is). */
function ownText(persona: Persona): string {
  return `${persona.occupation}. ${persona.bio}`;
}

export function statedLifeStage(persona: Persona): LifeStage {
  const text = ownText(persona);
  // French, Spanish, German, Italian, Portuguese, Arabic and Chinese phrasing (life-stage-languages.ts).
  const other = otherLanguageSignals(persona.occupation, persona.bio);
  if (other.retired || RETIRED.test(text.replace(RETIRED_OTHERS, ' '))) return 'Retired';
  const bio = persona.bio.replace(EXPECTING, ' ');
  const childFree = other.childFree || CHILD_FREE.test(text);
  const children = childFree ? [] : [...childMentions(bio, persona.occupation), ...other.children.map((age) => ({ age }))];
  const young = children.some((c) => c.age === 'young');
  if (young) return 'Parent of young children';
  if (other.student || STUDENT.test(persona.occupation) || STUDENT_SELF.test(persona.bio)) return 'Student';
  if (children.length > 0) {
    if (children.some((c) => c.age === 'teen')) return 'Parent of teenagers';
    if (children.some((c) => c.age === 'grown')) return 'Parent of grown-up children';
    return "Parent (children's ages not stated)";
  }
  // A first child on the way is the life stage a brief about new parents is after: stated, so not "not stated".
  if (persona.bio.search(EXPECTING) !== -1) return 'Expecting a child';
  const partner = other.partner || hasPartner(bio);
  if (childFree && partner) return 'Couple without children';
  const sharing = other.sharing || SHARING.test(bio);
  const withParents = other.withParents || WITH_PARENTS.test(bio);
  const alone = other.alone || ALONE.test(bio);
  // "Lives alone" and, two sentences on, "shares a flat with two friends": the text does not say which.
  if (alone && (partner || sharing || withParents)) return NOT_STATED;
  if (partner) return 'Living with a partner';
  if (sharing) return 'Sharing a home';
  if (withParents) return 'Living with parents';
  if (alone) return 'Living alone';
  return NOT_STATED;
}

/** Every place the text states the persona's own children, each with the age it gives them (null where it gives none). */
function childMentions(bio: string, occupation: string): Array<{ age: ChildAge }> {
  const out: Array<{ age: ChildAge }> = [];
  if (OCCUPATION_PARENT.test(occupation)) out.push({ age: null });
  for (const sentence of sentencesOf(bio)) {
    if (GROWN.test(sentence)) out.push({ age: 'grown' });
    const said = PARENT_SAID.exec(sentence);
    if (said && !/\b(?:teach\w*|pupils|class|bus)\b/i.test(sentence)) out.push({ age: ageAround(sentence, said.index, said[0]) });
    for (const m of sentence.matchAll(OWN_CHILD)) {
      // "Their children" in a sentence about pupils or clients are theirs, not the persona's.
      if (/^their\b/i.test(m[0]) && /\b(?:teach\w*|pupils|students|clients|patients|customers|families|parents)\b/i.test(sentence)) continue;
      out.push({ age: ageAround(sentence, m.index, m[0]) });
    }
    for (const m of sentence.matchAll(CHILD_PHRASE)) {
      if (!owned(sentence.slice(0, m.index))) continue;
      out.push({ age: ageAround(sentence, m.index, m[0]) });
    }
    for (const m of sentence.matchAll(BARE_CHILDREN)) {
      // Right after the owning word: "has twins", not "has taught children" or "a café for children".
      if (!owned(sentence.slice(0, m.index), true)) continue;
      out.push({ age: ageAround(sentence, m.index, m[0]) });
    }
  }
  return out;
}

/** Whether the words before a counted child make it the persona's own: an owning word close before it, with nothing in between that makes it someone else's. */
function owned(before: string, adjacent = false): boolean {
  const last = [...before.matchAll(OWNING)].at(-1);
  if (!last) return false;
  const gap = before.slice(last.index + last[0].length);
  if (gap.length > (adjacent ? 1 : 60) || NOT_OWN.test(gap) || /[;:]/.test(gap)) return false;
  if (/^with$/i.test(last[0])) {
    const lead = before.slice(Math.max(0, last.index - 50), last.index);
    // "works with two children", "is great with kids": the word before "with" says whose they are; and "with" counts
    // only after a word of home or family ("lives with", "at home with", "pregnancy, with"), not "the first year with a baby".
    if (NOT_OWN.test(before.slice(Math.max(0, last.index - 25), last.index)) || !HOME_BEFORE_WITH.test(lead)) return false;
  }
  return true;
}

const HOME_BEFORE_WITH = /\b(?:lives?|living|lived|shares?|sharing|shared|arrived|relocated|moved|at home|stays?|staying|farms?|pregnancy|raising|raises|together|spouse|partner|husband|wife)\b/i;

/** The age a child mention gives: its own words ("two teenage sons", "a toddler") and what follows up to the end of its clause ("an only child in the last year of primary school"). */
function ageAround(sentence: string, index: number, phrase: string): ChildAge {
  const rest = sentence.slice(index + phrase.length);
  // The clause goes on through a list of children ("a toddler and a six-year-old") and what is said of them ("who has just started kindergarten").
  const end = rest.search(/[.;]|,\s(?!(?:an?|the|and|both|aged?|ages|who|now|each|\w+-year-old|\p{Lu}\p{L}*\s\(\d)\b)|\s(?:and|but|while|so)\s(?!(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|\d+|both|twin|her|his|their)\b)/iu);
  const window = phrase + (end < 0 ? rest : rest.slice(0, end));
  const ages = childAges(window);
  // "Two sons, 14 and 16": bare ages right after the children.
  const listed = /^,?\s*(\d{1,2}(?:\s*(?:,|and|&)\s*\d{1,2})*)\b(?!\s*(?:%|[a-z]))/i.exec(rest);
  if (listed) ages.push(...(listed[1]!.match(/\d{1,2}/g) ?? []).map(Number).filter((a) => a <= 19));
  if (YOUNG_WORDS.test(window) || ages.some((a) => a <= 11)) return 'young';
  if (TEEN_WORDS.test(window) || ages.some((a) => a >= 12 && a <= 19)) return 'teen';
  if (GROWN.test(window)) return 'grown';
  return null;
}

function hasPartner(bio: string): boolean {
  return sentencesOf(bio.replace(NOT_A_PARTNER, ' ')).some((s) => SPOUSE.test(s) || (PARTNER.test(s) && (PARTNER_AT_HOME.test(s) || !BUSINESS.test(s))));
}

function numberOf(word: string): number {
  return NUMBERS[word.toLowerCase()] ?? Number(word);
}

/**
 * Children's ages a clause gives: "aged 4 and 7", "a nine-year-old", "a four-month-old" (0), "(3, 6)",
 * "a daughter of eight", "three children under ten". Only the young and teenage ones are read:
 * a number in the twenties may as well be the persona's own age.
 */
function childAges(text: string): number[] {
  const ages: number[] = [];
  const num = new RegExp(NUM, 'gi');
  for (const m of text.matchAll(new RegExp(`\\b(${NUM})[- ](year|month|week)s?[- ]olds?\\b|\\b(${NUM}) years? old\\b`, 'gi'))) ages.push(m[2] && m[2].toLowerCase() !== 'year' ? 0 : numberOf(m[1] ?? m[3]!));
  for (const m of text.matchAll(new RegExp(`\\baged?\\s+${NUM}(?:\\s*(?:,|and|&|to)\\s*${NUM})*|\\(\\s*\\d{1,2}(?:\\s*(?:,|and|&)\\s*\\d{1,2})*\\s*\\)|\\b(?:son|daughter|child|boy|girl)s? of ${NUM}\\b`, 'gi'))) {
    for (const n of m[0].match(num) ?? []) ages.push(numberOf(n));
  }
  for (const m of text.matchAll(new RegExp(`\\bunder (${NUM})\\b`, 'gi'))) ages.push(Math.max(0, numberOf(m[1]!) - 1));
  return ages.filter((a) => Number.isFinite(a) && a >= 0 && a <= 19);
}
