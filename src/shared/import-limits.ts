/**
 * What the Import screen and the CLI accept, as plain data: importing.ts builds its zod schemas
 * from these, and the renderer reads them without bundling zod.
 */

/** Files the Import screen and the CLI accept, by extension (a bundle is `.psw.json.gz`). */
export const IMPORT_EXTENSIONS = ['.md', '.markdown', '.txt', '.json', '.jsonl', '.ndjson', '.csv', '.docx', '.gz'] as const;
/** Characters of pasted text: far above any persona answer, low enough to preview at once. */
export const MAX_IMPORT_TEXT = 2_000_000;
/** Base64 of a dropped file (16 MB): a .docx with pictures fits, one request cannot swamp the main process. */
export const MAX_IMPORT_FILE_BASE64 = 16 * 1_048_576;
/** The provider a run of imported personas is stored under: History and reports show it as "imported". */
export const IMPORTED_PROVIDER = 'imported';
