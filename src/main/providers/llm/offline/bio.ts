/**
 * A persona's bio, sentence by sentence, so that every sentence agrees with the identity and with
 * the sentences before it (facts.ts). Candidates are the life stage's and the domain's lines and
 * the templates of bios.json, whose slots (years, children's ages, the former job) are filled from
 * the identity; a sentence that would contradict what is already said is never chosen.
 */
import type { BriefAnalysis, Domain, LifeStage, SeededRandom } from '../../../world';
import { ageMismatches, capitalize, indefiniteArticle } from '../../../world';
import { agrees, identityFacts, type BioTemplates, merge, numberOf, numberWord, readFacts, type Facts } from './facts';
import type { Identity } from './people';

/** Picks up to k of the pool that are used least in the set, and counts them as used (StoryWriter.fresh). */
export type Fresh = (pool: readonly string[], field: string, k: number) => string[];

/** A slot whose filling differs from persona to persona (not the name, place or product). */
const VARYING_SLOT = /\{(?!first\}|product\}|city\}|country\}|origin\})\w+\}/u;

/** Stages a "general" audience or a buyer draws templates for besides its own lines. */
const GENERIC_STAGE = 'general';

export class BioComposer {
  private readonly templates: BioTemplates;

  constructor(
    private readonly rng: SeededRandom,
    templates: BioTemplates,
    private readonly analysis: BriefAnalysis,
    private readonly fresh: Fresh,
    private readonly runningText: (phrase: string) => string,
    private readonly usedCount: (field: string, template: string) => number,
  ) {
    this.templates = templates;
  }

  /** The bio and the facts it settled, which the persona's other lines must agree with too. */
  compose(who: Identity, stage: LifeStage, domain: Domain, vars: Readonly<Record<string, string>>, newcomerTurn: boolean): { bio: string; facts: Facts } {
    const state = { facts: identityFacts(who, this.analysis, this.templates) };
    const choose = (pool: readonly string[], field: string, shape: (s: string) => string = (s) => s, required = false): string => {
      // A line someone in the set already has is given again only when its slots make it read differently.
      const open = [...new Set(pool)].filter((template) => this.usedCount(field, template) === 0 || VARYING_SLOT.test(template));
      // Least used first, ties in the seed's order; the first that agrees with the facts so far is taken. Reading the
      // facts of every candidate first made the engine several times slower for the same choice.
      const byUse = new Map<number, string[]>();
      for (const template of open) {
        const uses = this.usedCount(field, template);
        byUse.set(uses, [...(byUse.get(uses) ?? []), template]);
      }
      const ordered = [...byUse.keys()].sort((a, b) => a - b).flatMap((uses) => this.rng.shuffle(byUse.get(uses)!));
      for (const template of ordered) {
        const text = shape(this.fill(template, who, vars, state.facts));
        if (ageMismatches(text, who.age).length > 0) continue;
        // The name says nothing about the facts: read with a stand-in, the same sentence is read once for everyone.
        const facts = readFacts(text.replaceAll(who.first, 'Sam'), this.templates.tags);
        if (!agrees(state.facts, facts)) continue;
        this.fresh([template], field, 1);
        state.facts = merge(state.facts, facts);
        return text;
      }
      // The identity sentence is never left out: should none agree, the first of the pool states the identity plainly.
      return required && pool[0] !== undefined ? shape(this.fill(pool[0], who, vars, state.facts)) : '';
    };
    const own = (list: readonly { text: string; stages: string[] }[]) =>
      list.filter((t) => t.stages.some((s) => s === 'any' ? !who.b2b : who.b2b ? s === 'b2b' : s === stage.id || s === who.work)).map((t) => t.text);

    // Where they came from and who they are come first: later lines must agree with both.
    const origin = this.analysis.origin ? choose(this.templates.origin, 'origin') : '';
    const identity = choose(this.templates[who.work], `identity-${who.work}`, undefined, true);
    const asFragment = (line: string) => `${who.first} ${line.replace(/^\p{Lu}/u, (c) => c.toLowerCase()).replace(/[.]?$/, '.')}`;
    // A buyer's household comes from the work-life templates only: the consumer pool is about other lives.
    const householdPool = [...(who.b2b ? [] : stage.households), ...own(this.templates.households)];
    const household = choose(householdPool, 'household', asFragment);
    const templateLines = own(this.templates.lines);
    const newcomer = this.analysis.newcomerStage;
    const lifeLines: string[] = [];
    if (who.b2b) {
      lifeLines.push(choose(templateLines, 'bioLines'), choose(templateLines, 'bioLines'));
    } else {
      // One line of the stage's own (or a newcomer's), one from the stage and the templates together. A general audience's
      // own lines are few and would recur in every run, so its first line is always a template.
      const first = newcomer && newcomerTurn ? newcomer.bioLines : stage.id === GENERIC_STAGE ? templateLines : stage.bioLines;
      lifeLines.push(choose(first, 'bioLines') || choose(templateLines, 'bioLines'), choose([...stage.bioLines, ...templateLines], 'bioLines'));
    }
    const about = choose(domain.bioLines, 'bioLines');
    return { bio: [identity, household, origin, ...lifeLines, about].filter(Boolean).join(' '), facts: state.facts };
  }

