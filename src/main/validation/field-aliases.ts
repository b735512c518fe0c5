/**
 * The one alias table: every key spelling an LLM uses for a persona field, by scope. Keys are
 * compared after `normalizeKey` (lowercase, letters and digits only), so snake_case, kebab-case,
 * Title Case and camelCase of one name are the same entry. docs/VALIDATION.md prints this table.
 */
import { CULTURAL_CATEGORIES, type CulturalCategory } from '../../shared/persona';

export type PersonaField =
  | 'id' | 'name' | 'age' | 'gender' | 'occupation' | 'incomeBracket' | 'education' | 'bio' | 'quote'
  | 'goals' | 'painPoints' | 'values' | 'interests' | 'channels';
export type LocationField = 'city' | 'region' | 'country';
export type B2bField = 'role' | 'industry' | 'companySize' | 'decisionPower' | 'buyingCriteria' | 'objections';

/** Where a key leads: a field, a nested group to read in another scope, or a sub-object to flatten. */
export type KeyTarget =
  | { kind: 'field'; field: PersonaField }
  | { kind: 'location'; field?: LocationField }
  | { kind: 'culture'; category?: CulturalCategory }
  | { kind: 'b2b'; field?: B2bField }
  | { kind: 'flatten' }
  | { kind: 'ignore' };

export type KeyScope = 'persona' | 'location' | 'culture' | 'b2b';

