/**
 * A persona's versions from its edit rows: version 0 is the persona as generated (the first edit's
 * "before", or the persona itself when never edited), then one version per edit, each with when it
 * was made, how, and which fields changed from the version before.
 */
import type { Persona } from '../../shared/persona';
import type { PersonaVersion } from '../../shared/workshop';
import type { EditRow, StoredPersona } from './persona-rows';

export function personaVersions(stored: StoredPersona, edits: readonly EditRow[]): PersonaVersion[] {
  const original = edits[0] ? (JSON.parse(edits[0].before_json) as Persona) : stored.persona;
  const versions: PersonaVersion[] = [{ version: 0, at: stored.createdAt, changed: [], kind: 'original', persona: original }];
  let before = original;
  edits.forEach((edit, index) => {
    const after = JSON.parse(edit.after_json) as Persona;
    versions.push({ version: index + 1, at: edit.edited_at, changed: changedFields(before, after), kind: edit.kind, persona: after });
    before = after;
  });
  return versions;
}

/** Top-level fields whose values differ, in the order the persona lists them. */
export function changedFields(before: Persona, after: Persona): string[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const a = before as unknown as Record<string, unknown>;
  const b = after as unknown as Record<string, unknown>;
  return keys.filter((key) => !sameValue(a[key], b[key]));
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  for (const key of keys) if (!sameValue(left[key], right[key])) return false;
  return true;
}
