/**
 * The ages a brief states in its own words, which win over the life stage's usual span, exactly:
 * "aged 35-55" means every persona is 35 to 55. Read in English, French, German, Spanish, Italian
 * and Portuguese: ranges ("35-55 year olds", "between 30 and 50", "de 30 à 50 ans", "zwischen 30
 * und 50 Jahren", "tra i 30 e i 50 anni", "entre 25 y 40 años"), open ends ("over 60", "70+", "the
 * over-50s", "under 25", "plus de 60 ans", "ab 65", "mayores de 55", "con più di 60 anni"), decades
 * ("in their 40s", "late 30s", "30-somethings", "Mitte 40", "la trentaine", "treintañeros",
 * "trentenni", "na casa dos 30"), exact ages ("40-year-olds") and generations by birth year
 * ("millennials", "Gen X", "baby boomers"). A number counts only with an age word beside it, or after the people it
 * describes with nothing else after it: "50-200 employees", "€30-50 per month", "30-minute meals",
 * "over 50 shops" and "over 30 years of experience" are not ages, and neither are the ages of
 * someone else ("parents of teenagers aged 13-17").
 */
import { AGE_MAX, AGE_MIN } from '../../shared/brief';

export interface StatedAges {
  /** The lowest age the words allow; null when they give none ("under 25"). */
  lo: number | null;
  /** The highest; null when they give none ("over 60", "70+"). */
  hi: number | null;
  /** The words as the brief wrote them ("aged 35-55"), for the understanding. */
  said: string;
}

/** What the analysis draws ages from, and what it tells the user about them. */
export interface AgeReading {
  range: [number, number];
  /** The brief's own words for the ages, when it states them. */
  said: string | null;
  /** Why the range differs from what the brief states (the youngest persona is 16, the age field wins); null when it does not. */
  note: string | null;
}

