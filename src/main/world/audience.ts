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

const domainSchema = z.object({
  id: z.string().min(1),
  label: z.string().min(1),
  b2b: z.boolean(),
  keywords: z.array(z.string().min(2)),
  cues: lines(4),
  tags: z.array(line).min(1),
  goals: lines(8),
  painPoints: lines(8),
  quotes: lines(5),
  bioLines: lines(4),
  values: lines(3),
  interests: lines(3),
  channels: lines(3),
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

/** The product's domains, most strongly matched first (at most two); B2B briefs look at business domains first. */
export function domainsOf(normalizedText: string, domains: readonly Domain[], b2b: boolean): Domain[] {
  const found = matches(normalizedText, domains.filter((d) => d.id !== GENERIC_DOMAIN));
  found.sort((a, b) => Number(b.item.b2b === b2b) - Number(a.item.b2b === b2b) || b.hits * b.length - a.hits * a.length || a.at - b.at);
  return found.slice(0, 2).map((m) => m.item);
}

/** The nearest allowed income bracket to the one an occupation pays. */
export function incomeWithin(income: IncomeBracket, allowed: readonly IncomeBracket[]): IncomeBracket {
  if (allowed.includes(income)) return income;
  const rank = (b: IncomeBracket) => INCOME_BRACKETS.indexOf(b);
  return [...allowed].sort((a, b) => Math.abs(rank(a) - rank(income)) - Math.abs(rank(b) - rank(income)))[0]!;
}
