/** What the built-in engine's answers take and give: the shapes the asking module codes against. */
import type { ProfileField } from '../../../shared/conversations';
import type { Brief, Persona } from '../../../shared/persona';

export interface AskContext {
  persona: Persona;
  brief: Brief;
  seed: number;
  history: ReadonlyArray<{ question: string; answer: string }>;
  /** The other personas' answers already given to the same question (a focus group), so no two read alike. */
  othersAnswers?: readonly string[];
}

export interface ComposedAnswer {
  text: string;
  grounding: ProfileField[];
}
