/**
 * What the personas want and say, composed from two phrase banks: the product's domain (what such
 * a customer wants, fears and says about it) and the audience's life stage (what life at that
 * stage is like), with the person's household, work, place and origin. Within a set, no line,
 * quote or bio sentence is used twice while an unused one is left.
 */
import { GENERIC_DOMAIN, type Domain, type LifeStage } from '../../../world';
import type { BriefAnalysis } from '../../../world';
import type { TasteDataset } from '../../../world';
import type { SeededRandom } from '../../../world';
import { capitalize, fillTemplate, lowerFirst } from '../../../world';
import { ageMismatches } from '../../../world';
import { BioComposer } from './bio';
import type { Identity } from './people';

export interface Story {
  bio: string;
  quote: string;
  goals: string[];
  painPoints: string[];
  values: string[];
  interests: string[];
  channels: string[];
}

type Bank = Pick<Domain & LifeStage, 'goals' | 'painPoints' | 'quotes' | 'bioLines' | 'values' | 'interests' | 'channels'>;
type Field = keyof Bank;

export class StoryWriter {
  /** Lines already given to someone in this set, by field. */
  private readonly used = new Map<string, number>();
  private readonly properWords: ReadonlySet<string>;
  private written = 0;
  /** The domain whose lines all name the offer, for when the brief's own domain runs out of such lines. */
  private readonly generic: Domain | undefined;
  private readonly bios: BioComposer;

  constructor(
    private readonly rng: SeededRandom,
    private readonly data: TasteDataset,
    private readonly analysis: BriefAnalysis,
    /** Lines the set already holds (personas written again to join a run): counted as used. */
    avoidLines: readonly string[] = [],
  ) {
    this.properWords = new Set(data.countries.flatMap((c) => [c.name, ...c.aliases]).map((w) => w.toLowerCase()));
    this.generic = data.domains.find((d) => d.id === GENERIC_DOMAIN);
    this.bios = new BioComposer(rng, data.bioTemplates, analysis, (pool, field, k) => this.fresh(pool, field, k), (phrase) => this.asRunningText(phrase), (field, line) => this.used.get(`${field}:${line}`) ?? 0);
    if (avoidLines.length > 0) {
      this.markUsed(new Set(avoidLines.map((l) => l.toLowerCase())));
      this.bios.markUsed(avoidLines, analysis.stage, analysis.domains, analysis.newcomerStage, (field, line) => this.used.set(`${field}:${line}`, 1));
    }
  }

  /** Counts as used every template that reads as one of these lines once its product is filled in. */
  private markUsed(lines: ReadonlySet<string>): void {
    const banks: Bank[] = [...this.analysis.domains, this.analysis.stage, ...(this.analysis.newcomerStage ? [this.analysis.newcomerStage] : [])];
    for (const bank of banks) {
      for (const field of ['goals', 'painPoints', 'quotes'] as const) {
        for (const line of bank[field]) {
          if (lines.has(this.fill(line, { product: this.analysis.product }).toLowerCase())) this.used.set(`${field}:${line}`, 1);
        }
      }
    }
  }

