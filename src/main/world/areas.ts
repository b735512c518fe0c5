/**
 * Named areas a brief may use instead of a place ("across South America", "West Africa", "the
 * Nordics", "the Midwest"), as the countries (or a country's regions) they cover, and the short
 * names people write for big cities that GeoNames does not list ("KL", "DC").
 */
export interface Area {
  label: string;
  /** Lower-case phrases that name the area in a brief. */
  names: readonly string[];
  countries: readonly string[];
  /** Only these first-level regions of the (single) country, as GeoNames names them. */
  regions?: readonly string[];
}

const EU = ['AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE'];
const SOUTH_AMERICA = ['AR', 'BO', 'BR', 'CL', 'CO', 'EC', 'GY', 'PY', 'PE', 'SR', 'UY', 'VE'];
const CENTRAL_AMERICA = ['BZ', 'CR', 'SV', 'GT', 'HN', 'NI', 'PA'];
const CARIBBEAN = ['CU', 'DO', 'HT', 'JM', 'PR', 'TT', 'BS', 'BB'];
const WEST_AFRICA = ['BJ', 'BF', 'CV', 'CI', 'GM', 'GH', 'GN', 'GW', 'LR', 'ML', 'MR', 'NE', 'NG', 'SN', 'SL', 'TG'];
const EAST_AFRICA = ['BI', 'DJ', 'ER', 'ET', 'KE', 'MG', 'MW', 'MU', 'MZ', 'RW', 'SO', 'SS', 'TZ', 'UG', 'ZM', 'ZW'];
const CENTRAL_AFRICA = ['AO', 'CM', 'CF', 'TD', 'CG', 'CD', 'GQ', 'GA'];
const SOUTHERN_AFRICA = ['BW', 'LS', 'NA', 'ZA', 'SZ'];
const NORTH_AFRICA = ['DZ', 'EG', 'LY', 'MA', 'SD', 'TN'];
const MIDDLE_EAST = ['BH', 'IR', 'IQ', 'IL', 'JO', 'KW', 'LB', 'OM', 'PS', 'QA', 'SA', 'SY', 'TR', 'AE', 'YE'];
const SOUTHEAST_ASIA = ['BN', 'KH', 'ID', 'LA', 'MY', 'MM', 'PH', 'SG', 'TH', 'TL', 'VN'];
const SOUTH_ASIA = ['AF', 'BD', 'BT', 'IN', 'MV', 'NP', 'PK', 'LK'];
const EAST_ASIA = ['CN', 'HK', 'JP', 'KR', 'MN', 'TW'];
const CENTRAL_ASIA = ['KZ', 'KG', 'TJ', 'TM', 'UZ'];
const NORDICS = ['DK', 'FI', 'IS', 'NO', 'SE'];
const EASTERN_EUROPE = ['BY', 'BG', 'CZ', 'HU', 'MD', 'PL', 'RO', 'RU', 'SK', 'UA'];
const WESTERN_EUROPE = ['AT', 'BE', 'FR', 'DE', 'IE', 'LU', 'NL', 'CH', 'GB'];
const OCEANIA = ['AU', 'NZ', 'FJ', 'PG', 'WS', 'TO', 'SB', 'VU'];

