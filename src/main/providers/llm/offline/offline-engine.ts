/**
 * The built-in offline engine: personas from the bundled dataset, no network, the same output
 * for the same seed. It is a provider like any LLM and the fallback when one is down.
 */
import type { Persona } from '../../../../shared/persona';
import type { BriefAnalysis, TasteDataset } from '../../../world';
import { GENERIC_DOMAIN, SeededRandom } from '../../../world';
import type { LlmProvider, PersonaRequest, ProviderContext, ProviderOutput } from '../../types';
import { businessBanks, fitBuyers, type BuyerFit } from './b2b-fit';
import { CulturePicker } from './culture-picks';
import { drawIdentities, type Identity } from './people';
import { fitProduct, type ProductFit } from './product-fit';
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
      // Raised when the same request is written differently, so that runs cached before are not served for it (2: lines fitted to the product).
      writer: 2,
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
    const buyers = request.level === 'b2b' ? fitBuyers(data, request.analysis) : null;
    const people = drawIdentities(rng, buyers?.data ?? data, buyers?.analysis ?? request.analysis, request.level, request.count);
    const fit = this.fitted(data, request.analysis, request.level === 'b2b');
    const writer = new StoryWriter(rng, fit.data, fit.analysis, request.avoidLines);
    const culture = new CulturePicker(rng, request.culture);
    const personas: Persona[] = [];
    for (const who of people) {
      context.signal.throwIfAborted();
      personas.push(this.persona(rng, request, who, writer, culture, fit, buyers));
      context.onPersona?.(personas.length, people.length);
      // Let the event loop breathe between personas so progress is delivered and cancel is heard.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    context.signal.throwIfAborted();
    return { format: 'objects', personas };
  }

  /** The phrase banks the writer draws from, fitted to the product; a business buyer's in place of a consumer's. */
  private fitted(data: TasteDataset, analysis: BriefAnalysis, b2b: boolean): ProductFit {
    const generic = data.domains.find((d) => d.id === GENERIC_DOMAIN)!;
    if (!b2b) return fitProduct(data, analysis, analysis.domains, generic);
    const banks = businessBanks(data, analysis);
    const business = { ...data, domains: data.domains.map((d) => (d.id === GENERIC_DOMAIN ? banks.generic : d)) };
    return fitProduct(business, { ...analysis, stage: banks.stage, newcomerStage: null }, banks.domains, banks.generic);
  }

  private persona(rng: SeededRandom, request: PersonaRequest, who: Identity, writer: StoryWriter, culture: CulturePicker, fit: ProductFit, buyers: BuyerFit | null): Persona {
    const written = writer.write(who);
    // The product named in full once across goals, pain points and quote, then by its short name.
    const polished = fit.polish([...written.goals, ...written.painPoints, written.quote]);
    const story = { ...written, goals: polished.slice(0, written.goals.length), painPoints: polished.slice(written.goals.length, -1), quote: polished.at(-1)! };
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
    const { buyingCriteria, objections } = buyers?.criteria(fn) ?? fn;
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
        buyingCriteria: sampleDistinct(rng, buyingCriteria.map((item) => ({ item, weight: 1 })), 3),
        objections: sampleDistinct(rng, objections.map((item) => ({ item, weight: 1 })), 2),
      },
      meta: { source: this.id },
    };
  }
}
