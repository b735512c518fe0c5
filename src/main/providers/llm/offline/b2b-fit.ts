/**
 * Business buyers fitted to the brief: roles their industry has (no plant manager at a hospital,
 * no customs officer where nothing crosses a border, no works council outside the countries that
 * have them), buying criteria under their own region's rules (EU hosting only for European
 * buyers, HIPAA for American health care), and work lines instead of consumer ones.
 */
import type { B2bFunction, BriefAnalysis, Domain, LifeStage, TasteDataset } from '../../../world';
import { containsWordPrefix, GENERIC_DOMAIN } from '../../../world';

/** The domain whose lines any business buyer could say, for briefs that match no business domain. */
export const BUSINESS_DOMAIN = 'business-generic';

const EUROPE = new Set([
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE',
  'IS', 'LI', 'NO', 'GB', 'CH',
]);
/** Countries where a works council has a say in new tools. */
const WORKS_COUNCILS = new Set(['DE', 'AT', 'NL', 'LU', 'BE', 'FR', 'SE', 'DK']);
const EU_RULES = /\bEU\b|GDPR|European|outside the EU/i;
const CROSS_BORDER_WORDS = ['customs', 'import', 'export', 'cross border', 'international shipping', 'freight forward', 'zoll', 'douane', 'aduana'];
const INDUSTRIAL = new Set(['manufacturing', 'energy', 'construction', 'agriculture', 'logistics']);
const SHOP_FLOOR_ROLE = /plant manager|production|machine operator|shift supervisor|maintenance manager|works council/i;
const SHOP_FLOOR_LINE = /\bOEE\b|machines|PLCs|shop floor|gloves on|Production cannot stop/i;
const HEALTH = new Set(['healthcare', 'healthcare-software', 'telehealth', 'pharmacy', 'health-insurance']);

/** Who buys what a business domain sells, when the brief names no function. */
const DOMAIN_FUNCTIONS: Readonly<Record<string, readonly string[]>> = {
  'saas-productivity': ['it', 'executive', 'operations'],
  cybersecurity: ['it', 'quality-compliance', 'executive'],
  'it-infrastructure': ['it', 'executive', 'finance'],
  'hr-software': ['hr', 'finance', 'executive'],
  logistics: ['supply-chain', 'operations', 'executive', 'finance'],
  procurement: ['procurement', 'finance', 'executive'],
  manufacturing: ['operations', 'executive', 'procurement'],
  'b2b-marketing': ['marketing', 'sales', 'executive'],
  'healthcare-software': ['it', 'executive', 'operations', 'quality-compliance'],
  'accounting-fintech': ['finance', 'executive'],
  construction: ['operations', 'procurement', 'executive'],
  'hospitality-software': ['operations', 'executive', 'sales'],
  'compliance-esg': ['quality-compliance', 'executive'],
  'business-insurance': ['finance', 'executive', 'quality-compliance'],
};
const ANY_BUSINESS = ['executive', 'operations', 'finance', 'procurement', 'it'];

export interface BuyerFit {
  data: TasteDataset;
  analysis: BriefAnalysis;
  /** The criteria and objections a buyer of this function weighs, in the brief's region. */
  criteria(fn: B2bFunction): { buyingCriteria: string[]; objections: string[] };
}

export function fitBuyers(data: TasteDataset, analysis: BriefAnalysis): BuyerFit {
  const countries = analysis.place.countries.map((c) => c.code);
  const european = countries.length > 0 && countries.every((c) => EUROPE.has(c));
  const worksCouncil = countries.some((c) => WORKS_COUNCILS.has(c));
  const crossBorder = CROSS_BORDER_WORDS.some((w) => containsWordPrefix(analysis.text, w));
  const industries = new Set([...analysis.industries.map((i) => i.id), ...analysis.domains.map((d) => d.id)]);
  // Shop-floor roles belong to industries with a shop floor, whatever function the brief's words suggest.
  const shopFloor = [...industries].some((i) => INDUSTRIAL.has(i));

  const fitsRole = (title: string) =>
    (crossBorder || !/customs/i.test(title)) && (worksCouncil || !/works council/i.test(title)) && (shopFloor || !SHOP_FLOOR_ROLE.test(title));
  const fitted = new Map(
    data.b2bFunctions.map((fn) => [fn.id, { ...fn, roles: fn.roles.filter((r) => fitsRole(r.title)) }] as const).filter(([, fn]) => fn.roles.length > 0),
  );
  const functionsFor = (ids: readonly string[]) => ids.flatMap((id) => fitted.get(id) ?? []);
  const named = functionsFor(analysis.b2bFunctions.map((f) => f.id));
  const byDomain = functionsFor([...new Set(analysis.domains.flatMap((d) => DOMAIN_FUNCTIONS[d.id] ?? []))]);
  const b2bFunctions = named.length > 0 ? named : byDomain.length > 0 ? byDomain : functionsFor(ANY_BUSINESS);

  const fitsRegion = (line: string) =>
    (european || !EU_RULES.test(line)) && (worksCouncil || !/works council/i.test(line)) && (crossBorder || !/customs/i.test(line)) && (shopFloor || !SHOP_FLOOR_LINE.test(line));
  const regional = regionalCriteria(analysis, european, industries);
  return {
    data: { ...data, b2bFunctions: [...fitted.values()] },
    analysis: { ...analysis, b2bFunctions },
    criteria: (fn) => ({
      buyingCriteria: [...fn.buyingCriteria.filter(fitsRegion), ...regional],
      objections: fn.objections.filter(fitsRegion),
    }),
  };
}

/** What a buyer outside Europe asks instead of EU hosting: their own country's hosting and rules. */
function regionalCriteria(analysis: BriefAnalysis, european: boolean, industries: ReadonlySet<string>): string[] {
  if (european) return [];
  const countries = analysis.place.countries;
  const health = [...industries].some((i) => HEALTH.has(i));
  if (countries.length === 1 && countries[0]!.code === 'US') return health ? ['HIPAA compliance with a signed business associate agreement'] : ['SOC 2 Type II report'];
  if (countries.length === 1) return [`Data hosted in ${countries[0]!.name} or a nearby region`];
  return [];
}

/**
 * A buyer speaks about work: the leading business domains (else the general business one) for
 * what they want from the product, and the business bank in place of the life stage's consumer lines.
 */
export function businessBanks(data: TasteDataset, analysis: BriefAnalysis): { domains: Domain[]; stage: LifeStage; generic: Domain } {
  const business = data.domains.find((d) => d.id === BUSINESS_DOMAIN);
  if (!business) return { domains: analysis.domains, stage: analysis.stage, generic: data.domains.find((d) => d.id === GENERIC_DOMAIN)! };
  const own = analysis.domains.filter((d) => d.b2b && d.id !== BUSINESS_DOMAIN);
  const plain = (lines: readonly string[]) => lines.filter((l) => !l.includes('{product}'));
  const stage: LifeStage = { ...analysis.stage, goals: plain(business.goals), painPoints: plain(business.painPoints), quotes: business.quotes };
  return { domains: own.length > 0 ? own : [business], stage, generic: { ...business, id: GENERIC_DOMAIN } };
}
