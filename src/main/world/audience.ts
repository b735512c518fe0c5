/**
 * Who a brief is for and what it sells, as the offline engine writes them: the audience's life
 * stage (resources/dataset/life-stages.json: ages, work, households, what such a person says and
 * what would contradict them) and the product's domain (domains.json: what such a customer wants,
 * fears and says). Both are matched on the brief's words; the longest matching keyword wins.
 */
import { z } from 'zod';
import { INCOME_BRACKETS, type IncomeBracket } from '../../shared/persona';
import { containsWordPrefix, normalizedKeyword } from './text';

const line = z.string().min(1);
const lines = (min: number) => z.array(line).min(min);

const lifeStageSchema = z.object({
  id: z.string().min(1),
  label: z.string().min(1),
  describe: z.string().min(1),
  keywords: z.array(z.string().min(2)),
  ages: z.tuple([z.int().min(16), z.int().max(99)]),
  gender: z.enum(['female', 'male']).nullable(),
  work: z.enum(['working', 'student', 'retired', 'any']),
  occupations: z.array(line).optional(),
  income: z.array(z.enum(INCOME_BRACKETS)).min(1),
  households: lines(4),
  cues: lines(3),
  contradictions: lines(1),
  goals: lines(6),
  painPoints: lines(6),
  quotes: lines(4),
  bioLines: lines(4),
  values: lines(3),
  interests: lines(3),
  channels: lines(3),
});

/** A kind of product within a domain (pet food, pet insurance): its English name and the words that mark it. */
const kindSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  keywords: z.array(z.string().min(2)).min(1),
  /** English names for keywords narrower than the kind ("katzenfutter": "cat food"). */
  names: z.record(z.string(), z.string().min(1)).default({}),
});

const TAGGED_FIELDS = ['goals', 'painPoints', 'quotes', 'bioLines'] as const;
const KIND_TAG = /^\[([\w,-]+)\]\s*/;

const domainSchema = z
  .object({
    id: z.string().min(1),
    label: z.string().min(1),
    /** The offer in plain English ("bike insurance"): what personas call it when the brief is in another language. */
    product: z.string().min(1).optional(),
    b2b: z.boolean(),
    keywords: z.array(z.string().min(2)),
    kinds: z.array(kindSchema).default([]),
    cues: lines(4),
    tags: z.array(line).min(1),
    goals: lines(8),
    painPoints: lines(8),
    quotes: lines(5),
    bioLines: lines(4),
    values: lines(3),
    interests: lines(3),
    channels: lines(3),
  })
  .transform((domain, ctx) => {
    // A line tagged "[insurance] …" or "[car,motorbike] …" fits only those kinds of product; the tag is kept aside, not in the line.
    const lineKinds: Record<string, string[]> = {};
    const kindIds = new Set(domain.kinds.map((k) => k.id));
    const untag = (text: string) => {
      const tag = KIND_TAG.exec(text);
      if (!tag) return text;
      const bare = text.slice(tag[0].length);
      const ids = tag[1]!.split(',');
      for (const id of ids.filter((k) => !kindIds.has(k))) ctx.addIssue({ code: 'custom', message: `${domain.id}: line tagged with unknown kind "${id}": ${bare}` });
      lineKinds[bare] = ids;
      return bare;
    };
    const untagged = Object.fromEntries(TAGGED_FIELDS.map((field) => [field, domain[field].map(untag)])) as Pick<typeof domain, (typeof TAGGED_FIELDS)[number]>;
    return { ...domain, ...untagged, lineKinds };
  });

export const lifeStagesFileSchema = z.object({ version: z.literal(1), lifeStages: z.array(lifeStageSchema).min(12) });
export const domainsFileSchema = z.object({ version: z.literal(1), domains: z.array(domainSchema).min(12) });

export type LifeStage = z.infer<typeof lifeStageSchema>;
export type Domain = z.infer<typeof domainSchema>;

/** The life stage used when a brief names no audience. */
export const GENERAL_STAGE = 'general';
/** The domain used when nothing in the brief matches one. */
export const GENERIC_DOMAIN = 'generic';

interface Match<T> {
  item: T;
  /** Length of the longest keyword matched. */
  length: number;
  /** Where it stands in the brief. */
  at: number;
  hits: number;
}

function matches<T extends { keywords: readonly string[] }>(text: string, items: readonly T[]): Match<T>[] {
  const found: Match<T>[] = [];
  for (const item of items) {
    let best: Match<T> | null = null;
    for (const keyword of item.keywords) {
      if (!containsWordPrefix(text, keyword)) continue;
      const key = normalizedKeyword(keyword).trim();
      const at = text.indexOf(` ${key}`);
      if (!best) best = { item, length: key.length, at, hits: 1 };
      else {
        best.hits++;
        if (key.length > best.length) Object.assign(best, { length: key.length, at });
      }
    }
    if (best) found.push(best);
  }
  return found;
}

/** The audience's life stage: the longest keyword match ("first-time parents" over "parents"), earliest on a tie. */
export function lifeStageOf(normalizedText: string, stages: readonly LifeStage[]): LifeStage | null {
  const found = matches(normalizedText, stages.filter((s) => s.id !== GENERAL_STAGE));
  found.sort((a, b) => b.length - a.length || a.at - b.at);
  return found[0]?.item ?? null;
}

/**
 * The product's domains, most strongly matched first (at most two); B2B briefs look at business
 * domains first. The words naming the product decide when they match any domain: "scooter rental
 * for factory workers" is about scooters, and the factory only says who rides them.
 */
export function domainsOf(normalizedText: string, domains: readonly Domain[], b2b: boolean, normalizedProduct = ''): Domain[] {
  const candidates = domains.filter((d) => d.id !== GENERIC_DOMAIN);
  const inProduct = normalizedProduct.trim() ? matches(normalizedProduct, candidates) : [];
  const found = inProduct.length > 0 ? inProduct : matches(normalizedText, candidates);
  found.sort((a, b) => Number(b.item.b2b === b2b) - Number(a.item.b2b === b2b) || b.hits * b.length - a.hits * a.length || a.at - b.at);
  const [first, ...rest] = found;
  if (!first) return [];
  // A second domain counts only for other words: "fahrrad" inside "fahrradversicherung" is the insurance's, not transport's.
  const second = rest.find((m) => m.at < first.at || m.at >= first.at + first.length);
  return [first, ...(second ? [second] : [])].map((m) => m.item);
}

/** The kinds of product within a domain that the product's words name ("dry dog food": food). */
export function kindsOf(domain: Domain, normalizedProduct: string): Domain['kinds'] {
  return domain.kinds.filter((kind) => kind.keywords.some((k) => containsWordPrefix(normalizedProduct, k)));
}

/** The nearest allowed income bracket to the one an occupation pays. */
export function incomeWithin(income: IncomeBracket, allowed: readonly IncomeBracket[]): IncomeBracket {
  if (allowed.includes(income)) return income;
  const rank = (b: IncomeBracket) => INCOME_BRACKETS.indexOf(b);
  return [...allowed].sort((a, b) => Math.abs(rank(a) - rank(income)) - Math.abs(rank(b) - rank(income)))[0]!;
}
