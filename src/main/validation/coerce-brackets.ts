/**
 * Stage 4 of repair for values read into a number or a fixed set: ages, income brackets, company
 * sizes and decision powers. Like coerce-values.ts, each returns the value and how it changed, and
 * never throws.
 */
import { COMPANY_SIZES, DECISION_POWERS, INCOME_BRACKETS, type CompanySize, type DecisionPower, type IncomeBracket } from '../../shared/persona';
import { isPlaceholder, NOTHING, type Coerced } from './coerce-values';
import { parseNumberWords } from './number-words';

const AGE_QUALIFIERS: Record<string, number> = { early: 2, mid: 5, middle: 5, late: 8 };

/** An age: 34, "34 years old", "thirty-four", "mid-30s", "30-35", "born 1990"; clamped to 16..99. */
export function coerceAge(raw: unknown, now = new Date()): Coerced<number> {
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return NOTHING;
    return clampAge(Math.round(raw), Number.isInteger(raw) ? undefined : `rounded ${raw}`);
  }
  if (typeof raw !== 'string') {
    if (Array.isArray(raw) && raw.length === 2 && raw.every((v) => typeof v === 'number')) return coerceAge(`${raw[0]}-${raw[1]}`, now);
    return NOTHING;
  }
  const text = raw.toLowerCase().replace(/[–—]/g, '-').trim();
  if (text === '' || isPlaceholder(text)) return NOTHING;
  const decade = /\b(early|mid|middle|late)?[\s-]*(\d)0'?s\b/.exec(text);
  const range = /\b(\d{2})\s*(?:-|to|–|and)\s*(\d{2})\b/.exec(text);
  const born = /\b(?:born(?: in)?|b\.|birth year:?)\s*((?:19|20)\d{2})\b/.exec(text);
  if (born) return clampAge(now.getUTCFullYear() - Number(born[1]), `computed from the birth year ${born[1]}`);
  if (range && Number(range[1]) < Number(range[2])) {
    const mean = Math.floor((Number(range[1]) + Number(range[2])) / 2 + 0.5);
    return clampAge(mean, `took the middle of "${raw.trim()}"`);
  }
  if (decade) {
    const base = Number(decade[2]) * 10;
    const offset = decade[1] ? (AGE_QUALIFIERS[decade[1]] ?? 5) : 5;
    return clampAge(base + offset, `read "${decade[0].trim()}" as ${base + offset}`);
  }
  const number = /\d+(?:\.\d+)?/.exec(text);
  if (number) {
    const value = Number(number[0]);
    if (value >= 1900 && value <= now.getUTCFullYear()) return clampAge(now.getUTCFullYear() - value, `computed from the birth year ${value}`);
    const age = Math.round(value);
    return clampAge(age, String(age) === text ? 'turned text into a number' : `read ${age} from "${raw.trim()}"`);
  }
  const words = /\b(early|mid|middle|late)?[\s-]*(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b/.exec(text);
  if (words) {
    const base = ['twenties', 'thirties', 'forties', 'fifties', 'sixties', 'seventies', 'eighties', 'nineties'].indexOf(words[2]!) * 10 + 20;
    const offset = words[1] ? (AGE_QUALIFIERS[words[1]] ?? 5) : 5;
    return clampAge(base + offset, `read "${words[0].trim()}" as ${base + offset}`);
  }
  const spelled = parseNumberWords(text);
  if (spelled !== undefined) return clampAge(spelled, `read "${raw.trim()}" as ${spelled}`);
  return NOTHING;
}

function clampAge(age: number, how: string | undefined): Coerced<number> {
  if (age < 16) return { value: 16, how: `raised ${age} to the minimum age 16` };
  if (age > 99) return { value: 99, how: `lowered ${age} to the maximum age 99` };
  return { value: age, how };
}

/** Income bracket from words ("Upper middle class") or a yearly amount ("€45,000/year"). */
export function coerceIncomeBracket(raw: unknown): Coerced<IncomeBracket> {
  if (typeof raw === 'number') return bracketForAmount(raw, String(raw));
  if (typeof raw !== 'string') return NOTHING;
  const text = raw.toLowerCase().trim();
  const dashed = text.replace(/[\s_]+/g, '-');
  if ((INCOME_BRACKETS as readonly string[]).includes(dashed)) return { value: dashed as IncomeBracket, how: dashed === raw ? undefined : `read "${raw}" as ${dashed}` };
  const amount = parseAmount(text);
  if (amount !== undefined) return bracketForAmount(/month|\/mo\b|monthly/.test(text) ? amount * 12 : amount, raw);
  const words = (re: RegExp) => re.test(text);
  let value: IncomeBracket | undefined;
  if (words(/upper[\s-]*middle|upper[\s-]*mid\b/)) value = 'upper-middle';
  else if (words(/(?:lower|low)[\s-]*middle|lower[\s-]*mid\b|working[\s-]class/)) value = 'lower-middle';
  else if (words(/\b(?:high|affluent|wealthy|rich|upper|top|very comfortable)\b/)) value = 'high';
  else if (words(/\b(?:low|modest|limited|tight|poor|minimum wage|student budget)\b/)) value = 'low';
  else if (words(/\b(?:middle|medium|average|moderate|mid|comfortable)\b/)) value = 'middle';
  return value ? { value, how: `read "${raw}" as ${value}` } : { value: undefined, how: `dropped "${raw}": not an income bracket` };
}

function bracketForAmount(amount: number, raw: string): Coerced<IncomeBracket> {
  const value: IncomeBracket = amount < 20_000 ? 'low' : amount < 35_000 ? 'lower-middle' : amount < 70_000 ? 'middle' : amount < 120_000 ? 'upper-middle' : 'high';
  return { value, how: `read the amount "${raw}" as ${value}` };
}

