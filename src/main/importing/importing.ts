/**
 * Importing personas written elsewhere, as the transports call it: preview what a source holds,
 * then save the chosen personas as a run. The IPC source (base64) becomes bytes here, once.
 */
import type { ImportPreview, ImportSource } from '../../shared/importing';
import type { Level } from '../../shared/persona';
import type { RunSummary } from '../../shared/workshop';
import type { WorkshopStore } from '../workshops';
import type { TasteDataset } from '../world';
import { commitImport, type CommitRequest } from './commit';
import { inspectSource, type Inspection } from './preview';
import type { SourceInput } from './read-source';

export interface PreviewRequest {
  source: ImportSource;
  level: Level;
  description?: string | undefined;
}

/** What pasted text is called in notes and titles, unless the caller knows better ("standard input"). */
const PASTED = 'pasted text';

export class Importing {
  constructor(
    private readonly store: WorkshopStore,
    private readonly dataset: () => TasteDataset,
  ) {}

  async preview(request: PreviewRequest): Promise<ImportPreview> {
    return (await this.inspect(request)).preview;
  }

  /** The preview with the repaired document behind it (`import --dry-run --json` prints it). */
  inspect(request: PreviewRequest, options: { textName?: string } = {}): Promise<Inspection> {
    const { source } = request;
    const input: SourceInput =
      source.kind === 'text' ? { kind: 'text', text: source.text, name: options.textName ?? PASTED } : { kind: 'file', fileName: source.fileName, bytes: Buffer.from(source.base64, 'base64') };
    return inspectSource(input, request.level, request.description, this.dataset());
  }

  commit(request: CommitRequest): RunSummary {
    return commitImport(request, this.store, this.dataset());
  }
}