  write(who: Identity): Story {
    const { analysis } = this;
    const stage = analysis.stage;
    // The leading domain most of the time; a second one the brief also names now and then.
    const domain = analysis.domains.length > 1 && this.rng.next() < 0.3 ? analysis.domains[1]! : analysis.domains[0]!;
    const vars = { product: analysis.product, city: who.place.city.name, country: who.place.country.name, first: who.first };
    // Goals, pain points and quotes agree with the identity (work, money, age, the brief's season and pet); the bio, written
    // after them, with the identity and itself.
    const facts = this.bios.identityFacts(who);
    const suits = (lines: readonly string[]) => {
      const fitting = lines.filter((line) => ageMismatches(line, who.age).length === 0 && this.bios.agreesWith(facts, line));
      return fitting.length > 0 ? fitting : lines;
    };
    const take = (bank: Bank, field: Field, k: number) => this.fresh(suits(bank[field]), field, k).map((line) => this.fill(line, vars));

    // Someone who came from elsewhere also lives a newcomer's life: one line of theirs is a newcomer's.
    const newcomer = analysis.newcomerStage;
    const lifeLine = (field: 'goals' | 'painPoints') => (newcomer && this.written % 2 === (field === 'goals' ? 0 : 1) ? take(newcomer, field, 1) : take(stage, field, 1));
    // Every persona names the offer itself at least once: a goal for half the set, a pain point for the other half.
    const aboutOffer = (field: 'goals' | 'painPoints') => {
      if (this.written % 2 !== (field === 'goals' ? 0 : 1)) return take(domain, field, 2);
      // The domain's lines that name the offer, while unused ones are left; then the generic ones, which all do.
      const naming = (bank: readonly string[]) => bank.filter((line) => line.includes('{product}') && !this.used.has(`${field}:${line}`));
      const pool = naming(domain[field]).length > 0 ? naming(domain[field]) : naming(this.generic?.[field] ?? []);
      if (pool.length === 0) return take(domain, field, 2);
      const named = this.fresh(pool, field, 1);
      const other = this.fresh(domain[field].filter((line) => !line.includes('{product}')), field, 1);
      return [...named, ...other].map((line) => this.fill(line, vars));
    };
    const goals = [...aboutOffer('goals'), ...lifeLine('goals')];
    const painPoints = [...aboutOffer('painPoints'), ...lifeLine('painPoints')];
    // Half the set speaks about the product, half about their life: quotes vary in kind as well as in words.
    const quote = take(this.written % 2 === 0 ? domain : stage, 'quotes', 1)[0] ?? take(domain, 'quotes', 1)[0]!;
    const values = dedupe([...take(domain, 'values', 1), ...take(stage, 'values', 1), ...take(this.rng.next() < 0.5 ? domain : stage, 'values', 1)]);
    const interests = dedupe([...take(stage, 'interests', 2), ...take(domain, 'interests', 1)]);
    const channels = dedupe([...take(domain, 'channels', 2), ...take(stage, 'channels', 1)]);
    // Who they are, their household, where they came from, their days at this stage of life and the product, all agreeing (bio.ts).
    const { bio } = this.bios.compose(who, stage, domain, vars, this.written % 2 === 1);
    this.written++;
    return { bio, quote, goals, painPoints, values, interests, channels };
  }

  /** Up to k lines of the pool that nobody in the set has yet; used ones only when the pool runs out. */
  private fresh(pool: readonly string[], field: string, k: number): string[] {
    const chosen: string[] = [];
    const candidates = [...pool];
    while (chosen.length < k && candidates.length > 0) {
      const least = Math.min(...candidates.map((line) => this.used.get(`${field}:${line}`) ?? 0));
      const open = candidates.filter((line) => (this.used.get(`${field}:${line}`) ?? 0) === least);
      const line = this.rng.pick(open);
      chosen.push(line);
      candidates.splice(candidates.indexOf(line), 1);
      this.used.set(`${field}:${line}`, least + 1);
    }
    return chosen;
  }

  private fill(line: string, vars: Readonly<Record<string, string>>): string {
    return capitalize(fillTemplate(line, vars).trim());
  }

  /** A title or list item as it reads inside a sentence: "Head of Procurement" → "head of procurement". */
  private asRunningText(phrase: string): string {
    const words = phrase.split(' ');
    const titleCase = words.filter((w) => w.length > 3).every((w) => /^\p{Lu}/u.test(w));
    return words
      .map((word, i) => {
        if (/^\p{Lu}{2}/u.test(word) || this.properWords.has(word.toLowerCase().replace(/[^\p{L}]/gu, ''))) return word;
        return i === 0 || titleCase ? lowerFirst(word) : word;
      })
      .join(' ');
  }
}

function dedupe(items: readonly string[]): string[] {
  return [...new Set(items)];
}