export function normalizeKey(key: string): string {
  return key
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

const PERSONA_ALIASES: Record<PersonaField, readonly string[]> = {
  id: ['id', 'personaid', 'uuid'],
  name: ['name', 'fullname', 'personaname', 'firstname', 'displayname'],
  age: ['age', 'ageyears', 'years', 'agegroup', 'agerange', 'agebracket', 'ageband'],
  gender: ['gender', 'sex', 'genderidentity', 'pronouns'],
  occupation: ['occupation', 'job', 'jobtitle', 'profession', 'role', 'title', 'position', 'work', 'career', 'employment', 'currentjob', 'jobrole'],
  incomeBracket: ['incomebracket', 'income', 'incomelevel', 'incomerange', 'householdincome', 'annualincome', 'salary', 'incomeband', 'socioeconomicstatus'],
  education: ['education', 'educationlevel', 'degree', 'qualification', 'qualifications', 'schooling', 'highesteducation'],
  bio: ['bio', 'biography', 'background', 'summary', 'description', 'story', 'about', 'profile', 'backstory', 'overview', 'narrative', 'personasummary', 'shortbio', 'dayinthelife'],
  quote: ['quote', 'motto', 'tagline', 'catchphrase', 'keyquote', 'signaturequote', 'intheirwords', 'inherwords', 'inhiswords', 'voice', 'saying'],
  goals: ['goals', 'goal', 'objectives', 'aims', 'aspirations', 'motivations', 'needs', 'wants', 'desires', 'jobstobedone', 'jtbd', 'keygoals'],
  painPoints: ['painpoints', 'painpoint', 'pains', 'pain', 'frustrations', 'frustration', 'challenges', 'problems', 'struggles', 'obstacles', 'concerns', 'keypainpoints', 'frictions', 'worries'],
  values: ['values', 'corevalues', 'beliefs', 'principles', 'personalvalues'],
  interests: ['interests', 'hobbies', 'hobbiesandinterests', 'interestsandhobbies', 'passions', 'likes', 'pastimes', 'leisure', 'activities', 'freetime'],
  channels: ['channels', 'mediachannels', 'preferredchannels', 'touchpoints', 'mediahabits', 'media', 'socialmedia', 'platforms', 'mediaconsumption', 'communicationchannels', 'informationsources', 'whereyoufindthem'],
};

const LOCATION_ALIASES: Record<LocationField, readonly string[]> = {
  city: ['city', 'town', 'municipality', 'locality', 'hometown', 'neighbourhood', 'neighborhood', 'metro', 'metroarea'],
  region: ['region', 'state', 'province', 'county', 'department', 'prefecture', 'area', 'district', 'canton'],
  country: ['country', 'nation', 'countryname', 'countrycode'],
};

const CULTURE_ALIASES: Record<CulturalCategory, readonly string[]> = {
  music: ['music', 'musictaste', 'musicians', 'artists', 'bands', 'songs', 'genres', 'musicgenres', 'playlists'],
  movies: ['movies', 'movie', 'films', 'film', 'cinema'],
  tv: ['tv', 'tvshows', 'tvseries', 'series', 'shows', 'television', 'streaming', 'tvandstreaming'],
  books: ['books', 'book', 'reading', 'authors', 'literature', 'readinglist'],
  brands: ['brands', 'brand', 'preferredbrands', 'shopping', 'products'],
  food: ['food', 'foods', 'cuisine', 'cuisines', 'dishes', 'restaurants', 'foodanddrink', 'fooddrink', 'drinks', 'dining', 'meals'],
  podcasts: ['podcasts', 'podcast', 'radio', 'audio'],
  destinations: ['destinations', 'destination', 'travel', 'traveldestinations', 'places', 'travelplaces', 'holidays', 'vacations', 'trips'],
};

const B2B_ALIASES: Record<B2bField, readonly string[]> = {
  role: ['role', 'jobtitle', 'title', 'position', 'jobrole', 'businessrole'],
  industry: ['industry', 'sector', 'vertical', 'market', 'companyindustry', 'businesssector'],
  companySize: ['companysize', 'size', 'employees', 'employeecount', 'headcount', 'numberofemployees', 'organisationsize', 'organizationsize', 'orgsize', 'teamsize', 'companyheadcount', 'staff'],
  decisionPower: ['decisionpower', 'decisionmakingpower', 'decisionmaking', 'decisionrole', 'buyingrole', 'authority', 'purchasingpower', 'purchasingauthority', 'buyingpower', 'decisionauthority', 'influence', 'roleinpurchase', 'roleinbuying'],
  buyingCriteria: ['buyingcriteria', 'purchasecriteria', 'purchasingcriteria', 'evaluationcriteria', 'selectioncriteria', 'criteria', 'decisioncriteria', 'keycriteria', 'buyingfactors'],
  objections: ['objections', 'concerns', 'barriers', 'hesitations', 'blockers', 'risks', 'doubts', 'purchasebarriers', 'objectionsandconcerns'],
};

/** Sub-objects whose fields belong to the persona itself. */
const FLATTEN_KEYS = ['demographics', 'psychographics', 'details', 'personalinfo', 'personaldetails', 'basics', 'basicinfo', 'attributes', 'behaviors', 'behaviours', 'behavior', 'characteristics', 'personality', 'lifestyle', 'persona', 'info', 'overview', 'profile', 'background', 'professional', 'work', 'career', 'motivationsandgoals', 'needsandpainpoints', 'identity'];
const LOCATION_GROUP_KEYS = ['location', 'place', 'residence', 'livesin', 'basedin', 'address', 'home', 'geography', 'locale', 'cityandcountry', 'citycountry'];
const CULTURE_GROUP_KEYS = ['culturalprofile', 'culture', 'cultural', 'culturalpreferences', 'culturalaffinities', 'culturaltastes', 'tastes', 'favorites', 'favourites', 'favoritethings', 'favouritethings', 'preferences', 'tasteprofile', 'mediaandculture', 'culturalinterests', 'affinities'];
const B2B_GROUP_KEYS = ['b2b', 'b2bprofile', 'businessprofile', 'company', 'organization', 'organisation', 'firmographics', 'business', 'employer', 'companyprofile', 'buyingprofile', 'professionalprofile'];
/** Provenance and scoring an LLM may emit: ours is written by the pipeline, theirs is not kept. */
const IGNORED_KEYS = ['meta', 'metadata'];

/**
 * Field labels in the languages persona answers are most often written in besides English (French,
 * Spanish, Portuguese, German, Italian), mapped to the English alias they mean. Kept apart from the
 * table above, which docs/VALIDATION.md prints as the English spellings.
 */
const FOREIGN_LABELS: Readonly<Record<string, string>> = {
  nom: 'name', nomcomplet: 'fullname', prenom: 'firstname', nombre: 'name', nombrecompleto: 'fullname', nome: 'name', nomecompleto: 'fullname', vorname: 'firstname',
  edad: 'age', idade: 'age', alter: 'age', eta: 'age',
  sexe: 'gender', genre: 'gender', sexo: 'gender', genero: 'gender', geschlecht: 'gender',
  metier: 'job', emploi: 'job', poste: 'position', ocupacion: 'occupation', profesion: 'profession', trabajo: 'job', ocupacao: 'occupation', profissao: 'profession', beruf: 'job', professione: 'profession', lavoro: 'job',
  ville: 'city', ciudad: 'city', cidade: 'city', stadt: 'city', wohnort: 'city', citta: 'city',
  pays: 'country', pais: 'country', land: 'country', paese: 'country',
  localisation: 'location', lieu: 'location', lieuderesidence: 'location', ubicacion: 'location', localizacao: 'location', ort: 'location',
  objectifs: 'goals', buts: 'goals', objetivos: 'goals', metas: 'goals', ziele: 'goals', obiettivi: 'goals', besoins: 'needs', necesidades: 'needs', necessidades: 'needs', bedurfnisse: 'needs',
  pointsdedouleur: 'painpoints', douleurs: 'pains', freins: 'pains', sesfreins: 'pains', defis: 'challenges', problemes: 'problems', frustraciones: 'frustrations', puntosdedolor: 'painpoints', desafios: 'challenges', frustracoes: 'frustrations', dores: 'pains', frustrationen: 'frustrations', schmerzpunkte: 'painpoints', herausforderungen: 'challenges', frustrazioni: 'frustrations',
  citation: 'quote', cita: 'quote', citacao: 'quote', zitat: 'quote', citazione: 'quote',
  biographie: 'biography', contexte: 'background', histoire: 'story', resume: 'summary', biografia: 'biography', historia: 'story', contexto: 'background', hintergrund: 'background', descripcion: 'description', descricao: 'description', beschreibung: 'description',
  valeurs: 'values', valores: 'values', werte: 'values', valori: 'values',
  centresdinteret: 'interests', interets: 'interests', loisirs: 'hobbies', intereses: 'interests', aficiones: 'hobbies', interesses: 'interests', interessen: 'interests', hobbys: 'hobbies', interessi: 'interests',
  revenu: 'income', revenus: 'income', ingresos: 'income', renda: 'income', einkommen: 'income', reddito: 'income',
  formation: 'education', niveaudetudes: 'education', educacion: 'education', educacao: 'education', ausbildung: 'education', istruzione: 'education',
  canaux: 'channels', canales: 'channels', canais: 'channels', kanale: 'channels', canali: 'channels',
};

/** Words an LLM puts before a field name ("favorite_music", "persona_name", "top_brands"). */
const PREFIXES = ['favorite', 'favourite', 'fav', 'preferred', 'top', 'persona', 'their', 'his', 'her', 'main', 'primary', 'key', 'current'];

function table<K extends string>(aliases: Record<K, readonly string[]>): Map<string, K> {
  const map = new Map<string, K>();
  for (const [field, names] of Object.entries(aliases) as [K, readonly string[]][]) for (const name of names) map.set(name, field);
  return map;
}

const personaFields = table(PERSONA_ALIASES);
const locationFields = table(LOCATION_ALIASES);
const cultureCategories = table(CULTURE_ALIASES);
const b2bFields = table(B2B_ALIASES);
const flattenKeys = new Set(FLATTEN_KEYS);
const locationGroups = new Set(LOCATION_GROUP_KEYS);
const cultureGroups = new Set(CULTURE_GROUP_KEYS);
const b2bGroups = new Set(B2B_GROUP_KEYS);
const ignoredKeys = new Set(IGNORED_KEYS);

/** B2B fields an LLM often puts at the persona's top level. `role` stays the occupation there. */
const TOP_LEVEL_B2B: ReadonlySet<B2bField> = new Set(['industry', 'companySize', 'decisionPower', 'buyingCriteria', 'objections']);

function lookup(scope: KeyScope, key: string): KeyTarget | undefined {
  switch (scope) {
    case 'location': {
      const field = locationFields.get(key);
      return field ? { kind: 'location', field } : undefined;
    }
    case 'culture': {
      const category = cultureCategories.get(key);
      return category ? { kind: 'culture', category } : undefined;
    }
    case 'b2b': {
      const field = b2bFields.get(key);
      if (field) return { kind: 'b2b', field };
      return key === 'name' || key === 'companyname' ? { kind: 'ignore' } : undefined;
    }
    case 'persona': {
      if (ignoredKeys.has(key)) return { kind: 'ignore' };
      const field = personaFields.get(key);
      if (field) return { kind: 'field', field };
      if (locationGroups.has(key)) return { kind: 'location' };
      if (cultureGroups.has(key)) return { kind: 'culture' };
      if (b2bGroups.has(key)) return { kind: 'b2b' };
      const locationField = locationFields.get(key);
      if (locationField) return { kind: 'location', field: locationField };
      const b2bField = b2bFields.get(key);
      if (b2bField && TOP_LEVEL_B2B.has(b2bField)) return { kind: 'b2b', field: b2bField };
      const category = cultureCategories.get(key);
      if (category) return { kind: 'culture', category };
      if (flattenKeys.has(key)) return { kind: 'flatten' };
      return undefined;
    }
  }
}

const resolved: Record<KeyScope, Map<string, KeyTarget | null>> = { persona: new Map(), location: new Map(), culture: new Map(), b2b: new Map() };
/** Keys seen per scope are remembered, up to this many: answers reuse a few dozen spellings. */
const MEMO_LIMIT = 4096;

/** Resolves a raw key in a scope; undefined when it names nothing in the schema. */
export function resolveKey(scope: KeyScope, rawKey: string): KeyTarget | undefined {
  const memo = resolved[scope];
  const known = memo.get(rawKey);
  if (known !== undefined) return known ?? undefined;
  const target = resolveUncached(scope, rawKey);
  if (memo.size < MEMO_LIMIT) memo.set(rawKey, target ?? null);
  return target;
}

function resolveUncached(scope: KeyScope, rawKey: string): KeyTarget | undefined {
  const key = normalizeKey(rawKey);
  if (key === '') return undefined;
  const direct = lookup(scope, key);
  if (direct) return direct;
  const english = FOREIGN_LABELS[key];
  if (english !== undefined) return lookup(scope, english);
  for (const prefix of PREFIXES) {
    if (key.length > prefix.length && key.startsWith(prefix)) {
      const found = lookup(scope, key.slice(prefix.length));
      if (found) return found;
    }
  }
  return undefined;
}

/** The alias table as rows, for docs/VALIDATION.md and its test. */
export function aliasTableRows(): Array<{ scope: KeyScope; field: string; aliases: readonly string[] }> {
  return [
    ...Object.entries(PERSONA_ALIASES).map(([field, aliases]) => ({ scope: 'persona' as const, field, aliases })),
    ...Object.entries(LOCATION_ALIASES).map(([field, aliases]) => ({ scope: 'location' as const, field, aliases })),
    ...CULTURAL_CATEGORIES.map((field) => ({ scope: 'culture' as const, field, aliases: CULTURE_ALIASES[field] })),
    ...Object.entries(B2B_ALIASES).map(([field, aliases]) => ({ scope: 'b2b' as const, field, aliases })),
  ];
}

export const GROUP_KEYS = { flatten: FLATTEN_KEYS, location: LOCATION_GROUP_KEYS, culture: CULTURE_GROUP_KEYS, b2b: B2B_GROUP_KEYS } as const;
