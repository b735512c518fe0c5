import type { PersonaStudioBridge } from '../shared/ipc/types';

declare global {
  interface Window {
    /** Set by the preload in Electron, or by the browser-mode client. */
    personaStudio?: PersonaStudioBridge;
  }
}
