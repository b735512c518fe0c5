/**
 * The dashboard's client state: the range chosen and the rolling buffer of live points the live
 * charts draw. Everything read from the core is in the query cache (dashboard-queries.ts).
 */
import { create } from 'zustand';
import type { LiveMetrics } from '../../../shared/ipc/types';
import { appendBounded, pointFromLive, type ChartPoint } from './chart-points';
import type { RangeId } from './ranges';

/** The Dashboard heading's id: focus goes there when the control that had it goes away. */
export const DASHBOARD_TITLE_ID = 'dashboard-title';

interface DashboardState {
  range: RangeId;
  liveBuffer: ChartPoint[];
  setRange: (range: RangeId) => void;
  appendLive: (metrics: LiveMetrics) => void;
  /** Empties the live buffer, so that the charts of a new visit do not join points from the last one. */
  resetLive: () => void;
}

export const useDashboardState = create<DashboardState>((set, get) => ({
  range: 'live',
  liveBuffer: [],
  setRange: (range) => set({ range }),
  appendLive: (metrics) => set({ liveBuffer: appendBounded(get().liveBuffer, pointFromLive(metrics)) }),
  resetLive: () => set({ liveBuffer: [] }),
}));