/** A number that may be an age (three digits, so that "aged 60 to 105" is read, and then said to end above 99). */
const N = '(\\d{1,3})(?!\\d)';
/** The people a number follows ("women 35-55", "adults over 60"). */
const PERSON_WORDS = new Set([
  'people', 'persons', 'adults', 'men', 'women', 'folk', 'folks', 'youth', 'youths', 'customers', 'consumers', 'users', 'buyers', 'shoppers', 'seniors',
  'retirees', 'pensioners', 'homeowners', 'owners', 'renters', 'tenants', 'parents', 'mothers', 'fathers', 'mums', 'moms', 'dads', 'couples', 'singles',
  'students', 'professionals', 'workers', 'employees', 'travellers', 'travelers', 'tourists', 'patients', 'members', 'gamers', 'readers', 'viewers',
  'listeners', 'drivers', 'riders', 'fans', 'teens', 'teenagers', 'individuals', 'citizens', 'residents', 'locals', 'families', 'investors', 'savers',
  'borrowers', 'voters', 'guys', 'ladies', 'gents', 'clients', 'audience', 'audiences', 'millennials', 'boomers', 'menschen', 'personen', 'erwachsene',
  'frauen', 'manner', 'kunden', 'senioren', 'eltern', 'leute', 'studenten', 'studierende', 'jugendliche', 'familien', 'personnes', 'adultes', 'femmes',
  'hommes', 'gens', 'jeunes', 'retraites', 'etudiants', 'familles', 'personas', 'adultos', 'mujeres', 'hombres', 'gente', 'clientes', 'mayores',
  'jubilados', 'padres', 'estudiantes', 'jovenes', 'familias', 'persone', 'adulti', 'donne', 'uomini', 'clienti', 'anziani', 'pensionati', 'genitori',
  'studenti', 'giovani', 'famiglie', 'ragazzi', 'ragazze', 'pessoas', 'mulheres', 'homens', 'idosos', 'aposentados', 'pais', 'estudantes', 'jovens',
]);
/** Plurals that are not people ("shops 30-50", "prices 30-50"). */
const NOT_PERSONS = new Set([
  'minutes', 'hours', 'days', 'weeks', 'months', 'years', 'times', 'costs', 'prices', 'fees', 'rates', 'sizes', 'levels', 'pages', 'units', 'items', 'points',
  'tickets', 'seats', 'rooms', 'stores', 'shops', 'products', 'countries', 'cities', 'companies', 'teams', 'groups', 'sessions', 'classes', 'lessons',
  'meals', 'recipes', 'boxes', 'kits', 'euros', 'dollars', 'pounds', 'miles', 'steps', 'calories', 'servings', 'portions', 'grades', 'sales', 'sites',
  'locations', 'branches', 'plans', 'packages', 'pieces', 'orders', 'deliveries', 'kilometres', 'kilometers', 'beds', 'homes', 'houses', 'flats',
  'apartments', 'cars', 'bikes', 'lines', 'tables', 'cases', 'uses', 'weights', 'discounts', 'jahre', 'ans', 'anos', 'anni',
]);
/** Words before "over 60" or a range that make the number the audience itself ("for over 60", "les plus de 60 ans", "per over 60"). */
const AUDIENCE_LEADS = new Set(['for', 'pour', 'fur', 'para', 'per', 'targeting', 'aimed', 'the', 'les', 'des', 'los', 'las', 'gli', 'i', 'os', 'as', 'die', 'der', 'agli', 'aux', 'a']);
/** Words before "over 30 years" that make it a time, not an age ("for over 30 years", "depuis plus de 30 ans"). */
const TIME_LEADS = new Set(['for', 'since', 'during', 'in', 'within', 'depuis', 'pendant', 'desde', 'durante', 'seit', 'da', 'ha', 'dans', 'en', 'em', 'nei', 'ago']);
/** What may follow an age with nothing more to say it is one: the end, a clause, a place. */
const NEXT_WORDS = new Set([
  'in', 'at', 'across', 'around', 'near', 'who', 'that', 'which', 'whose', 'with', 'from', 'living', 'based', 'and', 'or', 'on', 'throughout', 'for',
  'y', 'e', 'et', 'und', 'oder', 'ou', 'o', 'en', 'em', 'a', 'au', 'aux', 'im', 'am', 'nel', 'nella', 'na', 'no', 'que', 'qui', 'die', 'der', 'das', 'che',
  'des', 'del', 'de', 'di', 'do', 'da', 'aus', 'mit', 'avec', 'con', 'com', 'whom', 'looking', 'interested',
  // "the 55+ market", "a 25-34 audience": words for an audience made of those ages.
  'market', 'crowd', 'segment', 'audience', 'demographic', 'generation', 'bracket', 'cohort',
]);
/** The ages that follow these belong to someone else, when people who care for them come first ("parents of teenagers aged 13-17"). */
const DEPENDANTS = '(?:children|child|kids|kid|sons?|daughters?|toddlers?|babies|baby|infants?|teens|teenagers?|tweens|grandchildren|grandkids|pupils|students|enfants|ninos|ninas|hijos|hijas|kinder|kindern|bambini|figli|figlie|filhos|filhas|criancas|ados|adolescents?|adolescentes|jugendliche|jugendlichen|pets?|dogs?|cats?|puppies)';
const CARERS = /\b(?:parents?|mums?|moms?|mothers?|fathers?|dads?|famil(?:y|ies)|grandparents?|teachers?|carers?|caregivers?|owners?|tutors?|coaches|schools?|eltern|mutter|vater|padres|madres|genitori|pais|maes|mamans|papas|familles|familias|famiglie|familien|with|of|mit|avec|con|com|des|di|dei|degli|delle|der|den)\b/;

