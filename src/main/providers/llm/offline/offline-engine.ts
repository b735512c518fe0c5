/**
 * The built-in offline engine: personas from the bundled dataset, no network, the same output
 * for the same seed. It is a provider like any LLM and the fallback when one is down.
 */
import type { Persona } from '../../../../shared/persona';
import type { TasteDataset } from '../../../world';
import { SeededRandom } from '../../../world';
import type { LlmProvider, PersonaRequest, ProviderContext, ProviderOutput } from '../../types';
import { CulturePicker } from './culture-picks';
import { drawIdentities, type Identity } from './people';
import { sampleDistinct } from './sampling';
import { StoryWriter } from './story';

export const OFFLINE_PROVIDER_ID = 'offline';

export class OfflineEngine implements LlmProvider {
  readonly id = OFFLINE_PROVIDER_ID;
  readonly label = 'Built-in offline engine';
  readonly kind = 'embedded' as const;

  constructor(private readonly dataset: () => TasteDataset) {}

  /** What generate reads: the seed, the level and count, and these parts of the analysis (and the cultural constraints, which the pipeline keys by their source). */
  cacheParams({ seed, level, count, analysis }: Omit<PersonaRequest, 'culture'>): Record<string, unknown> {
    return {
      seed,
      level,
      count,
      product: analysis.product,
      themes: analysis.themes.map((theme, i) => [theme.id, analysis.themeWeights[i]]),
      domains: analysis.domains.map((d) => d.id),
      stage: analysis.stage.id,
      origin: analysis.origin?.code ?? null,
      ageRange: analysis.ageRange,
      gender: analysis.gender,
      place: {
        kind: analysis.place.kind,
        countries: analysis.place.countries.map((c) => c.code),
        cities: analysis.place.cities.map((c) => [c.city.name, c.country.code, Math.round(c.weight * 1e6) / 1e6]),
      },
      industries: analysis.industries.map((i) => i.id),
      b2bFunctions: analysis.b2bFunctions.map((f) => f.id),
      companySizes: analysis.companySizes,
    };
  }

  async generate(request: PersonaRequest, context: ProviderContext): Promise<ProviderOutput> {
    const data = this.dataset();
    const rng = new SeededRandom(request.seed);
    const people = drawIdentities(rng, data, request.analysis, request.level, request.count);
    const writer = new StoryWriter(rng, data, request.analysis, request.avoidLines);
    const culture = new CulturePicker(rng, request.culture);
    const personas: Persona[] = [];
    for (const who of people) {
      context.signal.throwIfAborted();
      personas.push(this.persona(rng, request, who, writer, culture));
      context.onPersona?.(personas.length, people.length);
      // Let the event loop breathe between personas so progress is delivered and cancel is heard.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    context.signal.throwIfAborted();
    return { format: 'objects', personas };
  }

  private persona(rng: SeededRandom, request: PersonaRequest, who: Identity, writer: StoryWriter, culture: CulturePicker): Persona {
    const story = writer.write(who);
    const base = {
      name: who.name,
      age: who.age,
      gender: who.gender,
      location: { city: who.place.city.name, region: who.place.city.region, country: who.place.country.name },
      occupation: who.occupation,
      incomeBracket: who.income,
      ...(who.education ? { education: who.education } : {}),
      bio: story.bio,
      goals: story.goals,
      painPoints: story.painPoints,
      interests: story.interests,
    };
    if (request.level === 'simple') return { ...base, meta: { source: this.id } };
    const standard = {
      ...base,
      quote: story.quote,
      values: story.values,
      channels: story.channels,
      culturalProfile: culture.profileFor(who),
    };
    if (request.level !== 'b2b' || !who.b2b) return { ...standard, meta: { source: this.id } };
    const { fn } = who.b2b;
    const working = this.dataset().industries.filter((i) => !/student|retire/.test(i.id));
    const named = request.analysis.industries.filter((i) => working.includes(i));
    const industry = rng.pick(named.length > 0 ? named : working).label;
    return {
      ...standard,
      b2b: {
        role: who.b2b.role,
        industry,
        companySize: rng.pick(request.analysis.companySizes),
        decisionPower: who.b2b.decisionPower,
        buyingCriteria: sampleDistinct(rng, fn.buyingCriteria.map((item) => ({ item, weight: 1 })), 3),
        objections: sampleDistinct(rng, fn.objections.map((item) => ({ item, weight: 1 })), 2),
      },
      meta: { source: this.id },
    };
  }
}
