/**
 * The phrase banks fitted to the brief's product before the story writer draws from them: only
 * lines for the kind of product the brief sells (dog food, not pet insurance), and the product
 * written into each line in the form its slot needs ("Find a scooter rental that …", "Online
 * classes that assume …", "Compare lawn care subscription options").
 */
import { GENERIC_DOMAIN, kindsOf, normalizeForMatch } from '../../../world';
import { definite, indefinite, nounPhrase, pluralVerb, shortName, type NounPhrase } from '../../../world';
import type { BriefAnalysis, Domain, TasteDataset } from '../../../world';
import { capitalize } from '../../../world';

const SLOT = '{product}';
/** Below this many lines a field is topped up from the generic domain, whose lines all suit any product. */
const MIN_LINES = 5;
/** Words before the slot after which the product is something one looks for: "find a …", "try a …". */
const INDEFINITE_AFTER = new Set(['', 'find', 'pick', 'choose', 'get', 'try', 'have', 'need', 'want', 'buy', 'compare']);
/** Words after the slot that are not verbs though they end in s. */
const NOT_VERBS = new Set(['across', 'as', 'always', 'perhaps', 'less', 'unless', 'plus', 'thus', 'series', 'its', 'his', 'this', 'towards', 'afterwards']);

export interface ProductFit {
  /** How the writer sees the product: each line already carries it, so the slot itself is filled with nothing. */
  analysis: BriefAnalysis;
  data: TasteDataset;
  /** A persona's lines with the product named in full once, then by its short name. */
  polish(lines: readonly string[]): string[];
}

export function fitProduct(data: TasteDataset, analysis: BriefAnalysis, domains: readonly Domain[], generic: Domain): ProductFit {
  const np = nounPhrase(analysis.product);
  const product = normalizeForMatch(analysis.product);
  const fit = (domain: Domain) => render(topUp(forKinds(domain, product), generic), np);
  const fittedGeneric = render(generic, np);
  return {
    // The slot stays in every line that names the product, so the writer still knows which do; it is filled with nothing.
    analysis: {
      ...analysis,
      product: '',
      domains: domains.map(fit),
      stage: render(analysis.stage, np),
      newcomerStage: analysis.newcomerStage && render(analysis.newcomerStage, np),
    },
    data: { ...data, domains: data.domains.map((d) => (d.id === GENERIC_DOMAIN ? fittedGeneric : d)) },
    polish: (lines) => fewerRepeats(lines, np),
  };
}

/** The domain's lines for the kinds of product the brief names, and those for any kind. */
function forKinds(domain: Domain, product: string): Domain {
  if (domain.kinds.length === 0) return domain;
  const kinds = new Set(kindsOf(domain, product).map((k) => k.id));
  const fits = (line: string) => {
    const tags = domain.lineKinds[line] ?? [];
    return tags.length === 0 || tags.some((k) => kinds.has(k));
  };
  const keep = (lines: readonly string[]) => lines.filter(fits);
  return { ...domain, goals: keep(domain.goals), painPoints: keep(domain.painPoints), quotes: keep(domain.quotes), bioLines: keep(domain.bioLines) };
}

function topUp(domain: Domain, generic: Domain): Domain {
  const more = (mine: readonly string[], theirs: readonly string[]) => (mine.length >= MIN_LINES ? [...mine] : [...mine, ...theirs.slice(0, MIN_LINES * 2)]);
  return { ...domain, goals: more(domain.goals, generic.goals), painPoints: more(domain.painPoints, generic.painPoints), quotes: more(domain.quotes, generic.quotes) };
}

type Bank = Pick<Domain, 'goals' | 'painPoints' | 'quotes' | 'bioLines'>;

function render<T extends Bank>(bank: T, np: NounPhrase): T {
  const each = (lines: readonly string[]) => lines.map((line) => fillSlots(line, np));
  return { ...bank, goals: each(bank.goals), painPoints: each(bank.painPoints), quotes: each(bank.quotes), bioLines: each(bank.bioLines) };
}

/** Every product slot of a line in the form it needs there, followed by the empty slot that marks the line as naming the product. */
export function fillSlots(line: string, np: NounPhrase): string {
  if (!line.includes(SLOT)) return line;
  // Filled slots are marked with a character no template holds, so that a later pass cannot fill them again.
  const MARK = '\uE000';
  const options = np.plural || np.mass ? `options for ${np.core}${MARK}` : `${np.core}${MARK} options`;
  const withOptions = line.replace(/\{product\} options\b/g, options);
  const filled = withOptions.replace(/\{product\}(\s+)?([^\s\uE000]+)?(\s+)?([^\s\uE000]+)?/g, (...m: unknown[]) => {
    const [s1, next, s2, after, offset] = m.slice(1, 6) as [string | undefined, string | undefined, string | undefined, string | undefined, number];
    const before = withOptions.slice(0, offset).trim().split(/\s+/).at(-1)?.toLowerCase().replace(/[^\p{L}]/gu, '') ?? '';
    const named = INDEFINITE_AFTER.has(before) ? indefinite(np) : definite(np);
    let [w1, w2] = [next ?? '', after ?? ''];
    if (np.plural) {
      if (/^(that|which|who)$/i.test(w1)) w2 = agree(w2);
      else w1 = agree(w1);
    }
    return `${named}${MARK}${s1 ?? ''}${w1}${s2 ?? ''}${w2}`;
  });
  return filled.replaceAll(MARK, SLOT);
}

/** A verb made to agree with a plural product; any other word unchanged. */
function agree(word: string): string {
  const bare = word.toLowerCase().replace(/[^\p{L}']/gu, '');
  if (bare === "that's" || bare === "it's") return pluralVerb(bare);
  if (NOT_VERBS.has(bare) || !/[^s]s$|^(is|has|does|was)$|n't$/.test(bare)) return word;
  return word.replace(/^[\p{L}']+/u, (w) => pluralVerb(w));
}

/** After the first line that names the product in full, later ones call it by its short name ("the subscription"). */
function fewerRepeats(lines: readonly string[], np: NounPhrase): string[] {
  if (!/\s/.test(np.core)) return [...lines];
  const full = new RegExp(`\\b(?:(?:a|an|the)\\s+)?${np.core.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'gi');
  let named = false;
  return lines.map((line) => {
    let seen = 0;
    const out = line.replace(full, (m, offset: number) => {
      if (!named && seen === 0) {
        seen++;
        return m;
      }
      seen++;
      return offset === 0 ? capitalize(shortName(np)) : shortName(np);
    });
    if (seen > 0) named = true;
    return out;
  });
}
