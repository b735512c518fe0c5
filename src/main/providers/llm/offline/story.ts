/**
 * What the personas want and say: goals, pain points, values, interests, channels, a quote and a
 * bio, drawn from the phrase banks of the brief's themes (plus one personal side interest each),
 * with placeholders filled and repeats across the set kept down.
 */
import type { BriefAnalysis } from '../../../generation/brief-analysis';
import type { TasteDataset, Theme } from '../../../generation/dataset';
import type { SeededRandom } from '../../../generation/random';
import { capitalize, fillTemplate, indefiniteArticle, lowerFirst } from '../../../generation/text';
import type { Identity } from './people';
import { UsageTracker, sampleSpread, type Weighted } from './sampling';

export interface Story {
  bio: string;
  quote: string;
  goals: string[];
  painPoints: string[];
  values: string[];
  interests: string[];
  channels: string[];
}

type ListField = 'goals' | 'painPoints' | 'values' | 'interests' | 'channels' | 'quotes';

export class StoryWriter {
  private readonly usage = new UsageTracker();
  private readonly properWords: ReadonlySet<string>;

  constructor(
    private readonly rng: SeededRandom,
    private readonly data: TasteDataset,
    private readonly analysis: BriefAnalysis,
  ) {
    this.properWords = new Set(data.countries.flatMap((c) => [c.name, ...c.aliases]).map((w) => w.toLowerCase()));
  }

  write(who: Identity): Story {
    const { rng, analysis } = this;
    const primary = analysis.themes[Math.max(0, rng.weightedIndex(analysis.themeWeights))]!;
    const side = this.sideTheme();
    const vars = { product: analysis.product, city: who.place.city.name, country: who.place.country.name };
    // The brief's themes lead; the main theme of this persona counts double.
    const briefPool = (field: ListField, themes: readonly Theme[] = analysis.themes): Weighted<string>[] =>
      themes.flatMap((theme, i) =>
        theme[field].map((item) => ({ item: fillTemplate(item, vars), weight: (theme === primary ? 2 : 1) * (analysis.themeWeights[i] ?? 1) })),
      );
    const sidePool = (field: ListField) => side[field].map((item) => ({ item: fillTemplate(item, vars), weight: 1 }));

    const goals = this.pick(briefPool('goals'), 3);
    const painPoints = this.pick(briefPool('painPoints'), 3);
    const values = this.pick([...briefPool('values'), ...sidePool('values').map((v) => ({ ...v, weight: 0.3 }))], 3);
    const interests = [...this.pick(briefPool('interests'), 2), ...this.pick(sidePool('interests'), 1)];
    const channels = this.pick([...briefPool('channels'), ...sidePool('channels').map((c) => ({ ...c, weight: 0.4 }))], 3);
    const quote = this.pick(briefPool('quotes', [primary]), 1)[0] ?? this.pick(briefPool('quotes'), 1)[0]!;
    return { bio: this.bio(who, interests, painPoints), quote, goals, painPoints, values, interests, channels };
  }

  /** A consumer theme the brief did not name, so each persona has a life beyond the product. */
  private sideTheme(): Theme {
    const others = this.data.themes.filter((t) => !this.analysis.themes.includes(t) && !t.tags.includes('business'));
    if (others.length === 0) return this.data.genericTheme;
    return others[Math.max(0, this.rng.weightedIndex(others.map((t) => this.usage.weight(`side:${t.id}`))))]!;
  }

  private pick(pool: readonly Weighted<string>[], k: number): string[] {
    return sampleSpread(this.rng, this.usage, pool, k);
  }

  private bio(who: Identity, interests: readonly string[], painPoints: readonly string[]): string {
    const template = this.pick(
      this.data.bios.map((item) => ({ item, weight: 1 })),
      1,
    )[0]!;
    const household = this.pick(
      (this.data.lifeStages.get(who.lifeStage)?.households ?? ['lives nearby']).map((item) => ({ item, weight: 1 })),
      1,
    )[0]!;
    const occupation = this.asRunningText(who.occupation);
    const text = fillTemplate(template, {
      first: who.first,
      age: String(who.age),
      occupation: `${indefiniteArticle(occupation)} ${occupation}`,
      city: who.place.city.name,
      household,
      interest: this.asRunningText(interests[0] ?? 'time with friends'),
      painPoint: this.asRunningText(painPoints[0] ?? 'a lack of time'),
    });
    return capitalize(text);
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