/** "parents of 12-17 year olds", "mums with under-5s": the ages right after are the children's. */
const OF_CARERS = /\b(?:parents?|mums?|moms?|mothers?|fathers?|dads?|famil(?:y|ies)|grandparents?|carers?|caregivers?|eltern|padres|madres|genitori|pais|maes|mamans|familles|familias|famiglie|familien)\s+(?:of|with|von|mit|de|des|di|dei|da|com|con|avec)\s+(?:(?:the|their|young|small|little)\s+)?$/;
/** "carers of elderly parents aged 80+": the ages are of those cared for. */
const ELDERS_CARED_FOR = /\b(?:carers?|caregivers?|looking after|caring for)\s+(?:(?:of|for)\s+)?(?:(?:their|the|an?)\s+)?(?:(?:elderly|ageing|aging|older|frail)\s+)?(?:parents?|relatives|mothers?|fathers?|grandparents?|people|adults)\s*(?:aged|who are)?\s*$/;
const DECADE_WORDS: Readonly<Record<string, number>> = {
  twenties: 20, thirties: 30, forties: 40, fifties: 50, sixties: 60, seventies: 70, eighties: 80, nineties: 90,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70,
  zwanzig: 20, dreissig: 30, 'dreißig': 30, vierzig: 40, funfzig: 50, sechzig: 60, siebzig: 70, achtzig: 80,
  zwanzigern: 20, dreissigern: 30, 'dreißigern': 30, vierzigern: 40, funfzigern: 50, sechzigern: 60, siebzigern: 70, achtzigern: 80,
  vingtaine: 20, trentaine: 30, quarantaine: 40, cinquantaine: 50, soixantaine: 60, septantaine: 70,
  vingtenaires: 20, trentenaires: 30, quadragenaires: 40, quadras: 40, quinquagenaires: 50, quinquas: 50, sexagenaires: 60, septuagenaires: 70, octogenaires: 80,
  veinteaneros: 20, veinteaneras: 20, treintaneros: 30, treintaneras: 30, cuarentones: 40, cuarentonas: 40, cuarentaneros: 40, cuarentaneras: 40,
  cincuentones: 50, cincuentonas: 50, cincuentaneros: 50, sesentones: 60, sesentonas: 60, setentones: 70,
  ventenni: 20, trentenni: 30, quarantenni: 40, cinquantenni: 50, sessantenni: 60, settantenni: 70, ottantenni: 80,
  trintoes: 30, trintonas: 30, quarentoes: 40, quarentonas: 40, cinquentoes: 50, cinquentonas: 50, sessentoes: 60, sessentonas: 60, setentoes: 70,
};
const PART: Readonly<Record<string, readonly [number, number]>> = {
  early: [0, 3], mid: [4, 6], late: [7, 9], anfang: [0, 3], mitte: [4, 6], ende: [7, 9], debut: [0, 3], fin: [7, 9], principios: [0, 3], finales: [7, 9],
};

/**
 * Generations by the years they were born in (Pew Research Center's boundaries). Gen Z is a life
 * stage of its own (life-stages.json: the adults among them, 18 to 26), so it is not read here.
 */
const GENERATIONS: ReadonlyArray<readonly [RegExp, string, number, number]> = [
  [/\b(?:silent generation)\b/, 'the Silent Generation', 1928, 1945],
  [/\b(?:baby[- ]?boomers?|boomers|babyboomer|generation des baby boomers)\b/, 'baby boomers', 1946, 1964],
  [/\b(?:gen(?:eration|eracion|erazione|eracao)?[- ]?x|genx|gen xers|xennials)\b/, 'Gen X', 1965, 1980],
  [/\b(?:millenn?ials?|milenn?ials?|gen(?:eration|eracion|erazione|eracao)?[- ]?y)\b/, 'millennials', 1981, 1996],
  [/\b(?:gen(?:eration|eracion|erazione|eracao)?[- ]?alpha)\b/, 'Gen Alpha', 2013, 2024],
];

