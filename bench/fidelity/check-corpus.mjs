#!/usr/bin/env node
// Validates bench/fidelity/briefs.json (shape, ids, ISO codes, ages, cue lists) against
// bench/fidelity/life-stages.json, prints coverage counts, and checks the corpus requirements.
// Usage: node bench/fidelity/check-corpus.mjs [path/to/briefs.json]
// Exit code: 0 when valid and every requirement is met, 1 otherwise.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const corpusPath = process.argv[2] ? path.resolve(process.argv[2]) : path.join(here, 'briefs.json');
const lifeStagesPath = path.join(here, 'life-stages.json');

// ISO 3166-1 alpha-2 codes grouped by continent (Antarctica included only so its codes are known).
const CONTINENTS = {
  Africa: 'DZ AO BJ BW BF BI CV CM CF TD KM CG CD CI DJ EG GQ ER SZ ET GA GM GH GN GW KE LS LR LY MG MW ML MR MU YT MA MZ NA NE NG RE RW SH ST SN SC SL SO ZA SS SD TZ TG TN UG EH ZM ZW',
  Asia: 'AF AM AZ BH BD BT BN KH CN CY GE HK IN ID IR IQ IL JP JO KZ KW KG LA LB MO MY MV MN MM NP KP OM PK PS PH QA SA SG KR LK SY TW TJ TH TL TR TM AE UZ VN YE IO',
  Europe: 'AX AL AD AT BY BE BA BG HR CZ DK EE FO FI FR DE GI GR GG HU IS IE IM IT JE LV LI LT LU MT MD MC ME NL MK NO PL PT RO RU SM RS SK SI ES SJ SE CH UA GB VA',
  'North America': 'AI AG AW BS BB BZ BM BQ VG CA KY CR CU CW DM DO SV GL GD GP GT HT HN JM MQ MX MS NI PA PR BL KN LC MF PM VC SX TT TC US VI UM',
  'South America': 'AR BO BV BR CL CO EC FK GF GY PY PE GS SR UY VE',
  Oceania: 'AS AU CK CX CC FJ PF GU KI MH FM NR NC NZ NU NF MP PW PG PN WS SB TK TO TV VU WF',
  Antarctica: 'AQ HM TF',
};
const CONTINENT_OF = new Map();
for (const [continent, codes] of Object.entries(CONTINENTS)) for (const code of codes.split(' ')) CONTINENT_OF.set(code, continent);
const INHABITED = ['Africa', 'Asia', 'Europe', 'North America', 'South America', 'Oceania'];

const LEVELS = ['simple', 'standard', 'b2b'];
const COMPANY_SIZES = ['1-10', '11-50', '51-200', '201-1000', '1000+'];
const COMMON_CITIES = ['Paris', 'Lyon', 'Berlin', 'Munich', 'London', 'Manchester', 'New York', 'San Francisco', 'Tokyo', 'Madrid', 'Rome', 'Lagos', 'Guangzhou', 'Toronto', 'Sydney', 'São Paulo', 'Mumbai'];
// Words that say nothing about a product's domain; domainAny must not rely on them.
const GENERIC_DOMAIN_WORDS = ['price', 'prices', 'pricing', 'quality', 'cheap', 'value', 'service', 'customer', 'easy', 'convenient', 'convenience', 'fast', 'time', 'money', 'cost'];
// Money words are the domain of finance briefs, so "money" and "cost" are allowed there; flag only the rest.
const GENERIC_ALWAYS = GENERIC_DOMAIN_WORDS.filter((w) => !['money', 'cost', 'pricing'].includes(w));

const ENTRY_KEYS = ['id', 'brief', 'expect'];
const BRIEF_KEYS = ['description', 'count', 'level', 'location', 'ageRange', 'segment'];
const EXPECT_KEYS = ['residence', 'origin', 'ages', 'lifeStage', 'mustMentionAny', 'mustNotMention', 'domainAny', 'b2b'];
const RESIDENCE_KEYS = ['country', 'city', 'region', 'countries'];
const B2B_KEYS = ['roleAny', 'industryAny', 'companySizes'];

