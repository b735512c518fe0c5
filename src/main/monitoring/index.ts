export { createControls } from './controls';
export { MonitorStore } from './monitor-store';
export { Monitor } from './monitor';
export type { MonitorDeps } from './monitor';
