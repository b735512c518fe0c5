/**
 * The dashboard's client state: the range chosen and the rolling buffer of live points the live
 * charts draw. Everything read from the core is in the query cache (dashboard-queries.ts).
 */
import { create } from 'zustand';
import type { LiveMetrics } from '../../../shared/ipc/types';
import { appendBounded, pointFromLive, type ChartPoint } from './chart-points';
import type { RangeId } from './ranges';

export const DASHBOARD_TABS = ['overview', 'engines', 'caching', 'resources', 'optimization'] as const;
export type DashboardTab = (typeof DASHBOARD_TABS)[number];

const TAB_KEY = 'persona-studio.dashboard-tab';

/** The tab shown last in this window: a reload comes back to it. */
function savedTab(): DashboardTab {
  try {
    const saved = sessionStorage.getItem(TAB_KEY);
    return DASHBOARD_TABS.find((tab) => tab === saved) ?? 'overview';
  } catch {
    return 'overview';
  }
}

/** The Dashboard heading's id: focus goes there when the control that had it goes away. */
export const DASHBOARD_TITLE_ID = 'dashboard-title';

interface DashboardState {
  range: RangeId;
  tab: DashboardTab;
  setTab: (tab: DashboardTab) => void;
  liveBuffer: ChartPoint[];
  setRange: (range: RangeId) => void;
  appendLive: (metrics: LiveMetrics) => void;
  /** Empties the live buffer, so that the charts of a new visit do not join points from the last one. */
  resetLive: () => void;
}

export const useDashboardState = create<DashboardState>((set, get) => ({
  range: 'live',
  tab: savedTab(),
  setTab: (tab) => {
    try {
      sessionStorage.setItem(TAB_KEY, tab);
    } catch {
      // Without storage the tab is only remembered until a reload.
    }
    set({ tab });
  },
  liveBuffer: [],
  setRange: (range) => set({ range }),
  appendLive: (metrics) => set({ liveBuffer: appendBounded(get().liveBuffer, pointFromLive(metrics)) }),
  resetLive: () => set({ liveBuffer: [] }),
}));