const errors = [];
const warnings = [];
const err = (where, msg) => errors.push(`${where}: ${msg}`);
const warn = (where, msg) => warnings.push(`${where}: ${msg}`);

const fold = (s) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
const isObj = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const isInt = (v) => Number.isInteger(v);
const isIso = (v) => typeof v === 'string' && /^[A-Z]{2}$/.test(v);

function checkKeys(where, obj, allowed, required) {
  if (!isObj(obj)) return err(where, 'must be an object'), false;
  for (const k of Object.keys(obj)) if (!allowed.includes(k)) err(where, `unknown field "${k}"`);
  for (const k of required) if (!(k in obj)) err(where, `missing field "${k}"`);
  return true;
}

function checkIso(where, code) {
  if (!isIso(code)) return err(where, `"${code}" is not an ISO 3166-1 alpha-2 code (two upper-case letters)`);
  if (!CONTINENT_OF.has(code)) err(where, `"${code}" is two letters but not an assigned ISO 3166-1 alpha-2 code`);
}

function checkAges(where, ages) {
  if (!Array.isArray(ages) || ages.length !== 2 || !ages.every(isInt)) return err(where, 'must be [min, max] whole numbers'), false;
  const [lo, hi] = ages;
  if (lo < 16 || hi > 99) err(where, `[${lo}, ${hi}] must lie within 16-99`);
  if (lo > hi) err(where, `min ${lo} is greater than max ${hi}`);
  return true;
}

function checkCueList(where, list, { min = 1 } = {}) {
  if (!Array.isArray(list) || list.length < min) return err(where, `must be an array of at least ${min} strings`), [];
  const seen = new Set();
  for (const s of list) {
    if (typeof s !== 'string' || s.trim() === '') { err(where, `contains a non-string or empty cue ${JSON.stringify(s)}`); continue; }
    if (s !== s.toLowerCase()) err(where, `cue "${s}" must be lower-case`);
    if (seen.has(s)) err(where, `duplicate cue "${s}"`);
    seen.add(s);
    if (s.trim().length < 3) warn(where, `very short cue "${s}" (substring matches may be loose)`);
  }
  return list.filter((s) => typeof s === 'string');
}

// ---- load -------------------------------------------------------------------
let corpus;
let lifeStages;
try { corpus = JSON.parse(fs.readFileSync(corpusPath, 'utf8')); } catch (e) { console.error(`Cannot read ${corpusPath}: ${e.message}`); process.exit(1); }
try { lifeStages = JSON.parse(fs.readFileSync(lifeStagesPath, 'utf8')); } catch (e) { console.error(`Cannot read ${lifeStagesPath}: ${e.message}`); process.exit(1); }

for (const [id, stage] of Object.entries(lifeStages)) {
  if (!/^[a-z][a-z0-9_]*$/.test(id)) err(`life-stages.${id}`, 'id must be snake_case');
  checkAges(`life-stages.${id}.ages`, stage.ages);
  if (typeof stage.implies !== 'string' || stage.implies.length < 10) err(`life-stages.${id}.implies`, 'must describe what the stage implies');
}

if (!Array.isArray(corpus)) { console.error('briefs.json must be a JSON array'); process.exit(1); }

