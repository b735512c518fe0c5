/**
 * Checks a provider's answer against the level's schema before anything is stored. Structured
 * answers must validate as they are; text answers are parsed as JSON. (Schema repair of broken
 * LLM answers arrives with issue 3 and plugs in here.)
 */
import { PERSONA_SCHEMAS, type Level, type Persona, type ReportIssue, type ValidationReport } from '../../shared/persona';
import type { ProviderOutput } from '../providers/types';

export class InvalidProviderOutputError extends Error {
  override name = 'InvalidProviderOutputError';
  constructor(
    message: string,
    readonly issues: ReportIssue[],
  ) {
    super(message);
  }
}

export interface ValidatedOutput {
  personas: Persona[];
  issues: ReportIssue[];
}

export function validateProviderOutput(output: ProviderOutput, level: Level, expected: number): ValidatedOutput {
  const candidates = output.format === 'objects' ? output.personas : personasFromText(output.text);
  const schema = PERSONA_SCHEMAS[level];
  const personas: Persona[] = [];
  const issues: ReportIssue[] = [];
  candidates.forEach((candidate, index) => {
    const parsed = schema.safeParse(candidate);
    if (parsed.success) {
      personas.push(parsed.data);
      return;
    }
    for (const issue of parsed.error.issues) {
      issues.push({
        type: issue.code === 'invalid_type' && issue.input === undefined ? 'missing_field' : issue.code === 'invalid_type' ? 'invalid_type' : 'constraint_violation',
        path: `/personas/${index}/${issue.path.join('/')}`,
        fixed: false,
        how: issue.message,
      });
    }
  });
  if (issues.length > 0) {
    const first = issues[0]!;
    throw new InvalidProviderOutputError(`The provider's answer does not match the ${level} persona schema at ${first.path}: ${first.how}`, issues);
  }
  if (personas.length < expected) {
    throw new InvalidProviderOutputError(`The provider returned ${personas.length} of the ${expected} personas asked for.`, [
      { type: 'missing_field', path: '/personas', fixed: false, how: `${expected - personas.length} personas missing` },
    ]);
  }
  return { personas: personas.slice(0, expected), issues };
}

function personasFromText(text: string): unknown[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InvalidProviderOutputError(`The provider's answer is not valid JSON (${(error as Error).message}).`, [
      { type: 'malformed_json', fixed: false, how: (error as Error).message },
    ]);
  }
  if (Array.isArray(value)) return value;
  if (value && typeof value === 'object' && Array.isArray((value as { personas?: unknown }).personas)) {
    return (value as { personas: unknown[] }).personas;
  }
  throw new InvalidProviderOutputError('The provider answered JSON without a personas array.', [
    { type: 'missing_field', path: '/personas', fixed: false, how: 'no personas array' },
  ]);
}

export function reportFor(issues: readonly ReportIssue[], score: number): ValidationReport {
  return { valid: issues.every((i) => i.fixed), score, issues: [...issues] };
}