interface Pattern {
  re: RegExp;
  /** lo and hi from the match; null for an open end. */
  read: (m: RegExpExecArray) => [number | null, number | null];
  /** Whether the words themselves say they are ages; otherwise the context must (`weakFits`). */
  strong: boolean;
}

const AGE_WORD_AFTER = '(?:\\s*-?\\s*(?:years?[- ]?olds?|yrs?[- ]?olds?|y\\.?o\\.?|y/o|jahrigen?|jahrige[rs]?))';
const SOFT_AGE_WORD = '(?:years?|yrs?|jahre|jahren|ans|anos|anni)';
const ARTICLE = '(?:(?:the|los|las|les|i|os|as|den|gli)\\s+)?';
const RANGE_CORE = [
  `${N}\\s*-\\s*${N}`,
  `${N}-?\\s+(?:to|bis|till|through|thru)\\s+${N}`,
  `(?:de|da|dai|dos|del|desde|von|from)\\s+${ARTICLE}${N}\\s+(?:a|au|ai|aos|al|bis|to)\\s+${ARTICLE}${N}`,
  `(?:between|entre|zwischen|tra|fra)\\s+(?:the ages of\\s+)?${ARTICLE}${N}\\s+(?:years?\\s+)?(?:and|et|y|e|und)\\s+${ARTICLE}${N}`,
];
const AGE_LEAD = '(?:aged|ages|age|age group|age range|ages? of|agee?s?|ages? de|ages? entre|im alter von|im alter zwischen|im alter|alter|edad(?:es)?(?: de| entre)?|con edades? (?:de|entre)|di eta|eta|idades?(?: de| entre)?|com idades?(?: de| entre)?)';

