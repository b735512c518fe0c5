/** Reading the bundled data files: JSON checked with zod, and one error that says which file is wrong and what to do. */
import fs from 'node:fs';
import type { z } from 'zod';

export class DatasetError extends Error {
  override name = 'DatasetError';
}

export function readDataFile<T>(file: string, schema: z.ZodType<T>): T {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new DatasetError(`The bundled data file ${file} cannot be read (${(error as Error).message}); reinstall Persona Studio.`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    throw new DatasetError(`The bundled data file ${file} is malformed at /${first.path.join('/')}: ${first.message}`);
  }
  return parsed.data;
}
