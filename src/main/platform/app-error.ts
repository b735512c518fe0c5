/**
 * An error meant for the person at the other end: what went wrong and what to do, with the code
 * every transport reports it under (the IPC dispatcher maps it in one place; the CLI prints it).
 * Anything else thrown is a bug, reported as internal.
 */
import type { IpcErrorCode } from '../../shared/ipc/types';

export type AppErrorCode = Exclude<IpcErrorCode, 'unknown_channel'>;

export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly code: AppErrorCode,
    message: string,
    /** The request field that is wrong or names what was not found, when one does. */
    readonly field?: string,
  ) {
    super(message);
  }
}
