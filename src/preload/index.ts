/**
 * The only bridge between the page and the main process: invoke a contract channel, listen to a
 * contract event. Everything crosses two fixed IPC channels and main validates every request, so
 * this file holds no list of channels to keep in sync.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { PersonaStudioBridge } from '../shared/ipc/types';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '../shared/ipc/transport';

const bridge: PersonaStudioBridge = {
  invoke: (channel, request) => ipcRenderer.invoke(IPC_INVOKE_CHANNEL, channel, request),
  on: (event, listener) => {
    const forward = (_: IpcRendererEvent, name: unknown, payload: unknown) => {
      if (name === event) listener(payload as Parameters<typeof listener>[0]);
    };
    ipcRenderer.on(IPC_EVENT_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT_CHANNEL, forward);
    };
  },
};

contextBridge.exposeInMainWorld('personaStudio', bridge);
