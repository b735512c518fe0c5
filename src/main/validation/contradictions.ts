/**
 * Two lines of one persona that cannot both be true of one person ("lives alone" and "she and her
 * partner are debating a move"). Each rule is a table entry: what one line says, what another says,
 * and, where numbers decide, when they clash. Precision before recall: a rule fires only on wordings
 * that leave no consistent reading, and the reason quotes both lines.
 */
import type { IncomeBracket, Persona } from '../../shared/persona';
import { parseNumberWords } from './number-words';

export interface Contradiction {
  rule: string;
  reason: string;
}

interface Facts {
  age: number;
  income: IncomeBracket | undefined;
}

interface Rule {
  id: string;
  /** What one line says; a capture group holds a number or a name the clash turns on. */
  a: RegExp;
  /** Side A is the occupation field alone ("Retired nurse", "Full-time paramedic"). */
  aIsOccupation?: true;
  b: RegExp;
  /** Given both matches, whether they clash (no function: any pair clashes). */
  clash?: (a: RegExpExecArray, b: RegExpExecArray, facts: Facts) => boolean;
  /** Only for a persona these facts describe. */
  when?: (facts: Facts) => boolean;
  /** A line that names the exception is not this rule's line ("a teenage brother"). */
  unless?: RegExp;
  /** How the clash reads: "Says X but also Y." by default. */
  says?: (a: string, b: string, facts: Facts) => string;
}

const PARTNER = '(?:partner|husband|wife|spouse)';
const NUMBER = '(\\d{1,2}|[a-z]+(?:[ -][a-z]+)?)';
/** A move or arrival dated long ago is no clash with years in one place since. */
const LONG_AGO = /\b(?:\d+|[a-z]+(?:[ -][a-z]+)?) years ago\b|\bdecades ago\b|\blong ago\b|\bin (?:19|20)\d\d\b/;

/** A workplace that belongs to some trades only: retiring from it says which trade. */
const TRADES: ReadonlyArray<{ jobs: RegExp; places: RegExp }> = [
  { jobs: /\b(?:school)?teacher|headteacher|head teacher|lecturer|professor\b/, places: /\b(?:school|college|university|academy|education)\b/ },
  { jobs: /\bnurse|midwife\b/, places: /\b(?:hospital|clinic|surgery|care home|health service|nhs|ward|army|navy)\b/ },
  { jobs: /\bdoctor|physician|surgeon|gp\b/, places: /\b(?:hospital|clinic|surgery|practice|health service|nhs|army|navy|university)\b/ },
  { jobs: /\bpost(?:man|woman|master|al worker)|mail carrier|letter carrier\b/, places: /\b(?:post office|royal mail|postal service|mail)\b/ },
  { jobs: /\bpolice|constable|detective\b/, places: /\b(?:police|force|constabulary)\b/ },
  { jobs: /\bfire(?:fighter|man)\b/, places: /\bfire (?:service|brigade|department)\b/ },
  { jobs: /\bminer\b/, places: /\b(?:mine|pit|colliery)\b/ },
  { jobs: /\blibrarian\b/, places: /\blibrary\b/ },
  { jobs: /\bsoldier\b/, places: /\b(?:army|military|forces)\b/ },
];
const tradeOf = (text: string) => TRADES.find((t) => t.jobs.test(text));

const number = (text: string | undefined): number | undefined => (text === undefined ? undefined : /^\d+$/.test(text) ? Number(text) : parseNumberWords(text));
const differ = (x: string | undefined, y: string | undefined) => {
  const [m, n] = [number(x), number(y)];
  return m !== undefined && n !== undefined && m !== n;
};

