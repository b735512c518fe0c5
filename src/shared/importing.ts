/**
 * Importing personas written elsewhere: what a preview shows (each persona found, with what was
 * read as given, repaired to fit and filled because the source lacked it) and what an import saves.
 */
import { z } from 'zod';
import { BUNDLE_TABLES } from './bundle';
import { IMPORT_EXTENSIONS, IMPORTED_PROVIDER, MAX_IMPORT_FILE_BASE64, MAX_IMPORT_TEXT } from './import-limits';
import { LEVELS, personaSimpleSchema } from './persona';

/** How the source was read: the file's kind, or this app's own formats recognised in it. */
export const IMPORT_FORMATS = ['markdown', 'text', 'json', 'jsonl', 'csv', 'docx', 'tinytroupe', 'persona-studio'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
// Kept zod-free in import-limits.ts for the renderer; named here too for the main side and the CLI.
export { IMPORT_EXTENSIONS, IMPORTED_PROVIDER, MAX_IMPORT_FILE_BASE64, MAX_IMPORT_TEXT };

export const importSourceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('text'), text: z.string().trim().min(1, 'is empty: paste the personas first').max(MAX_IMPORT_TEXT, `is longer than ${MAX_IMPORT_TEXT} characters; import it in parts`) }),
  z.strictObject({
    kind: z.literal('file'),
    fileName: z.string().min(1, 'must name the file').max(255, 'must be at most 255 characters'),
    base64: z.base64('must be the file in base64').min(1, 'is empty: the file has no content').max(MAX_IMPORT_FILE_BASE64, 'is larger than 12 MB; split the file'),
  }),
]);
export type ImportSource = z.output<typeof importSourceSchema>;

export const importedPersonaSchema = z.object({
  /** The persona as it would be imported, valid at the preview's level. */
  persona: personaSimpleSchema,
  /** Top-level fields taken from the source as written (e.g. "name", "goals"). */
  read: z.array(z.string()),
  /** Fields taken from the source but changed to fit (a type coerced, a key renamed, a value cut). */
  repaired: z.array(z.string()),
  /** Fields the source did not have, filled so the persona is complete: shown so the user can fix them. */
  filled: z.array(z.string()),
  /** "archetype" when the source gave a role title ("The Busy Founder") and no personal name. */
  nameKind: z.enum(['person', 'archetype']),
  /** The fidelity score every run's personas get (fit to the description when one is given). */
  score: z.number().min(0).max(100),
});
export type ImportedPersona = z.output<typeof importedPersonaSchema>;

export const importPreviewSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('personas'),
    sourceName: z.string(),
    format: z.enum(IMPORT_FORMATS),
    level: z.enum(LEVELS),
    personas: z.array(importedPersonaSchema).min(1),
    /** What the reader noticed about the whole source: reasoning dropped, a duplicate merged, fewer personas than announced. */
    notes: z.array(z.string()),
    /** Personas the text announced ("here are 5 personas"), when it said; null otherwise. */
    announced: z.int().min(0).nullable(),
  }),
  /** The file is a workshop bundle: it is imported whole with bundles:import, not previewed persona by persona. */
  z.object({
    kind: z.literal('bundle'),
    sourceName: z.string(),
    workshopName: z.string(),
    counts: z.object(Object.fromEntries(BUNDLE_TABLES.map((t) => [t, z.int().min(0)])) as Record<(typeof BUNDLE_TABLES)[number], z.ZodInt>),
  }),
]);
export type ImportPreview = z.output<typeof importPreviewSchema>;
export type PersonaImportPreview = Extract<ImportPreview, { kind: 'personas' }>;
