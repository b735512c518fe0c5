/** The core for a command that only reads or exports: no resource sampler, no monitor timers. */
import { createCore, type Core } from '../main/core';
import { defaultDataDir } from '../main/data-dir';
import type { CliIo } from './args';

/** The core, or undefined after saying on stderr why the data folder could not be opened. */
export function openCoreQuietly(dataDir: string | undefined, io: CliIo): Core | undefined {
  try {
    return createCore({ dataDir: dataDir ?? defaultDataDir(), resources: null, monitor: { autoStart: false } });
  } catch (error) {
    io.err(`error: ${(error as Error).message}`);
    return undefined;
  }
}
