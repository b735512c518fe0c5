/** The core for a CLI command, refused (saying why on stderr) when app.db cannot be opened. */
import { createCore, type Core, type CoreOptions } from '../main/core';
import { defaultDataDir } from '../main/platform';
import type { CliIo } from './args';

/** For a command that only reads or exports: no resource sampler, no monitor timers. */
export function openCoreQuietly(dataDir: string | undefined, io: CliIo): Core | undefined {
  return openCoreForCli({ dataDir: dataDir ?? defaultDataDir(), resources: null, monitor: { autoStart: false } }, io);
}

/**
 * The core, or undefined after explaining on stderr. A damaged app.db is not worked around here
 * as the app does (in memory, with a banner): a command's result would silently be thrown away.
 */
export function openCoreForCli(options: CoreOptions, io: CliIo): Core | undefined {
  let core: Core;
  try {
    core = createCore(options);
  } catch (error) {
    io.err(`error: ${(error as Error).message}`);
    return undefined;
  }
  const { damaged, backups } = core.recovery.state();
  if (!damaged) return core;
  core.close();
  const way = {
    damaged: backups.length > 0 ? `open Persona Studio to restore one of its ${backups.length} backups or start fresh` : 'open Persona Studio to start fresh (there is no backup yet)',
    newer_version: 'update Persona Studio to open it',
    unavailable: 'check that the folder is writable, the disk has space and no other program holds the file',
  }[damaged.failure];
  io.err(`error: app.db at ${damaged.file} could not be opened: ${damaged.reason}. It was left untouched; ${way}.`);
  return undefined;
}