// ---- validate entries ---------------------------------------------------------
const ids = new Set();
for (const [i, entry] of corpus.entries()) {
  const where = `#${i} ${entry?.id ?? '(no id)'}`;
  if (!checkKeys(where, entry, ENTRY_KEYS, ENTRY_KEYS)) continue;
  const { id, brief, expect } = entry;

  if (typeof id !== 'string' || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) err(where, 'id must be kebab-case (a-z, 0-9, single hyphens)');
  if (ids.has(id)) err(where, `duplicate id "${id}"`);
  ids.add(id);

  // brief
  if (checkKeys(`${where}.brief`, brief, BRIEF_KEYS, ['description', 'count', 'level'])) {
    const d = brief.description;
    if (typeof d !== 'string' || d.trim().length < 10 || [...d].length > 4000) err(`${where}.brief.description`, 'must be a string of 10-4000 characters');
    if (!isInt(brief.count) || brief.count < 3 || brief.count > 8) err(`${where}.brief.count`, 'must be a whole number from 3 to 8');
    if (!LEVELS.includes(brief.level)) err(`${where}.brief.level`, `must be one of ${LEVELS.join(', ')}`);
    if ('location' in brief && (typeof brief.location !== 'string' || !brief.location.trim() || brief.location.length > 200)) err(`${where}.brief.location`, 'must be a non-empty string of at most 200 characters');
    if ('segment' in brief && (typeof brief.segment !== 'string' || !brief.segment.trim() || brief.segment.length > 300)) err(`${where}.brief.segment`, 'must be a non-empty string of at most 300 characters');
    if ('ageRange' in brief && checkAges(`${where}.brief.ageRange`, brief.ageRange)) {
      const a = expect?.ages;
      if (!Array.isArray(a) || a[0] !== brief.ageRange[0] || a[1] !== brief.ageRange[1]) err(`${where}.expect.ages`, `must equal brief.ageRange [${brief.ageRange}] (got ${JSON.stringify(a)})`);
    }
  }

  // expect
  if (!checkKeys(`${where}.expect`, expect, EXPECT_KEYS, ['residence', 'ages', 'lifeStage', 'mustMentionAny', 'mustNotMention', 'domainAny'])) continue;
  const r = expect.residence;
  if (checkKeys(`${where}.expect.residence`, r, RESIDENCE_KEYS, ['country'])) {
    checkIso(`${where}.expect.residence.country`, r.country);
    for (const k of ['city', 'region']) if (k in r && (typeof r[k] !== 'string' || !r[k].trim())) err(`${where}.expect.residence.${k}`, 'must be a non-empty string');
    if ('countries' in r) {
      if (!Array.isArray(r.countries) || r.countries.length < 2) err(`${where}.expect.residence.countries`, 'must list at least two countries');
      else {
        r.countries.forEach((c, j) => checkIso(`${where}.expect.residence.countries[${j}]`, c));
        if (new Set(r.countries).size !== r.countries.length) err(`${where}.expect.residence.countries`, 'has duplicates');
        if (!r.countries.includes(r.country)) err(`${where}.expect.residence`, 'country must be one of countries');
        if ('city' in r) err(`${where}.expect.residence`, 'a multi-country area cannot also name a single city');
      }
    }
  }
  if ('origin' in expect && checkKeys(`${where}.expect.origin`, expect.origin, ['country'], ['country'])) {
    checkIso(`${where}.expect.origin.country`, expect.origin.country);
    if (isObj(r) && (expect.origin.country === r.country || r.countries?.includes(expect.origin.country))) err(`${where}.expect.origin`, 'origin must differ from residence (omit it otherwise)');
  }
  const agesOk = checkAges(`${where}.expect.ages`, expect.ages);
  const stage = lifeStages[expect.lifeStage];
  if (!stage) err(`${where}.expect.lifeStage`, `"${expect.lifeStage}" is not in life-stages.json`);
  else if (agesOk && (expect.ages[0] < stage.ages[0] || expect.ages[1] > stage.ages[1])) {
    warn(`${where}.expect.ages`, `[${expect.ages}] reaches outside the ${expect.lifeStage} range [${stage.ages}]`);
  }

  const must = checkCueList(`${where}.expect.mustMentionAny`, expect.mustMentionAny, { min: 3 });
  const mustNot = checkCueList(`${where}.expect.mustNotMention`, expect.mustNotMention, { min: 1 });
  const domain = checkCueList(`${where}.expect.domainAny`, expect.domainAny, { min: 4 });
  for (const w of domain) if (GENERIC_ALWAYS.includes(w.trim())) err(`${where}.expect.domainAny`, `"${w}" is a generic word, not the product's vocabulary`);
  // A contradiction phrase that sits inside a required cue would make the two checks fight.
  for (const bad of mustNot) {
    for (const cue of [...must, ...domain]) if (cue.includes(bad)) err(`${where}.expect`, `cue "${cue}" contains the forbidden phrase "${bad}"`);
  }

  const isB2b = brief?.level === 'b2b';
  if (isB2b && !('b2b' in expect)) err(`${where}.expect`, 'a b2b brief needs expect.b2b');
  if (!isB2b && 'b2b' in expect) err(`${where}.expect.b2b`, 'only b2b briefs may set expect.b2b');
  if ('b2b' in expect && checkKeys(`${where}.expect.b2b`, expect.b2b, B2B_KEYS, ['roleAny', 'industryAny'])) {
    checkCueList(`${where}.expect.b2b.roleAny`, expect.b2b.roleAny, { min: 2 });
    checkCueList(`${where}.expect.b2b.industryAny`, expect.b2b.industryAny, { min: 2 });
    if ('companySizes' in expect.b2b) {
      const cs = expect.b2b.companySizes;
      if (!Array.isArray(cs) || cs.length === 0 || !cs.every((s) => COMPANY_SIZES.includes(s))) err(`${where}.expect.b2b.companySizes`, `must be a non-empty subset of ${COMPANY_SIZES.join(', ')}`);
    }
  }
}

