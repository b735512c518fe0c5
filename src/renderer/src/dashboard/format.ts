/** Formatting for the dashboard: a missing figure is always "—", never an invented 0. */

export { humanize } from '../../../shared/monitor-units';

export const DASH = '—';

const clock = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const clockSeconds = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
const dayClock = new Intl.DateTimeFormat(undefined, { weekday: 'short', hour: '2-digit', minute: '2-digit' });
const dateTime = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' });
const integer = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });

/** A 0-1 rate as a percentage. */
export function formatRate(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? DASH : `${Math.round(rate * 100)} %`;
}

/** A 0-100 figure as a percentage. */
export function formatPercent(value: number | null | undefined): string {
  return value === null || value === undefined ? DASH : `${Math.round(value)} %`;
}

/** Milliseconds in the unit that reads best. */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return DASH;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined) return DASH;
  return Math.abs(value) >= 1000 ? integer.format(value) : decimal.format(value);
}

export function formatMb(value: number | null | undefined): string {
  return value === null || value === undefined ? DASH : `${integer.format(value)} MB`;
}

export function formatClock(at: number, withSeconds = false): string {
  return (withSeconds ? clockSeconds : clock).format(at);
}

export function formatDayClock(at: number): string {
  return dayClock.format(at);
}

export function formatDateTime(at: number): string {
  return dateTime.format(at);
}