/** The first amount in a text: "€45,000", "45k", "1.2m", "R$ 8.000"; the upper end of a range is ignored. */
function parseAmount(text: string): number | undefined {
  const m = /(\d{1,3}(?:[,. ]\d{3})+|\d+(?:\.\d+)?)\s*(k|m|thousand|million)?\b/.exec(text);
  if (!m) return undefined;
  const digits = /[,. ]\d{3}(?:\D|$)/.test(m[1]!) ? m[1]!.replace(/[,. ]/g, '') : m[1]!;
  let value = Number(digits);
  const unit = m[2];
  if (unit === 'k' || unit === 'thousand') value *= 1_000;
  if (unit === 'm' || unit === 'million') value *= 1_000_000;
  return Number.isFinite(value) && value > 0 ? value : undefined;
}

const SIZE_WORDS: ReadonlyArray<readonly [RegExp, CompanySize]> = [
  [/\b(?:freelanc\w*|solo\w*|sole trader|self[\s-]employed|one[\s-]person|micro)\b/, '1-10'],
  [/\b(?:enterprise|multinational|global corporation|fortune 500|corporation|conglomerate|very large)\b/, '1000+'],
  [/\b(?:mid[\s-]?(?:size[d]?|market)|medium[\s-]?(?:size[d]?)?|mittelstand)\b/, '51-200'],
  [/\b(?:large)\b/, '201-1000'],
  [/\b(?:start[\s-]?up|small|smb|sme|scale[\s-]?up)\b/, '11-50'],
];

function sizeBucket(n: number): CompanySize {
  return n <= 10 ? '1-10' : n <= 50 ? '11-50' : n <= 200 ? '51-200' : n <= 1000 ? '201-1000' : '1000+';
}

function parseCount(text: string): number {
  const m = /^(\d+(?:\.\d+)?)(k)?$/.exec(text.replace(/,(?=\d{3})/g, ''));
  if (!m) return Number.NaN;
  return Number(m[1]) * (m[2] ? 1000 : 1);
}

/** Company size bucket from "about 40 employees", "200-500", "5,000+ staff", "startup". */
export function coerceCompanySize(raw: unknown): Coerced<CompanySize> {
  if (typeof raw === 'number') return Number.isFinite(raw) && raw > 0 ? { value: sizeBucket(raw), how: `read ${raw} employees as ${sizeBucket(raw)}` } : NOTHING;
  if (typeof raw !== 'string') return NOTHING;
  const text = raw.toLowerCase().replace(/[–—]/g, '-').replace(/\s+/g, ' ').trim();
  if ((COMPANY_SIZES as readonly string[]).includes(text)) return { value: text as CompanySize, how: text === raw ? undefined : 'trimmed whitespace' };
  const compact = text.replace(/(\d),(\d{3})/g, '$1$2');
  const range = /(\d+(?:\.\d+)?k?)\s*(?:-|to)\s*(\d+(?:\.\d+)?k?)/.exec(compact);
  if (range) {
    const lo = parseCount(range[1]!);
    const hi = parseCount(range[2]!);
    if (lo > 0 && hi >= lo) {
      const value = sizeBucket(Math.round((lo + hi) / 2));
      return { value, how: `read "${raw}" as ${value}` };
    }
  }
  const single = /(\d+(?:\.\d+)?k?)\s*(\+)?/.exec(compact);
  if (single) {
    const n = parseCount(single[1]!);
    if (n > 0) {
      const value = single[2] && n >= 1000 ? '1000+' : sizeBucket(n);
      return { value, how: `read "${raw}" as ${value}` };
    }
  }
  for (const [pattern, value] of SIZE_WORDS) if (pattern.test(text)) return { value, how: `read "${raw}" as ${value}` };
  return { value: undefined, how: `dropped "${raw}": not a company size` };
}

const POWER_RULES: ReadonlyArray<readonly [RegExp, DecisionPower]> = [
  [/gate[\s-]?keep|procurement|purchasing (?:dept|department|team|officer|manager)|vendor management|legal review|security review|it review|compliance review|blocker/, 'gatekeeper'],
  [/influenc|recommend|champion|evaluat|advis|consult|shortlist|technical buyer|input|co[\s-]?decide|shared/, 'influencer'],
  [/decision[\s-]?maker|final (?:say|decision|call|sign)|budget (?:owner|holder|authority)|economic buyer|approv|sign[s]?[\s-]?off|signator|owns the (?:budget|decision)|full authority|decides|\bhigh\b|\bceo\b|\bowner\b/, 'decision-maker'],
  [/end[\s-]?user|\buser\b|practitioner|operator|daily use|hands[\s-]?on|\blow\b|\bnone\b/, 'user'],
  [/\bmedium\b|\bmoderate\b|\bpartial\b/, 'influencer'],
];

/** Decision power from "Decision Maker", "Final say on budget", "champion", "Procurement gatekeeper". */
export function coerceDecisionPower(raw: unknown): Coerced<DecisionPower> {
  if (typeof raw !== 'string') return NOTHING;
  const text = raw.toLowerCase().trim();
  const dashed = text.replace(/[\s_]+/g, '-');
  if ((DECISION_POWERS as readonly string[]).includes(dashed)) return { value: dashed as DecisionPower, how: dashed === raw ? undefined : `read "${raw}" as ${dashed}` };
  for (const [pattern, value] of POWER_RULES) if (pattern.test(text)) return { value, how: `read "${raw}" as ${value}` };
  return { value: undefined, how: `dropped "${raw}": not a decision power` };
}