export const AREAS: readonly Area[] = [
  { label: 'South America', names: ['south america', 'southamerica', 'sudamerica', 'amerique du sud', 'sudamerika'], countries: SOUTH_AMERICA },
  { label: 'Latin America', names: ['latin america', 'latam', 'latinoamerica', 'amerique latine', 'lateinamerika'], countries: ['MX', ...CENTRAL_AMERICA, ...SOUTH_AMERICA, 'CU', 'DO'] },
  { label: 'Central America', names: ['central america', 'centroamerica'], countries: CENTRAL_AMERICA },
  { label: 'the Caribbean', names: ['caribbean', 'caribe', 'caraibes'], countries: CARIBBEAN },
  { label: 'North America', names: ['north america', 'north american'], countries: ['US', 'CA'] },
  { label: 'West Africa', names: ['west africa', 'west african', 'afrique de l ouest', 'ecowas'], countries: WEST_AFRICA },
  { label: 'East Africa', names: ['east africa', 'east african', 'afrique de l est'], countries: EAST_AFRICA },
  { label: 'Central Africa', names: ['central africa', 'afrique centrale'], countries: CENTRAL_AFRICA },
  { label: 'Southern Africa', names: ['southern africa'], countries: SOUTHERN_AFRICA },
  { label: 'North Africa', names: ['north africa', 'maghreb', 'afrique du nord'], countries: NORTH_AFRICA },
  { label: 'Sub-Saharan Africa', names: ['sub saharan africa', 'subsaharan africa', 'sub saharan'], countries: [...WEST_AFRICA, ...EAST_AFRICA, ...CENTRAL_AFRICA, ...SOUTHERN_AFRICA] },
  { label: 'Africa', names: ['africa', 'african', 'afrique', 'afrika'], countries: [...NORTH_AFRICA, ...WEST_AFRICA, ...EAST_AFRICA, ...CENTRAL_AFRICA, ...SOUTHERN_AFRICA] },
  { label: 'the Middle East', names: ['middle east', 'mena', 'moyen orient', 'naher osten'], countries: MIDDLE_EAST },
  { label: 'the Gulf', names: ['gulf states', 'gcc', 'the gulf', 'persian gulf', 'arabian gulf'], countries: ['BH', 'KW', 'OM', 'QA', 'SA', 'AE'] },
  { label: 'the Levant', names: ['levant'], countries: ['JO', 'LB', 'PS', 'SY', 'IL'] },
  { label: 'Southeast Asia', names: ['southeast asia', 'south east asia', 'asean'], countries: SOUTHEAST_ASIA },
  { label: 'South Asia', names: ['south asia', 'subcontinent'], countries: SOUTH_ASIA },
  { label: 'East Asia', names: ['east asia'], countries: EAST_ASIA },
  { label: 'Central Asia', names: ['central asia'], countries: CENTRAL_ASIA },
  { label: 'Asia', names: ['asia', 'asian', 'apac', 'asia pacific', 'asie', 'asien'], countries: [...EAST_ASIA, ...SOUTHEAST_ASIA, ...SOUTH_ASIA, ...CENTRAL_ASIA] },
  { label: 'the Nordics', names: ['nordics', 'nordic countries', 'nordic', 'scandinavia', 'scandinavian', 'skandinavien'], countries: NORDICS },
  { label: 'the Baltics', names: ['baltics', 'baltic states', 'baltic countries'], countries: ['EE', 'LV', 'LT'] },
  { label: 'the Balkans', names: ['balkans', 'western balkans'], countries: ['AL', 'BA', 'BG', 'HR', 'XK', 'ME', 'MK', 'RS', 'SI'] },
  { label: 'Benelux', names: ['benelux', 'low countries'], countries: ['BE', 'NL', 'LU'] },
  { label: 'DACH', names: ['dach', 'german speaking countries'], countries: ['DE', 'AT', 'CH'] },
  { label: 'Iberia', names: ['iberia', 'iberian peninsula'], countries: ['ES', 'PT'] },
  { label: 'the British Isles', names: ['british isles'], countries: ['GB', 'IE'] },
  { label: 'Eastern Europe', names: ['eastern europe', 'central and eastern europe', 'cee'], countries: EASTERN_EUROPE },
  { label: 'Western Europe', names: ['western europe'], countries: WESTERN_EUROPE },
  { label: 'the EU', names: ['eu', 'european union', 'eu27', 'eu 27'], countries: EU },
  { label: 'Europe', names: ['europe', 'european', 'europa'], countries: [...EU, 'GB', 'CH', 'NO', 'IS', 'UA', 'RS', 'BA', 'AL', 'MK', 'ME', 'MD', 'BY'] },
  { label: 'Oceania', names: ['oceania', 'australasia', 'pacific islands', 'the pacific'], countries: OCEANIA },
  { label: 'the US Midwest', names: ['midwest', 'mid west', 'midwestern'], countries: ['US'], regions: ['Illinois', 'Indiana', 'Iowa', 'Kansas', 'Michigan', 'Minnesota', 'Missouri', 'Nebraska', 'North Dakota', 'Ohio', 'South Dakota', 'Wisconsin'] },
  { label: 'the US South', names: ['american south', 'deep south'], countries: ['US'], regions: ['Alabama', 'Georgia', 'Louisiana', 'Mississippi', 'South Carolina', 'Tennessee', 'Arkansas', 'Kentucky', 'North Carolina'] },
  { label: 'New England', names: ['new england'], countries: ['US'], regions: ['Connecticut', 'Maine', 'Massachusetts', 'New Hampshire', 'Rhode Island', 'Vermont'] },
  { label: 'the Bay Area', names: ['bay area', 'silicon valley'], countries: ['US'], regions: ['California'] },
];

/** Short names of big cities that the world data does not carry, as the city's own name. */
export const CITY_SHORT_NAMES: Readonly<Record<string, string>> = {
  kl: 'Kuala Lumpur',
  dc: 'Washington',
  'washington dc': 'Washington',
  'washington d c': 'Washington',
  nyc: 'New York City',
  cdmx: 'Mexico City',
  joburg: 'Johannesburg',
  jozi: 'Johannesburg',
  'jo burg': 'Johannesburg',
  hcmc: 'Ho Chi Minh City',
  saigon: 'Ho Chi Minh City',
  bkk: 'Bangkok',
  'rio': 'Rio de Janeiro',
  sampa: 'São Paulo',
  philly: 'Philadelphia',
  vegas: 'Las Vegas',
  'the hague': 'The Hague',
  'den haag': 'The Hague',
};

/**
 * Canada's and Australia's regions by the abbreviations written after a city; GeoNames numbers
 * them ("CA.08") where it gives US states their letters, so these cannot come from the data.
 */
export const REGION_ABBREVIATIONS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  CA: {
    AB: 'Alberta', BC: 'British Columbia', MB: 'Manitoba', NB: 'New Brunswick', NL: 'Newfoundland and Labrador', NS: 'Nova Scotia',
    NT: 'Northwest Territories', NU: 'Nunavut', ON: 'Ontario', PE: 'Prince Edward Island', PEI: 'Prince Edward Island', QC: 'Quebec',
    SK: 'Saskatchewan', YT: 'Yukon',
  },
  AU: {
    ACT: 'Australian Capital Territory', NSW: 'New South Wales', NT: 'Northern Territory', QLD: 'Queensland', SA: 'South Australia',
    TAS: 'Tasmania', VIC: 'Victoria', WA: 'Western Australia',
  },
};
