/**
 * The importing module: personas written elsewhere (Markdown, prose, JSON, JSON lines, CSV, Word,
 * this app's own exports, TinyTroupe specs) previewed with what was read, repaired and filled, then
 * saved as a run marked "imported"; a workshop bundle is recognised and left to bundles:import.
 * Its whole public surface; docs/ARCHITECTURE.md says what it may import.
 */
export { Importing } from './importing';
export type { PreviewRequest } from './importing';
export type { CommitRequest } from './commit';
export type { Inspection } from './preview';
