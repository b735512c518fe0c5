/**
 * A place as a model writes it, split into city, region and country: "Lyon, France", "Austin, TX,
 * USA", "Osaka (Japan)". Models also add districts and suburbs ("Lyon, 2nd arrondissement",
 * "Écully (suburb of Lyon)", "Lyon's Confluence district"): those parts say where in the city, and
 * taken as the country they made "2nd arrondissement" a country. They are dropped here; a second
 * part that is itself a city ("Croix-Rousse, Lyon") is told apart where the dataset is known
 * (build-persona's countryOfCity).
 */
import { coerceText } from './coerce-values';

/** A part naming a district, a suburb or an area of a city, not a country or region. */
const DISTRICT = /\b(?:arrondissements?|districts?|suburbs?|quartiers?|neighbou?rhoods?|boroughs?|area|outskirts|near|outside|centre|center|downtown|old town|banlieue|\d{1,2}(?:st|nd|rd|th|e|er|ème|eme)\b)/iu;
/** "Lyon suburbs", "Central Lyon", "Greater Lyon": the city with a word about which part of it. */
const AREA_AFTER = /\s+(?:suburbs?|area|outskirts|metro(?:politan)?(?: area)?|city cent(?:re|er)|downtown|region|banlieue|centre|center)$/iu;
const AREA_BEFORE = /^(?:central|greater|downtown|inner|suburban)\s+(?=\p{Lu})/iu;

/** Country names in their own (or a neighbour's) language, as the English names the dataset uses. */
const EXONYMS: Readonly<Record<string, string>> = {
  deutschland: 'Germany', allemagne: 'Germany', alemania: 'Germany', germania: 'Germany', frankreich: 'France', francia: 'France', espana: 'Spain', espagne: 'Spain', spanien: 'Spain',
  italia: 'Italy', italie: 'Italy', italien: 'Italy', osterreich: 'Austria', autriche: 'Austria', schweiz: 'Switzerland', suisse: 'Switzerland', svizzera: 'Switzerland',
  nederland: 'Netherlands', 'pays-bas': 'Netherlands', belgique: 'Belgium', belgie: 'Belgium', belgien: 'Belgium', polska: 'Poland', brasil: 'Brazil', bresil: 'Brazil',
  sverige: 'Sweden', norge: 'Norway', danmark: 'Denmark', suomi: 'Finland', turkiye: 'Turkey', 'royaume-uni': 'United Kingdom', 'etats-unis': 'United States', mexique: 'Mexico', maroc: 'Morocco', portugal: 'Portugal',
};

/** "Deutschland" → "Germany"; any other name as written. */
export function englishCountry(name: string): string {
  // Every persona's country passes here: plain ASCII names already in English skip the accent folding.
  const lower = name.toLowerCase().trim();
  if (EXONYMS[lower] !== undefined) return EXONYMS[lower]!;
  if (/^[\x20-\x7e]*$/.test(lower)) return name;
  return EXONYMS[lower.normalize('NFD').replace(/\p{M}/gu, '')] ?? name;
}

/** "Lyon, France", "Austin, TX, USA", "Osaka (Japan)", "Lyon" → city, region, country; districts dropped. */
export function parsePlace(raw: unknown): { city: string; region?: string; country?: string } | undefined {
  let text = Array.isArray(raw) ? raw.filter((p) => typeof p === 'string').join(', ') : coerceText(raw, 400).value;
  if (!text) return undefined;
  // "Lyon's Confluence district": the city owns the district.
  const owner = /^(\p{Lu}[\p{L}-]*(?:\s\p{Lu}[\p{L}-]*)?)['’]s\s+\S/u.exec(text);
  if (owner) text = owner[1]!;
  const paren = /^(.+?)\s*\(([^()]+)\)\s*\.?$/.exec(text);
  // "Lyon suburbs (Vaulx-en-Velin, Vénissieux)": the brackets list places in the area, not a country.
  const area = paren !== null && AREA_AFTER.test(paren[1]!.trim());
  let parts = (paren ? [paren[1]!, ...(area ? [] : paren[2]!.split(','))] : text.replace(/\.$/, '').split(/\s*[,|/]\s*|\s+[–—-]\s+/))
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => coerceText(p, 120).value ?? p);
  if (parts.length === 0) return undefined;
  // "3e arrondissement, Lyon": a district before the city is dropped too.
  while (parts.length > 1 && DISTRICT.test(parts[0]!)) parts.shift();
  parts = [parts[0]!.replace(AREA_AFTER, '').replace(AREA_BEFORE, '').trim() || parts[0]!, ...parts.slice(1).filter((p) => !DISTRICT.test(p))];
  if (parts.length === 1) return { city: parts[0]! };
  if (parts.length === 2) return { city: parts[0]!, country: englishCountry(parts[1]!) };
  return { city: parts[0]!, region: coerceText(parts.slice(1, -1).join(', '), 120).value ?? parts[1]!, country: englishCountry(parts[parts.length - 1]!) };
}