  identityFacts(who: Identity): Facts {
    return identityFacts(who, this.analysis, this.templates);
  }

  /** Whether a goal, pain point or quote agrees with what the bio settled. */
  agreesWith(facts: Facts, line: string): boolean {
    return agrees(facts, readFacts(line, this.templates.tags));
  }

  /** Counts as used every bio template that reads as a sentence of these lines (bios of the personas a rewrite joins). */
  markUsed(lines: readonly string[], stage: LifeStage, domains: readonly Domain[], newcomer: LifeStage | null, use: (field: string, template: string) => void): void {
    const sentences = lines.flatMap((line) => line.split(/(?<=[.!?])\s+/u));
    const pools: Array<[string, readonly string[], boolean]> = [
      ['household', [...stage.households, ...this.templates.households.map((t) => t.text)], true],
      ['bioLines', [...stage.bioLines, ...(newcomer?.bioLines ?? []), ...domains.flatMap((d) => d.bioLines), ...this.templates.lines.map((t) => t.text)], false],
    ];
    for (const [field, pool, fragment] of pools) {
      for (const template of pool) {
        const body = template.replace(/[.]$/u, '').replace(/[.*+?^$()|[\]\\]/gu, '\\$&').replace(/\{\w+\}/gu, '.+?');
        const pattern = new RegExp(`^${fragment ? '.+? ' : ''}${body}\\.?$`, 'iu');
        if (sentences.some((s) => pattern.test(s))) use(field, template);
      }
    }
  }

  /** A template with its slots filled: lists from bios.json, figures from the identity and from facts already said. */
  private fill(template: string, who: Identity, vars: Readonly<Record<string, string>>, facts: Facts): string {
    const { rng } = this;
    const span = (lo: number, hi: number) => rng.int(lo, Math.max(lo, hi));
    const years = (n: number) => (n === 1 ? 'a year' : `${numberWord(n)} years`);
    const known = (kind: string) => numberOf(facts.values.get(kind) ?? '');
    const picked = new Set<string>();
    const slot = (name: string): string => {
      switch (name) {
        case 'years':
          return years(span(2, Math.min(30, who.age - 20)));
        case 'partnerYears':
          return numberWord(known('partnerYears') ?? span(2, Math.min(50, who.age - 22)));
        case 'lossYears':
          return years(known('lossYears') ?? span(1, 12));
        case 'roleYears':
          return years(span(1, Math.min(25, who.age - 23)));
        case 'formerYears':
          return years(span(10, Math.min(45, who.age - 25)));
        case 'retiredYears':
          return years(span(1, Math.min(25, who.age - 58)));
        case 'kidAge':
          return numberWord(span(1, Math.min(17, who.age - 20)));
        case 'pet':
          // The pet the brief is about, when it names one.
          return facts.values.get('pet') === 'dog' || facts.values.get('pet') === 'cat' ? facts.values.get('pet')! : rng.pick(this.templates.slots.pet ?? ['cat']);
        case 'teamSize':
          return String(span(3, 40));
        case 'former':
          return this.withArticle(who.occupation.replace(/^retired\s+/iu, ''));
        case 'occupation':
          return this.withArticle(who.occupation);
        case 'role':
          return this.withArticle(who.b2b?.role ?? who.occupation);
        case 'origin':
          return this.analysis.origin?.name ?? '';
        case 'when':
          return rng.pick(this.templates.when);
        case 'year':
          return String(rng.int(2016, 2024));
        case 'age':
          return String(who.age);
        default: {
          if (vars[name] !== undefined) return vars[name]!;
          // A list slot; its second use in a template ("{pastime2}") takes another item.
          const list = this.templates.slots[name.replace(/\d$/, '')];
          if (!list) return `{${name}}`;
          const open = list.filter((item) => !picked.has(item));
          const item = rng.pick(open.length > 0 ? open : list);
          picked.add(item);
          return item;
        }
      }
    };
    const text = template.replace(/\{(\w+)\}/gu, (_, name: string) => slot(name)).replace(/\ba (?=(?:eight|eleven|8|11|18)-)/gu, 'an ');
    return capitalize(text.trim());
  }

  private withArticle(title: string): string {
    const running = this.runningText(title);
    return `${indefiniteArticle(running)} ${running}`;
  }
}
