/** Words the Import screen uses for what the core reports: formats, the summary line, counts of a bundle. */
import type { BundleTable } from '../../../shared/bundle';
import type { ImportFormat, PersonaImportPreview } from '../../../shared/importing';
import { plural } from '../ui/labels';

export const FORMAT_LABELS: Record<ImportFormat, string> = {
  markdown: 'Markdown',
  text: 'plain text',
  json: 'JSON',
  jsonl: 'JSON Lines',
  csv: 'CSV',
  docx: 'Word document',
  tinytroupe: 'TinyTroupe agents',
  'persona-studio': 'Persona Studio export',
};

/** "3 personas found in notes.md (Markdown) — the text announced 4". */
export function previewSummary(preview: PersonaImportPreview): string {
  const found = `${plural(preview.personas.length, 'persona')} found in ${preview.sourceName} (${FORMAT_LABELS[preview.format]})`;
  return preview.announced !== null && preview.announced !== preview.personas.length ? `${found} — the text announced ${preview.announced}` : found;
}

/** What a bundle holds, as a sentence's tail: "2 runs, 7 personas, 1 interview". Tables of rows the user does not count (briefs, turns, answers) are left out. */
export function bundleCounts(counts: Record<BundleTable, number>): string {
  const parts = [plural(counts.runs, 'run'), plural(counts.personas, 'persona')];
  if (counts.edits) parts.push(plural(counts.edits, 'edit'));
  if (counts.interviews) parts.push(plural(counts.interviews, 'interview'));
  if (counts.focus_groups) parts.push(plural(counts.focus_groups, 'focus group'));
  if (counts.concept_tests) parts.push(plural(counts.concept_tests, 'concept test'));
  return parts.join(', ');
}

/** Field names as the user knows them: "painPoints" → "pain points". */
export function fieldLabel(field: string): string {
  return field.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_.]/g, ' ').toLowerCase();
}
