import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder holding the app's package.json: the repository in development, the app folder once
 * built. Found by walking up, because sources sit deeper than the bundle (out/main/index.js).
 */
export const APP_ROOT = findAppRoot(path.dirname(fileURLToPath(import.meta.url)));

export const DATASET_DIR = path.join(APP_ROOT, 'resources', 'dataset');

function findAppRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(from, '../..');
  }
}
