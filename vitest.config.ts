import { configDefaults, defineConfig } from 'vitest/config';
import { skippedTestFiles } from './test/support/system-tools';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'e2e/**/*.e2e.test.ts'],
    // Files whose system programs (Chromium, poppler, fonts) are missing, named by `npm test`'s set-up step; none under CI.
    exclude: [...configDefaults.exclude, ...skippedTestFiles()],
    // Builds the renderer for the browser e2e tests when it is missing or stale.
    globalSetup: ['e2e/global-setup.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