// ---- coverage -------------------------------------------------------------------
const valid = corpus.filter((e) => isObj(e) && isObj(e.brief) && isObj(e.expect) && isObj(e.expect.residence));
const countriesOf = (e) => [...new Set([e.expect.residence.country, ...(e.expect.residence.countries ?? [])])];
const allCountries = new Set(valid.flatMap(countriesOf));
const namedCountries = new Set(valid.filter((e) => !e.expect.residence.countries).map((e) => e.expect.residence.country));
const byContinent = Object.fromEntries(INHABITED.map((c) => [c, { briefs: 0, countries: new Set() }]));
for (const e of valid) {
  const seen = new Set();
  for (const c of countriesOf(e)) {
    const continent = CONTINENT_OF.get(c);
    if (!byContinent[continent]) continue;
    byContinent[continent].countries.add(c);
    seen.add(continent);
  }
  for (const continent of seen) byContinent[continent].briefs++;
}

const levels = Object.fromEntries(LEVELS.map((l) => [l, valid.filter((e) => e.brief.level === l).length]));
const stageCounts = {};
for (const e of valid) stageCounts[e.expect.lifeStage] = (stageCounts[e.expect.lifeStage] ?? 0) + 1;
const b2b = valid.filter((e) => e.brief.level === 'b2b');

const common = new Set(COMMON_CITIES.map(fold));
const placeOf = (e) => e.expect.residence.city ?? e.expect.residence.region ?? e.expect.residence.country;
const unusual = valid.filter((e) => !e.expect.residence.city || !common.has(fold(e.expect.residence.city)));
const unusualCities = new Set(valid.filter((e) => e.expect.residence.city && !common.has(fold(e.expect.residence.city))).map((e) => e.expect.residence.city));
const areas = valid.filter((e) => !e.expect.residence.city);
const multiCountry = areas.filter((e) => e.expect.residence.countries);
const origin = valid.filter((e) => e.expect.origin);

const withOptional = valid.filter((e) => ['location', 'ageRange', 'segment'].some((k) => k in e.brief));
const optCount = (k) => valid.filter((e) => k in e.brief).length;
// The location field overrides the text when the text names some other place ("... in Lisbon") and not the expected city.
const overrides = valid.filter((e) => {
  const { location, description } = e.brief;
  const city = e.expect.residence.city;
  if (!location || !city) return false;
  const words = fold(city).split(/[^\p{L}]+/u).filter((w) => w.length >= 4);
  const named = words.some((w) => fold(description).includes(w));
  return !named && fold(location).includes(fold(city)) && /\b(in|around|across)\s+\p{Lu}/u.test(description);
});
const narrower = valid.filter((e) => {
  const st = lifeStages[e.expect.lifeStage];
  const ar = e.brief.ageRange;
  return st && Array.isArray(ar) && ar[0] >= st.ages[0] && ar[1] <= st.ages[1] && (ar[0] > st.ages[0] || ar[1] < st.ages[1]);
});
const counts = valid.map((e) => e.brief.count);

