/**
 * A persona's life stage, only as its own text states it (occupation and bio): "retired", "a
 * student", "mother of two (4 and 7)", "lives alone", "no children". Nothing is inferred from age
 * or income: a persona whose text says none of these is "Not stated". One stage per persona, the
 * first that its text states in the order below (a retired grandmother is "Retired").
 */
import type { Persona } from '../../shared/persona';
import { sentencesOf } from '../asking';

export const NOT_STATED = 'Not stated in the profile';

export const LIFE_STAGES = [
  'Retired',
  'Parent of young children',
  'Student',
  'Parent of teenagers',
  'Parent of grown-up children',
  "Parent (children's ages not stated)",
  'Couple without children',
  'Living with a partner',
  'Sharing a home',
  'Living with parents',
  'Living alone',
] as const;
export type LifeStage = (typeof LIFE_STAGES)[number] | typeof NOT_STATED;

const RETIRED = /\b(retired|retiree|pensioner|in retirement|since retiring|after retiring|retraite|jubilad[oa]|rentner(in)?)\b|متقاعد|تقاعد|退休/i;
const STUDENT = /\b(student|undergraduate|undergrad|postgraduate|phd candidate|doctoral candidate|pupil|schoolgirl|schoolboy|sixth[- ]former|étudiant|étudiante|estudiante)\b|طالب|طالبة|学生|大学生|研究生|高中生|初中生/i;
/** In the bio, the persona itself studying (a parent's "son in high school" is not). */
const STUDENT_SELF = /\b(is|am|'m) (a|an) ([\w-]+ ){0,3}(student|undergraduate|pupil|schoolgirl|schoolboy)\b|\b(studies|studying) (at|for|in|towards)\b|\bin (his|her|my) (first|second|third|fourth|final|last) year (at|of)\b|^\S+ (طالب|طالبة)|(هو|هي) (طالب|طالبة)|是.{0,8}(大学生|研究生|高中生|初中生|学生)|(在读|读大|读研)/i;
const CHILD_FREE = /\b(no (kids|children)|childless|child-free|childfree|without (kids|children)|dink|doesn'?t have (kids|children)|don'?t have (kids|children)|has no (kids|children)|have no (kids|children))\b|بدون أطفال|بلا أطفال|ليس لدي أطفال|ليس لديه أطفال|ليس لديها أطفال|丁克|没有孩子|没孩子/i;
const PARENT = /\b((mother|father|mum|mom|dad|parent|mama|papa) (of|to)|(single|stay-at-home|working|new|first-time|busy) (mother|father|mum|mom|dad|parent)s?|(my|his|her) (\w+ )?(\w+ )?(kids|children|child|sons?|daughters?|toddlers?|bab(y|ies)|twins|little ones|teenagers?|stepson|stepdaughter)|ha(s|ve|ving) (a |an |one |two |three |four |five |\d+ )?(young |little |small |teenage |grown[- ]up |adult |school-age |twin )?(kids|children|child|sons?|daughters?|toddlers?|bab(y|ies)|twins)|grandmother|grandfather|grandparent|grandchild|grandchildren|grandkids|grandson|granddaughter|ha(s|ve)\b[^.;]{0,40}\b(a|an|one|two|three|four|five|\d+) (young |little |small |teenage |grown[- ]up |adult )?(kids|children|sons?|daughters?|toddlers?|bab(y|ies))\b)\b|أم ل|أب ل|لديها (طفل|أطفال|ابن|ابنة|ولد)|لديه (طفل|أطفال|ابن|ابنة|ولد)|أطفالها|أطفاله|ابنها|ابنه|ابنتها|ابنته|أحفاد|(孩子|儿子|女儿)的(妈妈|爸爸|母亲|父亲)|有(一|两|二|三|四|\d)个(孩子|儿子|女儿|孙子|孙女)|(她|他|我)的(孩子|儿子|女儿|孙子|孙女)|宝妈|宝爸|孙子|孙女|外孙/i;
const YOUNG = /\b(toddlers?|bab(y|ies)|infant|newborn|nursery|preschool|pre-school|kindergarten|primary school|primary-school|young (kids|children|family|son|daughter)|little ones|small (kids|children)|school run|nappies|diapers)\b|رضيع|الحضانة|روضة|ابتدائي|صغار|幼儿园|小学|宝宝|婴儿|小孩/i;
const TEEN = /\b(teenage|teenagers?|teens?|adolescent|secondary school|high school)\b|مراهق|初中|高中|青春期/i;
const GROWN = /\b(grown[- ]up|adult (kids|children|son|daughter)|grown (kids|children)|grandchild(ren)?|grandkids|grandson|granddaughter|grandmother|grandfather|grandparent|empty nest(er)?|kids? (have |has )?(left|moved out|flown)|children (have )?(left|moved out))\b|أحفاد|حفيد|كبروا|孙子|孙女|外孙|已成家|已经工作/i;
const PARTNER = /\b((my|his|her|their) (husband|wife|partner|boyfriend|girlfriend|fianc[eé]e?|spouse)|married|lives with (his|her|their) (partner|husband|wife|boyfriend|girlfriend)|cohabit)\b|زوج|زوجة|متزوج|丈夫|妻子|老公|老婆|已婚|男朋友|女朋友|伴侣/i;
const SHARING = /\b(flatmates?|housemates?|roommates?|flat-share|flatshare|house-share|shares? a (flat|house|apartment)|shared (flat|house|apartment)|student halls?|halls of residence|dorm(itory)?)\b|سكن مشترك|سكن الطلاب|合租|室友|宿舍/i;
const WITH_PARENTS = /\b(lives? (at home )?with (his|her|their|my) (parents|mother|mum|mom|father|dad|family)|living (at home )?with (his|her|their|my) (parents|mother|mum|mom|father|dad|family)|still at home|back home with)\b|يعيش مع (والديه|أهله)|تعيش مع (والديها|أهلها)|和父母(一起)?住|跟父母住/i;
const ALONE = /\b(lives? alone|living alone|lives? on (his|her|their) own|living on (his|her|their|my) own|lives? by (himself|herself|themselves)|single-person household|one-person household|widow(ed|er)?|divorced and lives alone)\b|يعيش وحده|تعيش وحدها|يعيش بمفرده|تعيش بمفردها|独居|一个人住|单身独居/i;

/** The persona's own words about itself: occupation and bio (goals and tastes say what it wants, not who it is). */
function ownText(persona: Persona): string {
  return `${persona.occupation}. ${persona.bio}`;
}

export function statedLifeStage(persona: Persona): LifeStage {
  const text = ownText(persona);
  if (RETIRED.test(text)) return 'Retired';
  const childFree = CHILD_FREE.test(text);
  const parentSentences = childFree ? [] : sentencesOf(text).filter((s) => PARENT.test(s));
  // A sentence that makes them a parent speaks of their children ("mother of two, Léo (4) and Jade (7)").
  const childSentences = parentSentences;
  const ages = childSentences.flatMap(childAges);
  const young = childSentences.some((s) => YOUNG.test(s)) || ages.some((a) => a <= 11);
  if (parentSentences.length > 0 && young) return 'Parent of young children';
  if (STUDENT.test(persona.occupation) || STUDENT_SELF.test(persona.bio)) return 'Student';
  if (parentSentences.length > 0) {
    if (childSentences.some((s) => TEEN.test(s)) || ages.some((a) => a >= 12 && a <= 19)) return 'Parent of teenagers';
    if (childSentences.some((s) => GROWN.test(s))) return 'Parent of grown-up children';
    return "Parent (children's ages not stated)";
  }
  if (childFree && PARTNER.test(text)) return 'Couple without children';
  if (PARTNER.test(text)) return 'Living with a partner';
  if (SHARING.test(text)) return 'Sharing a home';
  if (WITH_PARENTS.test(text)) return 'Living with parents';
  if (ALONE.test(text)) return 'Living alone';
  return NOT_STATED;
}

/** Children's ages a sentence gives: "aged 4 and 7", "a 9-year-old", "(3, 6)", "5岁". Only the young and teenage ones are read: a number in the twenties may as well be the persona's own age. */
function childAges(sentence: string): number[] {
  const ages: number[] = [];
  for (const m of sentence.matchAll(/\b(\d{1,2})[- ]?(?:year[- ]olds?|yo\b|years? old)|\baged? (\d{1,2})(?:\s*(?:,|and|&)\s*(\d{1,2}))*|\((\d{1,2})(?:\s*(?:,|and|&)\s*(\d{1,2}))*\)|(\d{1,2})\s*岁|عمر(?:ه|ها)? (\d{1,2})/g)) {
    for (const n of m.slice(1)) if (n !== undefined) ages.push(Number(n));
    // "aged 4, 7 and 9": the regex keeps only the first and last of a list; read every number of it.
    if (m[2] !== undefined || m[4] !== undefined) for (const n of m[0].match(/\d{1,2}/g) ?? []) ages.push(Number(n));
  }
  return ages.filter((a) => a >= 0 && a <= 19);
}
