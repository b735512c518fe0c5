/** Cores on fresh data folders for the workshop tests, closed after each test, and the briefs they use. */
import { afterEach } from 'vitest';
import { createCore, type Core } from '../../src/main/core/core';
import { briefInputSchema, type BriefInput } from '../../src/shared/brief';
import { tempDir } from '../helpers';

export function workshopCores() {
  const cores: Core[] = [];
  afterEach(() => {
    for (const core of cores.splice(0)) core.close();
  });
  return {
    LYON: 'Eco-friendly meal-kit delivery for busy parents in Lyon',
    PORTO: 'Language-learning app for retirees in Porto',
    brief: (description: string, extra: Partial<BriefInput> = {}) => briefInputSchema.parse({ description, count: 3, level: 'standard', ...extra }),
    /** A core without the resource sampler or the monitor's timers; closed after the test unless `closeCore` was called. */
    openCore(dataDir = tempDir()): Core {
      const core = createCore({ dataDir, resources: null, monitor: { autoStart: false } });
      cores.push(core);
      return core;
    },
    closeCore(core: Core): void {
      cores.splice(cores.indexOf(core), 1);
      core.close();
    },
  };
}
