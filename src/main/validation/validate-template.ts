/**
 * validateTemplate: checks a prompt template before any provider is called. Its placeholders must
 * be known and closed, it must carry the brief and the count, it must ask for every field the
 * level requires (or include {{schema}}), and the cultural placeholders must name categories the
 * cultural source actually supplies. Errors block the call; warnings cost repairs later.
 */
import { CULTURAL_CATEGORIES, type Level } from '../../shared/persona';
import type { CulturalConstraints } from '../world';
import { resolveKey } from './field-aliases';

export const TEMPLATE_PLACEHOLDERS = [
  'brief', 'description', 'count', 'level', 'location', 'ageRange', 'segment', 'language', 'schema', 'fields', 'exclude', 'culture',
  ...CULTURAL_CATEGORIES.map((c) => `culture.${c}`),
] as const;

export type TemplateProblemCode = 'unclosed_placeholder' | 'unknown_placeholder' | 'missing_placeholder' | 'missing_field' | 'empty_culture' | 'renamed_field' | 'ungrounded_culture';

export interface TemplateProblem {
  code: TemplateProblemCode;
  message: string;
  placeholder?: string;
  field?: string;
}

export interface TemplateCheck {
  valid: boolean;
  errors: TemplateProblem[];
  warnings: TemplateProblem[];
  placeholders: string[];
}

/** Top-level fields each level requires, as the template must name them when it has no {{schema}}. */
const REQUIRED_FIELDS: Record<Level, readonly string[]> = {
  simple: ['name', 'age', 'location', 'occupation', 'bio', 'goals', 'painPoints', 'interests'],
  standard: ['name', 'age', 'location', 'occupation', 'bio', 'quote', 'goals', 'painPoints', 'values', 'interests', 'channels', 'culturalProfile'],
  b2b: ['name', 'age', 'location', 'occupation', 'bio', 'quote', 'goals', 'painPoints', 'values', 'interests', 'channels', 'culturalProfile', 'b2b'],
};

const known: ReadonlySet<string> = new Set(TEMPLATE_PLACEHOLDERS);

export function validateTemplate(template: string, level: Level, constraints?: Pick<CulturalConstraints, 'source' | 'categories'>): TemplateCheck {
  const errors: TemplateProblem[] = [];
  const warnings: TemplateProblem[] = [];
  const placeholders: string[] = [];

  const pattern = /\{\{\s*([^{}]*?)\s*\}\}/g;
  for (let m = pattern.exec(template); m; m = pattern.exec(template)) {
    const name = m[1]!;
    placeholders.push(name);
    if (!known.has(name)) {
      const suggestion = closest(name);
      errors.push({ code: 'unknown_placeholder', placeholder: name, message: `{{${name}}} is not a placeholder${suggestion ? `; did you mean {{${suggestion}}}?` : ''} The placeholders are ${TEMPLATE_PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ')}.` });
    }
  }
  const stripped = template.replace(pattern, '');
  const unclosed = stripped.search(/\{\{|\}\}/);
  if (unclosed >= 0) errors.push({ code: 'unclosed_placeholder', message: `A placeholder is not closed near character ${unclosed + 1}: write it as {{name}}.` });

  const has = (name: string) => placeholders.includes(name);
  if (!has('brief') && !has('description')) errors.push({ code: 'missing_placeholder', placeholder: 'brief', message: 'The template never includes the brief: add {{brief}} (or {{description}}).' });
  if (!has('count')) errors.push({ code: 'missing_placeholder', placeholder: 'count', message: 'The template never says how many personas to write: add {{count}}.' });

  if (!has('schema')) {
    const missing = REQUIRED_FIELDS[level].filter((field) => !new RegExp(`\\b${field}\\b`).test(stripped));
    for (const field of missing) {
      errors.push({ code: 'missing_field', field, message: `At level ${level} every persona needs "${field}", which the template never asks for: name it, or include {{schema}}.` });
    }
    for (const word of new Set(stripped.match(/["'`]?\b[A-Za-z][A-Za-z_ -]{2,30}\b["'`]?(?=\s*:)/g) ?? [])) {
      const key = word.replace(/["'`]/g, '').trim();
      const target = resolveKey('persona', key);
      const canonical = target?.kind === 'field' ? target.field : undefined;
      if (canonical && canonical !== key) warnings.push({ code: 'renamed_field', field: key, message: `The template asks for "${key}"; the schema calls it "${canonical}". Repair maps it, but asking for the schema's name saves a repair per persona.` });
    }
  }

  const cultural = placeholders.filter((p) => p === 'culture' || p.startsWith('culture.'));
  if (constraints) {
    for (const placeholder of cultural) {
      const categories = placeholder === 'culture' ? CULTURAL_CATEGORIES : [placeholder.slice('culture.'.length)];
      for (const category of categories) {
        const candidates = constraints.categories[category as (typeof CULTURAL_CATEGORIES)[number]];
        if (candidates !== undefined && candidates.length === 0) {
          const problem: TemplateProblem = { code: 'empty_culture', placeholder, message: `The cultural source "${constraints.source}" supplies no ${category} for this brief, so {{${placeholder}}} would be empty.` };
          if (placeholder === 'culture') warnings.push(problem);
          else errors.push({ ...problem, message: `${problem.message} Remove it, or use a source that has ${category}.` });
        }
      }
    }
  }
  if (level !== 'simple' && cultural.length === 0) {
    warnings.push({ code: 'ungrounded_culture', message: `At level ${level} personas carry a cultural profile, but the template includes no {{culture}} placeholder: the model will invent one instead of drawing on the cultural data.` });
  }
  return { valid: errors.length === 0, errors, warnings, placeholders };
}

function closest(name: string): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of TEMPLATE_PLACEHOLDERS) {
    const d = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}
