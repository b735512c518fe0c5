/**
 * The modules under src/main and what each may import: the one table the lint rule
 * (.dependency-cruiser.cjs), its test and docs/ARCHITECTURE.md follow. Layered: a module lists only
 * modules above it in this list, so no two modules can depend on each other.
 */
const MAY_IMPORT = {
  platform: [],
  world: ['platform'],
  settings: ['platform'],
  scheduler: ['platform'],
  validation: ['world', 'platform'],
  cache: ['world', 'platform'],
  providers: ['settings', 'scheduler', 'validation', 'cache', 'world', 'platform'],
  generation: ['providers', 'validation', 'cache', 'scheduler', 'world', 'platform'],
  workshops: ['generation', 'platform'],
  importing: ['workshops', 'generation', 'validation', 'world', 'platform'],
  asking: ['workshops', 'generation', 'providers', 'cache', 'scheduler', 'validation', 'world', 'settings', 'platform'],
  summarizing: ['asking', 'workshops', 'providers', 'scheduler', 'world', 'platform'],
  monitoring: ['generation', 'providers', 'cache', 'scheduler', 'validation', 'settings', 'platform'],
  reports: ['summarizing', 'asking', 'workshops', 'validation', 'platform'],
  core: ['reports', 'monitoring', 'summarizing', 'asking', 'importing', 'workshops', 'generation', 'providers', 'cache', 'validation', 'scheduler', 'settings', 'world', 'platform'],
  ipc: ['core', 'reports', 'asking', 'importing', 'workshops', 'generation', 'settings', 'platform'],
  web: ['ipc', 'core', 'platform'],
};

module.exports = { MAY_IMPORT };