const RULES: readonly Rule[] = [
  {
    id: 'bereavement-dated-twice',
    a: new RegExp(`\\b(?:lost|losing|death of|since) (?:her|his|their|a) ${PARTNER}[^.;]{0,20}? ${NUMBER} years ago\\b`),
    b: new RegExp(`\\bwidow(?:ed|er)? (?:for|of) ${NUMBER} years\\b`),
    clash: (a, b) => differ(a[1], b[1]),
  },
  {
    id: 'alone-with-partner',
    a: /\b(?:lives|living) (?:alone|on (?:her|his|their) own)\b/,
    b: new RegExp(`\\band (?:a|her|his|their) ${PARTNER} (?:are|have|were|both|share|live)\\b|\\blives with (?:a|her|his|their) (?:${PARTNER}|boyfriend|girlfriend)\\b`),
  },
  {
    id: 'two-trades-retired-from',
    a: /^retired (.+)$/,
    aIsOccupation: true,
    b: /\bretired from (?:the |a |an )?([a-z]+(?: [a-z]+)?)/,
    clash: (a, b) => {
      const trade = tradeOf(a[1]!);
      const place = b[1]!;
      return trade !== undefined && !trade.places.test(place) && TRADES.some((t) => t !== trade && t.places.test(place));
    },
  },
  {
    id: 'newcomer-and-long-settled',
    a: /\bwhile (?:deciding|working out|figuring out) where to settle\b|\b(?:just|recently) (?:moved|arrived)\b|\b(?:moved|came|come) back (?:to be )?near (?:her|his|their)? ?family\b|\bnew to the (?:city|town|area|neighbourhood|neighborhood)\b/,
    b: /\b(?:has )?lived in the same (?:neighbourhood|neighborhood|street|house|flat|area|village|town|district) for (?:years|decades|(?:\d+|[a-z]+) years)\b|\bnever lived anywhere else\b|\blifelong resident\b/,
    unless: LONG_AGO,
  },
  {
    id: 'child-too-old-for-parent',
    a: /\blives? with\b[^.;]*?\b(?:a|two|three|her|his|their) teenagers?\b/,
    b: /\blives? with\b[^.;]*?\b(?:a|two|three|her|his|their) teenagers?\b/,
    when: ({ age }) => age < 29,
    unless: /\bstep|\bfoster|\bsibling|\bbrother|\bsister|\bcousin|\bnephew|\bniece|\bflatmate|\bstudents?\b/,
    says: (a, _b, { age }) => `At ${age} "${a}": a teenage child would have been born when this persona was ${age - 13} or younger.`,
  },
  {
    id: 'comfortable-income-on-scant-means',
    a: /\b(?:lives|living|gets by|getting by|surviv(?:es|ing)) on (?:a |her |his |their )?(?:modest|small|tiny|basic|meagre|meager|state) (?:pension|income|wage|benefits?)\b|\bpay ?(?:check|cheque) to pay ?(?:check|cheque)\b|\bstruggles? to make ends meet\b|\b(?:lives|living) on benefits\b/,
    b: /\b(?:lives|living|gets by|getting by|surviv(?:es|ing)) on (?:a |her |his |their )?(?:modest|small|tiny|basic|meagre|meager|state) (?:pension|income|wage|benefits?)\b|\bpay ?(?:check|cheque) to pay ?(?:check|cheque)\b|\bstruggles? to make ends meet\b|\b(?:lives|living) on benefits\b/,
    when: ({ income }) => income === 'upper-middle' || income === 'high',
    says: (a, _b, { income }) => `Income bracket "${income}" but "${a}".`,
  },
  {
    id: 'full-time-and-part-time',
    a: /\bfull[- ]time\b/,
    aIsOccupation: true,
    b: /\b(?:works?|working|back (?:at|to) work|returned to work|job|employed)\b[^.;]{0,20}\bpart[- ]time\b|\bpart[- ]time (?:job|work|hours|role|post|position|shifts?)\b/,
  },
  {
    id: 'too-young-to-apply-to-university',
    a: /\b(?:applying|applies|applied) (?:to|for) (?:universities|university|college|colleges)\b|\buniversity applications?\b|\bcollege applications?\b/,
    b: /\b(?:applying|applies|applied) (?:to|for) (?:universities|university|college|colleges)\b|\buniversity applications?\b|\bcollege applications?\b/,
    when: ({ age }) => age <= 15,
    says: (a, _b, { age }) => `At ${age} "${a}": too young to apply to university.`,
  },
  {
    id: 'partnership-older-than-adulthood',
    a: new RegExp(`\\b${PARTNER} of ${NUMBER} years\\b|\\bmarried (?:for )?${NUMBER} years\\b|\\b${NUMBER} years of marriage\\b`),
    b: new RegExp(`\\b${PARTNER} of ${NUMBER} years\\b|\\bmarried (?:for )?${NUMBER} years\\b|\\b${NUMBER} years of marriage\\b`),
    clash: (a, _b, { age }) => {
      const years = number(a[1] ?? a[2] ?? a[3]);
      return years !== undefined && age - years < 16;
    },
    says: (a, _b, { age }) => `At ${age} "${a}": together since childhood.`,
  },
];

/** The persona's lines as it wrote them: the occupation, each sentence of the bio, each goal, pain point and the quote. */
function linesOf(persona: Persona): Array<{ line: string; lower: string; occupation: boolean }> {
  const lines = [persona.bio.split(/(?<=[.!?])\s+/), persona.goals, persona.painPoints, persona.quote ? [persona.quote] : []].flat();
  return [{ line: persona.occupation, lower: persona.occupation.toLowerCase().trim(), occupation: true }, ...lines.map((line) => ({ line: line.trim(), lower: line.toLowerCase(), occupation: false }))].filter((l) => l.line !== '');
}

/** Each rule's clash in the persona, once, with both lines quoted. */
export function findContradictions(persona: Persona): Contradiction[] {
  const lines = linesOf(persona);
  const facts: Facts = { age: persona.age, income: persona.incomeBracket };
  const found: Contradiction[] = [];
  for (const rule of RULES) {
    if (rule.when && !rule.when(facts)) continue;
    const hit = firstClash(rule, rule.aIsOccupation ? lines.filter((l) => l.occupation) : lines, lines.filter((l) => !l.occupation), facts);
    if (hit) found.push({ rule: rule.id, reason: hit });
  }
  return found;
}

/** A line as quoted inside a reason: without its closing full stop. */
const quoted = (line: string) => line.replace(/[.!]+$/, '');

function firstClash(rule: Rule, sideA: ReturnType<typeof linesOf>, sideB: ReturnType<typeof linesOf>, facts: Facts): string | null {
  for (const a of sideA) {
    const ma = rule.a.exec(a.lower);
    if (!ma || rule.unless?.test(a.lower)) continue;
    for (const b of sideB) {
      const mb = rule.b.exec(b.lower);
      if (!mb || (rule.unless?.test(b.lower) ?? false)) continue;
      if (rule.clash && !rule.clash(ma, mb, facts)) continue;
      // A line that is its own clash (a fact against the persona's age or income) is quoted once.
      if (a.line === b.line && !rule.says) continue;
      const [x, y] = [quoted(a.line), quoted(b.line)];
      return rule.says ? rule.says(x, y, facts) : `Says "${x}" but also "${y}".`;
    }
  }
  return null;
}