// ---- report -----------------------------------------------------------------------
const line = (label, value) => console.log(`  ${label.padEnd(34)} ${value}`);
console.log(`Corpus: ${path.relative(process.cwd(), corpusPath) || corpusPath}`);
console.log('\nCoverage');
line('briefs', corpus.length);
line('levels', LEVELS.map((l) => `${l} ${levels[l]}`).join(', '));
line('persona count per brief', `min ${Math.min(...counts)}, max ${Math.max(...counts)}, total ${counts.reduce((a, b) => a + b, 0)}`);
line('residence countries (all)', allCountries.size);
line('residence countries (named singly)', namedCountries.size);
for (const c of INHABITED) line(`  ${c}`, `${byContinent[c].briefs} briefs, ${byContinent[c].countries.size} countries: ${[...byContinent[c].countries].sort().join(' ')}`);
line('life stages used', `${Object.keys(stageCounts).length} of ${Object.keys(lifeStages).length}`);
for (const [s, n] of Object.entries(stageCounts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) line(`  ${s}`, n);
line('b2b briefs', b2b.length);
line('unusual places (briefs)', `${unusual.length} (${unusualCities.size} distinct uncommon cities + ${areas.length} regions/areas)`);
line('regions / countries / areas', `${areas.length}: ${areas.map(placeOf).join('; ')}`);
line('multi-country areas', `${multiCountry.length}: ${multiCountry.map((e) => e.expect.residence.region ?? e.id).join('; ')}`);
line('origin vs residence', `${origin.length}: ${origin.map((e) => `${e.expect.origin.country}->${e.expect.residence.country}`).join(' ')}`);
line('briefs with optional fields', `${withOptional.length} (location ${optCount('location')}, ageRange ${optCount('ageRange')}, segment ${optCount('segment')})`);
line('location overrides the text', `${overrides.length}: ${overrides.map((e) => e.id).join(', ')}`);
line('ageRange narrower than life stage', `${narrower.length}: ${narrower.map((e) => e.id).join(', ')}`);

// ---- requirements -----------------------------------------------------------------
const requirements = [
  ['at least 66 briefs', corpus.length >= 66],
  ['at least 30 residence countries', allCountries.size >= 30],
  ['every inhabited continent has a residence', INHABITED.every((c) => byContinent[c].briefs > 0)],
  ['at least 12 distinct life stages', Object.keys(stageCounts).length >= 12],
  ['at least 12 b2b briefs', b2b.length >= 12],
  ['every b2b brief has roles, industries and a company size in its text', b2b.every((e) => /\d/.test(e.brief.description + (e.brief.segment ?? '')) || /\b(mid-size|small|large|startup|sme)/i.test(e.brief.description))],
  ['at least 12 places outside the big common cities', unusual.length >= 12 && unusualCities.size >= 12],
  ['regions/countries/areas present, incl. a multi-country area', areas.length >= 4 && multiCountry.length >= 1],
  ['at least 6 origin-vs-residence briefs', origin.length >= 6],
  ['at least 10 briefs with optional fields', withOptional.length >= 10],
  ['a brief whose location field overrides the text', overrides.length >= 1],
  ['a brief whose ageRange is narrower than its life stage', narrower.length >= 1],
  ['counts between 3 and 8', counts.every((n) => n >= 3 && n <= 8)],
  ['levels mostly standard, some simple', levels.standard > corpus.length / 2 && levels.simple > 0],
];
console.log('\nRequirements');
for (const [label, ok] of requirements) console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${label}`);

if (warnings.length) {
  console.log(`\nWarnings (${warnings.length})`);
  for (const w of warnings) console.log(`  - ${w}`);
}
if (errors.length) {
  console.log(`\nErrors (${errors.length})`);
  for (const e of errors) console.log(`  - ${e}`);
}
const failed = errors.length > 0 || requirements.some(([, ok]) => !ok);
console.log(`\n${failed ? 'FAILED' : 'OK'}: ${errors.length} error(s), ${warnings.length} warning(s), ${requirements.filter(([, ok]) => !ok).length} unmet requirement(s)`);
process.exit(failed ? 1 : 0);
