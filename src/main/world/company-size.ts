/**
 * The company sizes (by headcount) a B2B brief's buyers work at: a headcount it gives, else a count
 * of trucks, beds or stores turned into a rough headcount, else words like "small" or "mid-size"
 * next to the kind of organisation, scaled for organisations that employ many people per unit
 * (a mid-size hospital has more staff than a mid-size law firm).
 */
import { COMPANY_SIZES, type CompanySize } from '../../shared/persona';
import { containsWordPrefix } from './text';

const ALL: CompanySize[] = ['11-50', '51-200', '201-1000', '1000+'];
const BOUNDS: Record<CompanySize, [number, number]> = { '1-10': [1, 10], '11-50': [11, 50], '51-200': [51, 200], '201-1000': [201, 1000], '1000+': [1001, Infinity] };

/** Rough staff per unit counted: a truck needs a driver and some office, a store a team. */
const UNITS: ReadonlyArray<readonly [RegExp, number]> = [
  [/^(trucks?|lorr(y|ies)|vans?|vehicles?|buses|taxis?|drivers?)$/, 1.2],
  [/^beds?$/, 3],
  [/^(stores?|shops?|branch(es)?|locations?|outlets?|restaurants?|pharmacies|gyms?)$/, 15],
  [/^(clinics?|practices?|offices?)$/, 10],
  [/^(sites?|plants?|factories|warehouses?)$/, 60],
];
const HEADCOUNT = /^(employees|people|staff|workers|fte|salariés|mitarbeiter(innen)?|empleados|funcionários)$/;

/** Words for a size, with the sizes they mean for an ordinary company and for one with many staff per unit. */
const SIZE_WORDS: ReadonlyArray<readonly [RegExp, readonly CompanySize[], readonly CompanySize[]]> = [
  [/^(freelanc\w*|solo|self employed|sole traders?|one person)$/, ['1-10'], ['1-10']],
  [/^(small|smaller|tiny|micro|kleine?[nrs]?|petite?s?|pequen[oa]s?|piccol[ei]|startups?|start ups|smbs?|smes?|tpe|pme|kmu|family run|independent)$/, ['1-10', '11-50'], ['51-200']],
  [/^(mid size|midsize|mid sized|medium sized|medium|mid market|mittelstand\w*|mittelständ\w*|mittlere[nrs]?|eti|moyennes?|medianas?)$/, ['51-200', '201-1000'], ['201-1000']],
  [/^(large|larger|big|major|enterprise|multinational|global|große?[nrs]?|grandes?|national)$/, ['201-1000', '1000+'], ['1000+']],
];
/** Organisations with many staff per unit: the same word means one size up. */
const BIG_UNITS = ['hospital', 'health system', 'universit', 'airline', 'insurer', 'utilit', 'carmaker', 'automaker', 'krankenh', 'klinik', 'hôpita', 'hospitales'];

function spanned(lo: number, hi: number): CompanySize[] {
  // A bucket counts when most of it lies in the range, or the range lies within it.
  return COMPANY_SIZES.filter((size) => {
    const [a, b] = BOUNDS[size];
    const overlap = Math.min(b, hi) - Math.max(a, lo);
    return overlap >= 0 && (overlap >= (Math.min(b, 5000) - a) / 2 || (lo >= a && hi <= b));
  });
}

/** "(250-5000 employees)", "10-50 trucks", "with 30 to 80 beds". */
function fromCounts(text: string): CompanySize[] | null {
  const counts = /(\d[\d,.]*)\s*(?:-|–|to|bis|à|a)\s*(\d[\d,.]*)\s*\+?\s*([\p{L}]+)/giu;
  for (const m of text.matchAll(counts)) {
    const [lo, hi] = [Number(m[1]!.replace(/[,.]/g, '')), Number(m[2]!.replace(/[,.]/g, ''))];
    const unit = m[3]!.toLowerCase();
    const perUnit = HEADCOUNT.test(unit) ? 1 : UNITS.find(([re]) => re.test(unit))?.[1];
    if (perUnit === undefined) continue;
    const sizes = spanned(Math.round(lo * perUnit), Math.round(hi * perUnit));
    if (sizes.length > 0) return sizes;
  }
  return null;
}

/** The sizes the brief's words give ("small", "mid-size"), read for the kind of organisation. */
function fromWords(normalized: string): CompanySize[] | null {
  const words = normalized.trim().split(' ');
  const pairs = words.flatMap((w, i) => [w, `${w} ${words[i + 1] ?? ''}`.trim()]);
  const big = BIG_UNITS.some((w) => containsWordPrefix(normalized, w));
  const sizes = SIZE_WORDS.filter(([re]) => pairs.some((p) => re.test(p))).flatMap(([, usual, many]) => (big ? many : usual));
  return sizes.length > 0 ? COMPANY_SIZES.filter((s) => sizes.includes(s)) : null;
}

export function companySizesOf(rawText: string, normalized: string): CompanySize[] {
  return fromCounts(rawText) ?? fromWords(normalized) ?? ALL;
}
