/** The two Electron IPC channels every contract call and event travels on. */
export const IPC_INVOKE_CHANNEL = 'persona-studio:invoke';
export const IPC_EVENT_CHANNEL = 'persona-studio:event';