const PATTERNS: readonly Pattern[] = [
  // Ranges: "aged 35-55", "35-55 year olds", "de 30 à 50 ans", "between 30 and 50", "people 65-80".
  ...RANGE_CORE.flatMap((core): Pattern[] => [
    { re: new RegExp(`\\b${AGE_LEAD}\\s+(?:between\\s+|from\\s+)?${core}(?:${AGE_WORD_AFTER}|\\s*${SOFT_AGE_WORD}\\b)?`, 'g'), read: (m) => pair(m), strong: true },
    { re: new RegExp(`(?<![\\d.,€$£¥])\\b${core}${AGE_WORD_AFTER}(?:\\s*olds?)?`, 'g'), read: (m) => pair(m), strong: true },
    { re: new RegExp(`(?<![\\d.,€$£¥])\\b${core}\\s*${SOFT_AGE_WORD}\\b(?!\\s*(?:of|de|d|di|ago|experience|erfahrung|experiencia|esperienza|in business))`, 'g'), read: (m) => pair(m), strong: false },
    { re: new RegExp(`(?<![\\d.,€$£¥+])\\b${core}\\b(?![.,]\\d|\\s*(?:%|€|\\$|£|k\\b|m\\b|x\\b))`, 'g'), read: (m) => pair(m), strong: false },
  ]),
  // Exact: "40-year-olds", "aged 40".
  { re: new RegExp(`(?<![\\d.,-])\\b${N}${AGE_WORD_AFTER}`, 'g'), read: (m) => [Number(m[1]), Number(m[1])], strong: true },
  { re: new RegExp(`\\baged\\s+${N}\\b(?!\\s*(?:-|\\+|to|and|or|plus|\\d))`, 'g'), read: (m) => [Number(m[1]), Number(m[1])], strong: true },
  // Open below: "70+", "65 and over", "at least 50", "ab 65", "a partir de 60", "60 ans et plus", "dai 60 anni in su".
  { re: new RegExp(`(?<![\\d.,€$£¥])\\b(?:${AGE_LEAD}\\s+)?${N}\\s*\\+(?:\\s*${SOFT_AGE_WORD}\\b)?`, 'g'), read: (m) => [Number(m[1]), null], strong: false },
  { re: new RegExp(`(?<![\\d.,€$£¥])\\b(?:${AGE_LEAD}\\s+)?${N}\\s*(?:${SOFT_AGE_WORD}\\s*(?:old\\s*)?)?(?:and|or|&|et|y|e|o|ou|und)\\s+(?:over|older|above|up|upwards|more|plus|mas|mais|alter|in su|oltre)\\b`, 'g'), read: (m) => [Number(m[1]), null], strong: true },
  { re: new RegExp(`\\b(?:at least|no younger than|minimum age(?: of)?|mindestens|a partir de(?: los| das| dos)?|ab|dai)\\s+${N}\\b(?:\\s*${SOFT_AGE_WORD}\\b)?(?:\\s*in su)?`, 'g'), read: (m) => [Number(m[1]), null], strong: false },
  { re: new RegExp(`\\b${N}\\s*plus\\b`, 'g'), read: (m) => [Number(m[1]), null], strong: false },
  { re: new RegExp(`\\b(?:over|above|older than|more than|past|plus de|mas de|mayores de|mayor de|uber|alter als|piu di|oltre(?: i)?|sopra(?: i)?|mais de|acima de|superiores? a)[\\s-]*${N}(?:'?s\\b)?(?:\\s*${SOFT_AGE_WORD}\\b)?`, 'g'), read: (m) => (/\d'?s$/.test(m[0]) ? [Number(m[1]), null] : [Number(m[1]) + 1, null]), strong: false },
  // Open above: "under 25", "under-30s", "younger than 30", "moins de 30 ans", "up to 30", "18 and under".
  { re: new RegExp(`\\b(?:under|below|younger than|less than|moins de|menos de|menores de|menor de|unter|junger als|sotto(?: i)?|meno di|abaixo de)[\\s-]*${N}(?:'?s\\b)?(?:\\s*${SOFT_AGE_WORD}\\b)?`, 'g'), read: (m) => [null, Number(m[1]) - 1], strong: false },
  { re: new RegExp(`\\b(?:up to|no older than|maximum age(?: of)?|jusqu a|hasta(?: los)?|fino a(?:i)?|ate(?: os)?|bis)\\s+${N}\\b(?:\\s*${SOFT_AGE_WORD}\\b)?`, 'g'), read: (m) => [null, Number(m[1])], strong: false },
  { re: new RegExp(`(?<![\\d.,€$£¥])\\b${N}\\s*(?:${SOFT_AGE_WORD}\\s*(?:old\\s*)?)?(?:and|or|et|y|e|o|ou|und)\\s+(?:under|younger|below|moins|menos|jünger|junger)\\b`, 'g'), read: (m) => [null, Number(m[1])], strong: true },
  // Decades: "in their 40s", "late 30s", "in their early twenties", "Mitte 40", "30-somethings", "la trentaine", "trentenni", "na casa dos 30".
  { re: /\b(?:in (?:their|his|her|your|den|ihren)|en sus|nei loro|nos seus|na casa dos|dans (?:la|leur)|a (?:la|leur)|on the|in the)\s+(?:(early|mid|late)[- ]?)?(\d0|twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties|zwanzigern|dreissigern|dreißigern|vierzigern|funfzigern|sechzigern|siebzigern|achtzigern|vingtaine|trentaine|quarantaine|cinquantaine|soixantaine)(?:'?s\b|ern\b|er\b|\b)((?:\s*(?:,|and|or|to|et|y|e|und)\s*(?:their\s+)?(?:early |mid |late )?(?:\d0'?s|twenties|thirties|forties|fifties|sixties|seventies|eighties))*)/g, read: (m) => decade(m[1], m[2]!, m[3] ?? ''), strong: true },
  { re: /\b(early|mid|late)[- ](\d0)'?s\b/g, read: (m) => decade(m[1], m[2]!, ''), strong: false },
  { re: /\b(anfang|mitte|ende|debut|fin|principios|finales)(?: de(?: los)?| der)?\s+(\d0|zwanzig|dreissig|dreißig|vierzig|funfzig|sechzig|siebzig)\b(?!\s*(?:jahre|jahren|euro|€|%|uhr|minuten))/g, read: (m) => decade(m[1], m[2]!, ''), strong: true },
  { re: /\b(\d0|twenty|thirty|forty|fifty|sixty|seventy)[- ]?somethings?\b/g, read: (m) => decade(undefined, m[1]!, ''), strong: true },
  { re: /\b(vingtenaires|trentenaires|quadragenaires|quadras|quinquagenaires|quinquas|sexagenaires|septuagenaires|octogenaires|veinteaneros|veinteaneras|treintaneros|treintaneras|cuarentones|cuarentonas|cuarentaneros|cuarentaneras|cincuentones|cincuentonas|cincuentaneros|sesentones|sesentonas|setentones|ventenni|trentenni|quarantenni|cinquantenni|sessantenni|settantenni|ottantenni|trintoes|trintonas|quarentoes|quarentonas|cinquentoes|cinquentonas|sessentoes|sessentonas|setentoes)\b/g, read: (m) => decade(undefined, m[1]!, ''), strong: true },
  { re: /\b(\d0)enni\b/g, read: (m) => decade(undefined, m[1]!, ''), strong: true },
];

function pair(m: RegExpExecArray): [number, number] {
  const [a, b] = m.slice(1).filter((g) => g !== undefined).map(Number) as [number, number];
  return [Math.min(a, b), Math.max(a, b)];
}

function decadeOf(word: string): number {
  return /^\d0$/.test(word) ? Number(word) : DECADE_WORDS[word] ?? NaN;
}

/** "late 30s" → 37–39; "40s and 50s" → 40–59. */
function decade(part: string | undefined, word: string, more: string): [number, number] {
  const base = decadeOf(word);
  const [from, to] = part ? PART[part]! : [0, 9];
  let hi = base + to;
  for (const m of more.matchAll(/(?:(early|mid|late) )?(\d0|twenties|thirties|forties|fifties|sixties|seventies|eighties)/g)) hi = Math.max(hi, decadeOf(m[2]!) + (m[1] ? PART[m[1]]![1] : 9));
  return [base + from, hi];
}

/** The brief's text in lower case without accents, dashes as "-", with where each character came from. */
function normalized(text: string): { plain: string; origin: number[] } {
  let plain = '';
  const origin: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const mapped = /[‐‑‒–—―−]/.test(ch) ? '-' : ch === '’' ? "'" : ch.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
    for (const c of mapped) {
      plain += c;
      origin.push(i);
    }
  }
  return { plain, origin };
}

