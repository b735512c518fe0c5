/**
 * Binds the contract to Electron IPC. Like VS Code's validated ipcMain, a request is answered only
 * when it comes from our own window's main frame on our own page; anything else gets 'forbidden'.
 */
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '../shared/ipc/transport';
import type { IpcResult } from '../shared/ipc/types';
import type { Dispatch } from '../main/ipc';
import { isTrustedSender } from '../main/platform';

export interface ElectronBindingOptions {
  dispatch: Dispatch;
  /** Whether a URL is the app's own page (file:// build or the dev server). */
  isAppUrl: (url: string) => boolean;
  /** The windows allowed to call. */
  isOwnWindow: (contents: WebContents) => boolean;
}

export function bindElectronIpc({ dispatch, isAppUrl, isOwnWindow }: ElectronBindingOptions): () => void {
  ipcMain.handle(IPC_INVOKE_CHANNEL, async (event: IpcMainInvokeEvent, channel: unknown, payload: unknown): Promise<IpcResult<unknown>> => {
    const frame = event.senderFrame;
    const sender = { frameUrl: frame?.url ?? null, isMainFrame: frame?.parent === null, ownWindow: isOwnWindow(event.sender) };
    if (!isTrustedSender(sender, isAppUrl)) {
      return { ok: false, error: { code: 'forbidden', message: 'Requests are accepted only from the Persona Studio window.' } };
    }
    const contents = event.sender;
    return dispatch(typeof channel === 'string' ? channel : String(channel), payload, {
      emit: (name, body) => {
        if (!contents.isDestroyed()) contents.send(IPC_EVENT_CHANNEL, name, body);
      },
    });
  });
  return () => ipcMain.removeHandler(IPC_INVOKE_CHANNEL);
}
