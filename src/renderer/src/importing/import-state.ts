/**
 * What the Import screen holds between visits, and what the Workshop screen hands it: the pasted
 * text, the file chosen or dropped (read into base64 once), the level and description, and whether
 * a dropped file should be previewed as soon as the screen shows it.
 */
import { create } from 'zustand';
import type { Level } from '../../../shared/vocabulary';
import { readImportFile, type FileSource } from './import-file';

interface ImportState {
  text: string;
  file: FileSource | null;
  /** A file that could not be taken (its type, its size, unreadable): said beside the file picker. */
  fileError: string | null;
  level: Level;
  description: string;
  /** Set by a drop or a file chosen: the screen previews it once and clears this. */
  previewWanted: boolean;
}

export const useImportState = create<ImportState>(() => ({
  text: '',
  file: null,
  fileError: null,
  level: 'standard',
  description: '',
  previewWanted: false,
}));

export const setImportField = (change: Partial<Pick<ImportState, 'text' | 'level' | 'description'>>): void => useImportState.setState(change);

export const clearImportFile = (): void => useImportState.setState({ file: null, fileError: null });

/** The text and file go once imported; the level and description stay for the next source. */
export const clearImportSource = (): void => useImportState.setState({ text: '', file: null, fileError: null, previewWanted: false });

/** Takes the screen's wish to preview, once. */
export function takePreviewWish(): boolean {
  const wanted = useImportState.getState().previewWanted;
  if (wanted) useImportState.setState({ previewWanted: false });
  return wanted;
}

/** Reads a chosen or dropped file; once read it replaces any file before and is previewed. */
export async function takeImportFile(file: File): Promise<void> {
  try {
    const source = await readImportFile(file);
    useImportState.setState({ file: source, fileError: null, previewWanted: true });
  } catch (error) {
    useImportState.setState({ file: null, fileError: error instanceof Error ? error.message : String(error), previewWanted: false });
  }
}