/** The word before `at` in the plain text. */
function wordBefore(plain: string, at: number): string {
  return /([\p{L}]+)[^\p{L}\p{N}]*$/u.exec(plain.slice(Math.max(0, at - 40), at))?.[1] ?? '';
}

/** The word after `end` in the plain text, or "" at the end or before punctuation. */
function wordAfter(plain: string, end: number): string | null {
  const rest = plain.slice(end, end + 40);
  if (/^\s*(?:$|[,.;:)!?/|(])/.test(rest)) return '';
  return /^\s*([\p{L}]+)/u.exec(rest)?.[1] ?? null;
}

/** A word for people: one of the known ones, or a plural that is not a unit or a thing ("homeowners", not "shops"). */
const isPerson = (word: string) => PERSON_WORDS.has(word) || (word.length >= 4 && word.endsWith('s') && !NOT_PERSONS.has(word));

/** Whether a number without an age word is an age: after the people it describes (or "for"), with nothing after it but a clause. */
function weakFits(plain: string, start: number, end: number, matched: string): boolean {
  const before = wordBefore(plain, start);
  const after = wordAfter(plain, end);
  const soft = new RegExp(`${SOFT_AGE_WORD}$`).test(matched);
  if (soft) {
    // "30 years of experience", "30 ans d'expérience", "30 Jahre Berufserfahrung", "10 years ago": time, not age.
    if (!/old/.test(matched) && /^\s*(?:of\b|ago\b|experience|in business|d\s*experience|de experiencia|di esperienza|(?:berufs)?erfahrung|il y a)/.test(plain.slice(end, end + 30))) return false;
    return !TIME_LEADS.has(before) || isPerson(before);
  }
  if (/\d'?s$/.test(matched) && /(?:over|under)[\s-]*\d/.test(matched)) return true;
  const nextFits = after === '' || (after !== null && (NEXT_WORDS.has(after) || after.endsWith('ing')));
  if (!nextFits) return false;
  return isPerson(before) || (AUDIENCE_LEADS.has(before) && /^(?:over|above|under|below|older|younger|plus|moins|mas|menos|mayores|menores|uber|unter|piu|meno|oltre|sopra|sotto|mais|acima|abaixo|ab|a partir|\d+\s*\+)/.test(matched));
}

/** Whether the ages at `start` are someone else's: "parents of teenagers aged 13-17", "mums with kids under 5". */
function someoneElses(plain: string, start: number): boolean {
  const clause = plain.slice(Math.max(0, start - 80), start).split(/[.;:!?]/).at(-1) ?? '';
  if (OF_CARERS.test(clause) || ELDERS_CARED_FOR.test(clause)) return true;
  const m = new RegExp(`\\b${DEPENDANTS}\\s*(?:aged|ages|age|who are|between|from|of|de|von)?\\s*$`).exec(clause);
  return m !== null && CARERS.test(clause.slice(0, m.index));
}

/** The ages the text states, or null: every wording about the personas' own ages, together. */
export function statedAges(text: string, year = new Date().getFullYear()): StatedAges | null {
  const { plain, origin } = normalized(text);
  const taken: Array<[number, number]> = [];
  const mentions: Array<{ start: number; end: number; lo: number | null; hi: number | null; children: boolean }> = [];
  for (const { re, read, strong } of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(plain); m; m = re.exec(plain)) {
      const matched = m[0].trimEnd();
      const [start, end] = [m.index, m.index + matched.length];
      if (taken.some(([a, b]) => start < b && end > a)) continue;
      if (!strong && !weakFits(plain, start, end, matched)) continue;
      const [lo, hi] = read(m);
      if ((lo !== null && hi !== null && lo > hi) || (lo ?? 0) > AGE_MAX) continue;
      const young = (hi ?? AGE_MAX) < AGE_MIN;
      // A small number with only "years" after it is a time ("in Germany 1-3 years"), not a child's age.
      if (young && !strong && !/\d\s*\+|under|below|younger|moins|menos|unter|sotto|meno|abaixo/.test(matched)) continue;
      taken.push([start, end]);
      mentions.push({ start, end, lo, hi, children: someoneElses(plain, start) || young });
    }
  }
  // "Ü50" (über) and "U30" (unter) in German: only the accent tells them apart, so they are read from the text as written.
  const german = /(?<![\p{L}])([üÜ]|[uU])\s*-?\s*(\d{2})(?![\p{L}\p{N}])/gu;
  for (const m of text.matchAll(german)) {
    const at = origin.indexOf(m.index);
    if (at < 0 || taken.some(([a, b]) => at < b && at + m[0].length > a)) continue;
    const over = /[üÜ]/.test(m[1]!);
    // "U30" alone is too short to be sure of without an audience around it: only after people or "für".
    const before = wordBefore(plain, at);
    if (!over && !isPerson(before) && !AUDIENCE_LEADS.has(before)) continue;
    const [lo, hi] = over ? [Number(m[2]) + 1, null] : [null, Number(m[2]) - 1];
    mentions.push({ start: at, end: at + m[0].length, lo, hi, children: hi !== null && hi < AGE_MIN });
  }
  const own = mentions.filter((m) => !m.children);
  const said = (list: typeof mentions) => list.map((m) => text.slice(origin[m.start]!, origin[m.end - 1]! + 1).trim()).join(', ');
  if (own.length > 0) {
    const los = own.map((m) => m.lo);
    const his = own.map((m) => m.hi);
    return {
      lo: los.includes(null) ? null : Math.min(...(los as number[])),
      hi: his.includes(null) ? null : Math.max(...(his as number[])),
      said: said(own.sort((a, b) => a.start - b.start)),
    };
  }
  // Generations, by birth year: ages certainly in it this year ("millennials": born 1981–1996).
  const generations = GENERATIONS.filter(([re]) => re.test(plain));
  if (generations.length > 0) {
    const lo = Math.min(...generations.map(([, , , last]) => year - last));
    const hi = Math.max(...generations.map(([, , first]) => year - first - 1));
    const named = generations.map(([, name, first, last]) => `${name} (born ${first}–${last})`).join(', ');
    // Gen Alpha are children: the personas are those around them.
    return hi < AGE_MIN ? { lo: null, hi: null, said: named } : { lo, hi, said: named };
  }
  const children = mentions.filter((m) => m.children && !someoneElses(plain, m.start));
  if (children.length > 0) return { lo: null, hi: null, said: said(children) };
  return null;
}

