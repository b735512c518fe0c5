import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Two levels above this file: the repository in development, the app folder once built (out/main). */
export const APP_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export const DATASET_DIR = path.join(APP_ROOT, 'resources', 'dataset');
