/**
 * Things a person's text can say that need a certain age: teenage children, grown-up children,
 * grandchildren, retirement. The engine keeps such lines from people too young for them, and the
 * fidelity scorer counts them as a contradiction when they appear anyway.
 */
export interface AgeCue {
  pattern: RegExp;
  minAge: number;
  /** How the scorer says it: "Teenage children at 26." */
  says: string;
}

const AGE_CUES: readonly AgeCue[] = [
  { pattern: /\bteen(age)? (son|daughter|child|children|kid|kids|sons|daughters)\b|\bteenagers at home\b|\bour teenagers?\b|\bmy teenagers?\b/, minAge: 31, says: 'Teenage children' },
  { pattern: /\bgrown[- ]up (children|kids|son|daughter|sons|daughters)\b|\badult (children|son|daughter)\b|\bchildren (have )?(left|moved out)\b|\bempty nest\b/, minAge: 40, says: 'Grown-up children' },
  { pattern: /\bgrand(child|children|son|daughter|kids?)\b/, minAge: 40, says: 'Grandchildren' },
];

/** The cues a text makes that do not fit this age. */
export function ageMismatches(text: string, age: number): AgeCue[] {
  const lower = text.toLowerCase();
  return AGE_CUES.filter((cue) => age < cue.minAge && cue.pattern.test(lower));
}