/**
 * The ages personas are drawn from: the age field, else the brief's words, else `usual` (the life
 * stage's typical span). An end the words leave open comes from the life stage's whole span
 * (`span`), within 20 years of the given end ("over 60": 61–81; retirees "aged 70+": 70–90); what
 * cannot be kept (under 16, over 99) is said in the note, and so is an age field that overrules the words.
 */
export function agesFor(text: string, field: readonly [number, number] | undefined, usual: readonly [number, number], span: readonly [number, number] | null): AgeReading {
  const stated = statedAges(text);
  if (field) {
    const differs = stated && stated.lo !== null && stated.hi !== null && (stated.lo !== field[0] || stated.hi !== field[1]);
    return { range: [field[0], field[1]], said: stated?.said ?? null, note: differs ? `the age field (${field[0]}–${field[1]}) wins over "${stated.said}"` : null };
  }
  if (!stated) return { range: [usual[0], usual[1]], said: null, note: null };
  if (stated.lo === null && stated.hi === null) {
    return { range: [usual[0], usual[1]], said: null, note: `"${stated.said}" is younger than ${AGE_MIN}, the youngest a persona can be: read as the ages of those they care for` };
  }
  let { lo, hi } = stated;
  // An open top: the stage's oldest, at most 20 years on (an audience named by its ages alone: 20 years on).
  if (hi === null) hi = Math.min(AGE_MAX, span && span[1] >= lo! + 5 ? Math.min(span[1], lo! + 20) : lo! + 20);
  if (lo === null) {
    // The stage's youngest (an adult's 18 when no stage is named), else 15 years below the given end.
    const from = Math.max(AGE_MIN, span ? span[0] : 18, hi - 15);
    lo = from <= hi - 2 ? from : Math.max(AGE_MIN, hi - 15);
  }
  const notes: string[] = [];
  if (lo < AGE_MIN) {
    notes.push(`"${stated.said}" starts below ${AGE_MIN}, the youngest a persona can be: ${AGE_MIN}–${Math.max(hi, AGE_MIN)}`);
    lo = AGE_MIN;
  }
  if (hi > AGE_MAX) {
    notes.push(`"${stated.said}" ends above ${AGE_MAX}, the oldest a persona can be: ${lo}–${AGE_MAX}`);
    hi = AGE_MAX;
  }
  hi = Math.max(hi, lo);
  return { range: [lo, hi], said: stated.said, note: notes.length > 0 ? notes.join('; ') : null };
}
