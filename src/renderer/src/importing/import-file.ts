/** A file chosen or dropped for import: checked by name and size here, read into base64 for import:preview. */
import { IMPORT_EXTENSIONS, MAX_IMPORT_FILE_BASE64 } from '../../../shared/import-limits';

export interface FileSource {
  fileName: string;
  /** Bytes, for "notes.md (12 KB)". */
  size: number;
  base64: string;
}

/** The file picker's accept list: ".md,.markdown,…". */
export const ACCEPTED_FILES = IMPORT_EXTENSIONS.join(',');

/** "12 KB", "1.4 MB". */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1_048_576) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1_048_576).toFixed(1)} MB`;
}

const MAX_FILE_BYTES = Math.floor(MAX_IMPORT_FILE_BASE64 / 4) * 3;

export function readImportFile(file: File): Promise<FileSource> {
  const name = file.name.toLowerCase();
  if (!IMPORT_EXTENSIONS.some((extension) => name.endsWith(extension))) {
    return Promise.reject(new Error(`${file.name} is not a file the import reads: choose a ${IMPORT_EXTENSIONS.filter((e) => e !== '.gz').join(', ')} file, or a workshop bundle (.psw.json.gz).`));
  }
  if (file.size === 0) return Promise.reject(new Error(`${file.name} is empty: choose the file that holds the personas.`));
  if (file.size > MAX_FILE_BYTES) return Promise.reject(new Error(`${file.name} is ${fileSize(file.size)}, more than the ${fileSize(MAX_FILE_BYTES)} an import takes: split it, or paste the part with the personas.`));
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve({ fileName: file.name, size: file.size, base64: url.slice(url.indexOf(',') + 1) });
    };
    reader.onerror = () => reject(new Error(`${file.name} could not be read: ${reader.error?.message ?? 'the browser refused it'}. Try choosing it again.`));
    reader.readAsDataURL(file);
  });
}
