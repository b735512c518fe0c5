import { defineConfig } from 'vitest/config';

// `npm run test:electron`: the Electron variant of the e2e tests, kept out of `npm test` (no binary here).
export default defineConfig({
  test: { include: ['e2e/electron/**/*.electron.ts'], environment: 'node', testTimeout: 60_000, hookTimeout: 60_000, pool: 'forks', fileParallelism: false },
});
