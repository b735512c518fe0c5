/** The world data under resources/ is what scripts/build-geo-data.ts derives from the pinned packages, unchanged. */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildGeoData } from '../scripts/build-geo-data';
import { REPO_ROOT } from './helpers';

/** A committed file's text: a `.br` file decompressed (Brotli's bytes may differ between library versions, its text may not). */
function committedText(file: string): string {
  const bytes = fs.readFileSync(path.join(REPO_ROOT, file));
  return (file.endsWith('.br') ? zlib.brotliDecompressSync(bytes) : bytes).toString('utf8');
}

describe('world data', () => {
  it('each generated file matches a fresh build (run npm run data:build after changing the script or the packages)', async () => {
    for (const { file, content } of await buildGeoData()) {
      expect(committedText(file) === content, `${file} has drifted from its build`).toBe(true);
    }
  });

  it('keeps the small towns compact: read only when a brief names one', () => {
    expect(fs.statSync(path.join(REPO_ROOT, 'resources/geo/towns.tsv.br')).size).toBeLessThan(3_000_000);
  });
});
