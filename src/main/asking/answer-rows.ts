/**
 * How an answer and a verdict are kept in a row: the answer's text in its own column (searched), the
 * rest as JSON; read back through the contract's schemas, so a row that is not what this version
 * wrote fails loudly instead of reaching the window half-read.
 */
import { answerSchema, conceptVerdictSchema, type Answer, type ConceptVerdict } from '../../shared/conversations';

export function storedAnswer(answer: Answer): { text: string; json: string } {
  const { text, ...rest } = answer;
  return { text, json: JSON.stringify(rest) };
}

export function readAnswer(text: string, json: string): Answer {
  return answerSchema.parse({ ...(JSON.parse(json) as object), text });
}

/** A verdict without its persona's name, which is read from the persona as it is now. */
export function storedVerdict(verdict: ConceptVerdict): string {
  const { personaName: _name, personaId: _id, ...rest } = verdict;
  return JSON.stringify(rest);
}

export function readVerdict(personaId: string, personaName: string, json: string): ConceptVerdict {
  return conceptVerdictSchema.parse({ ...(JSON.parse(json) as object), personaId, personaName });
}

/** `query` as a LIKE pattern matching it anywhere, its own % and _ taken literally (ESCAPE '\'). */
export function likePattern(query: string): string {
  return `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
