/**
 * Answers as an LLM would send them, built from offline-engine personas: the clean JSON, and
 * seeded damage of the kinds repair must survive. Shared by the fuzz test and the repair benchmark.
 */
import { analyzeBrief } from '../../src/main/world/brief-analysis';
import { loadDataset } from '../../src/main/world/dataset';
import type { SeededRandom } from '../../src/main/world/random';
import { DATASET_DIR } from '../../src/main/platform/app-root';
import { BundledCultureSource } from '../../src/main/providers/culture/bundled-culture';
import { OfflineEngine } from '../../src/main/providers/llm/offline/offline-engine';
import type { PersonaRequest } from '../../src/main/providers/types';
import type { Level } from '../../src/shared/persona';

export type RawPersona = Record<string, unknown>;

/** Engine personas without the app's own id and meta: what a good LLM answer holds. */
export async function enginePersonas(level: Level, count: number, seed: number, description = 'Eco-friendly meal-kit delivery for busy parents in Lyon'): Promise<RawPersona[]> {
  const request = await personaRequestFor(description, level, count, seed);
  const output = await new OfflineEngine(() => loadDataset(DATASET_DIR)).generate(request, { signal: new AbortController().signal });
  if (output.format !== 'objects') throw new Error('the offline engine answers with objects');
  return output.personas.map((p) => {
    const { id: _id, meta: _meta, ...rest } = p as RawPersona;
    return rest;
  });
}

/** A provider request for a brief, analysed and with the bundled dataset's cultural constraints. */
export async function personaRequestFor(description: string, level: Level, count: number, seed: number): Promise<PersonaRequest> {
  const dataset = loadDataset(DATASET_DIR);
  const brief = { description, count, level, seed, language: 'en', location: undefined, segment: undefined };
  const analysis = analyzeBrief(brief, dataset);
  const culture = await new BundledCultureSource(() => dataset).constraintsFor(analysis, new AbortController().signal);
  return { brief, level, count, seed, analysis, culture };
}

const SNAKE: Record<string, string> = { painPoints: 'pain_points', culturalProfile: 'cultural_profile', incomeBracket: 'income_level', interests: 'hobbies', occupation: 'job_title' };

/**
 * The benchmark's damaged answer: preamble, fence, snake_case and synonym keys, ages and places
 * as text, lists as text, then trailing commas, a comment, single quotes, Python literals and a
 * closing remark.
 */
export function damageLikeAnLlm(personas: readonly RawPersona[]): string {
  const reshaped = personas.map((p) => {
    const out: RawPersona = {};
    for (const [key, value] of Object.entries(p)) {
      if (key === 'age') out.age = `${String(value)} years old`;
      else if (key === 'location') {
        const loc = value as { city: string; country: string };
        out.location = `${loc.city}, ${loc.country}`;
      } else if (key === 'values' && Array.isArray(value)) out.values = value.join(', ');
      else out[SNAKE[key] ?? key] = value;
    }
    out.is_primary = true;
    return out;
  });
  const json = JSON.stringify({ personas: reshaped }, null, 1)
    .replace(/("[^"]+"): true/g, "$1: True")
    .replace(/\n(\s*)\]/g, ',\n$1]')
    .replace(/"job_title": "([^"']+)"/g, "'job_title': '$1'")
    .replace('{\n "personas"', '{\n // five personas for the brief\n "personas"');
  return `Sure! Here are the personas you asked for:\n\n\`\`\`json\n${json}\n\`\`\`\n\nLet me know if you want me to adjust any of them.`;
}

const NOISE = ['{', '}', '[', ']', '"', "'", ',', ':', '\n', '```', '```json\n', 'null', 'True', 'None', '// note\n', '/* c */', '...', '“', '”', '\\', 'NaN', '-', '0', 'undefined', '<name>'];
const KEY_VARIANTS: Record<string, string[]> = {
  '"name"': ['"Name"', '"full_name"', 'name', "'name'"],
  '"age"': ['"Age"', '"age_years"', 'age'],
  '"painPoints"': ['"pain_points"', '"Frustrations"', '"challenges"'],
  '"occupation"': ['"job"', '"Profession"', '"role"'],
  '"location"': ['"Location"', '"based_in"', '"city"'],
  '"interests"': ['"hobbies"', '"Interests"'],
  '"culturalProfile"': ['"cultural_preferences"', '"tastes"', '"culture"'],
};

/** One to four seeded mutations of a valid answer: cuts, noise, key variants, wrappers, retyped values. */
export function mutateAnswer(text: string, rng: SeededRandom): string {
  let out = text;
  const steps = rng.int(1, 4);
  for (let s = 0; s < steps; s++) {
    const at = rng.int(0, Math.max(0, out.length - 1));
    switch (rng.int(0, 9)) {
      case 0:
        out = out.slice(0, at);
        break;
      case 1:
        out = out.slice(0, at) + rng.pick(NOISE) + out.slice(at);
        break;
      case 2:
        out = out.slice(0, at) + out.slice(Math.min(out.length, at + rng.int(1, 80)));
        break;
      case 3: {
        const [key, variants] = rng.pick(Object.entries(KEY_VARIANTS));
        out = out.split(key).join(rng.pick(variants));
        break;
      }
      case 4:
        out = rng.pick([`Here you go:\n${out}`, `\`\`\`json\n${out}\n\`\`\``, `${out}\n\nHope this helps!`, JSON.stringify(out), `{"data": ${out}}`, `{"result": {"personas": ${out}}}`]);
        break;
      case 5:
        out = out.replace(/"age": (\d+)/g, (_, n: string) => rng.pick([`"age": "${n} years old"`, `"age": "${n}"`, '"age": null', '"age": "mid-thirties"', '"age": [30, 35]', '"age": -4', '"age": 1000']));
        break;
      case 6:
        out = out.replace(/"(goals|painPoints|interests)": \[([^\]]*)\]/g, (_, key: string, items: string) =>
          rng.pick([`"${key}": ${JSON.stringify(items.replace(/"/g, ''))}`, `"${key}": []`, `"${key}": {"a": ${items.split(',')[0] || '1'}}`, `"${key}": 7`]),
        );
        break;
      case 7: {
        const slice = out.slice(at, at + rng.int(1, 200));
        out = out.slice(0, at) + slice + slice + out.slice(at + slice.length);
        break;
      }
      case 8:
        out = out.replace(/"/g, () => (rng.next() < 0.1 ? rng.pick(["'", '“', '']) : '"'));
        break;
      default:
        out = out.replace(/"(city|country|name|bio|occupation)": "[^"]*"/, (m) => (rng.next() < 0.5 ? m.replace(/: "[^"]*"/, ': ""') : m.replace(/: "[^"]*"/, `: "${'x'.repeat(rng.int(100, 2500))}"`)));
    }
  }
  return out;
}
