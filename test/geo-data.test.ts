/** The world data under resources/ is what scripts/build-geo-data.ts derives from the pinned packages, unchanged. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildGeoData } from '../scripts/build-geo-data';
import { REPO_ROOT } from './helpers';

describe('world data', () => {
  it('each generated file matches a fresh build (run npm run data:build after changing the script or the packages)', async () => {
    for (const { file, content } of await buildGeoData()) {
      const committed = fs.readFileSync(path.join(REPO_ROOT, file), 'utf8');
      expect(committed === content, `${file} has drifted from its build`).toBe(true);
    }
  });
});
