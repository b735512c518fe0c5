/**
 * The performance report's charts as inline SVG (nothing is fetched when the page prints): lines
 * over time with up to two axes, and horizontal bars. A null value is a gap in its line, never a 0.
 */
import { escape } from './html-escape';

export interface LineSeries {
  label: string;
  color: string;
  values: ReadonlyArray<number | null>;
  axis: 'left' | 'right';
}

export interface AxisSpec {
  /** The axis's top value; the bottom is always 0. */
  max: number;
  format: (value: number) => string;
}

const WIDTH = 640;
const HEIGHT = 200;
const PAD = { left: 52, right: 52, top: 12, bottom: 28 };

/** A line chart of series over `times` (ms since epoch), each on its own axis. */
export function lineChart(times: readonly number[], series: readonly LineSeries[], axes: { left: AxisSpec; right?: AxisSpec }): string {
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const t0 = times[0] ?? 0;
  const span = Math.max(1, (times.at(-1) ?? 0) - t0);
  const x = (t: number) => PAD.left + (times.length > 1 ? ((t - t0) / span) * plotW : plotW / 2);
  const y = (value: number, axis: AxisSpec) => PAD.top + plotH - (Math.min(value, axis.max) / (axis.max || 1)) * plotH;
  const grid = [0, 0.25, 0.5, 0.75, 1]
    .map((f) => {
      const gy = PAD.top + plotH - f * plotH;
      const left = `<text x="${PAD.left - 4}" y="${gy + 3}" text-anchor="end">${escape(axes.left.format(f * axes.left.max))}</text>`;
      const right = axes.right ? `<text x="${WIDTH - PAD.right + 4}" y="${gy + 3}">${escape(axes.right.format(f * axes.right.max))}</text>` : '';
      return `<line x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${gy}" y2="${gy}" class="grid"/>${left}${right}`;
    })
    .join('');
  const ticks = timeTicks(t0, t0 + span)
    .map((t) => `<text x="${x(t)}" y="${HEIGHT - 10}" text-anchor="middle">${escape(tickLabel(t, span))}</text>`)
    .join('');
  const lines = series
    .map((s) => {
      const axis = s.axis === 'right' && axes.right ? axes.right : axes.left;
      return segments(s.values)
        .map((run) => {
          const coords = run.map((i) => `${x(times[i]!).toFixed(1)},${y(s.values[i]!, axis).toFixed(1)}`);
          // A lone point between gaps is a dot: a line of one point would not show.
          return coords.length === 1
            ? `<circle cx="${coords[0]!.split(',')[0]}" cy="${coords[0]!.split(',')[1]}" r="2" fill="${s.color}"/>`
            : `<polyline points="${coords.join(' ')}" fill="none" stroke="${s.color}" stroke-width="1.6" stroke-linejoin="round"/>`;
        })
        .join('');
    })
    .join('');
  const legend = series.map((s) => `<span class="key"><i style="background:${s.color}"></i>${escape(s.label)}</span>`).join('');
  return `<figure class="chart"><svg viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img">${grid}${ticks}${lines}</svg><figcaption>${legend}</figcaption></figure>`;
}

/** Horizontal bars, largest first, each labelled with its count. */
export function barChart(rows: ReadonlyArray<readonly [string, number]>): string {
  const max = Math.max(1, ...rows.map(([, n]) => n));
  const rowH = 18;
  const labelW = 170;
  const barW = WIDTH - labelW - 60;
  const body = rows
    .map(([label, n], i) => {
      const top = i * rowH + 4;
      const w = Math.max(1, (n / max) * barW);
      return `<text x="${labelW - 6}" y="${top + 11}" text-anchor="end">${escape(label)}</text><rect x="${labelW}" y="${top}" width="${w.toFixed(1)}" height="${rowH - 6}" rx="2" fill="#3b5bdb"/><text x="${labelW + w + 5}" y="${top + 11}">${n}</text>`;
    })
    .join('');
  return `<figure class="chart"><svg viewBox="0 0 ${WIDTH} ${rows.length * rowH + 8}" role="img">${body}</svg></figure>`;
}

/** An axis top that reads well: 1, 2, 2.5 or 5 times a power of ten, at least the data's peak. */
export function niceMax(values: ReadonlyArray<number | null>, floor = 1): number {
  const peak = Math.max(floor, ...values.filter((v): v is number => v !== null));
  const power = 10 ** Math.floor(Math.log10(peak));
  return [1, 2, 2.5, 5, 10].map((m) => m * power).find((m) => m >= peak) ?? peak;
}

/** Runs of consecutive measured values (indices), split at the nulls. */
function segments(values: ReadonlyArray<number | null>): number[][] {
  const runs: number[][] = [];
  let current: number[] = [];
  values.forEach((v, i) => {
    if (v === null) {
      if (current.length) runs.push(current);
      current = [];
    } else current.push(i);
  });
  if (current.length) runs.push(current);
  return runs;
}

/** About five ticks at whole hours or days, so labels never crowd. */
function timeTicks(from: number, to: number): number[] {
  const span = to - from;
  const steps = [3_600_000, 3 * 3_600_000, 6 * 3_600_000, 12 * 3_600_000, 86_400_000, 2 * 86_400_000, 7 * 86_400_000];
  const minute = [5 * 60_000, 15 * 60_000, 30 * 60_000];
  const step = [...minute, ...steps].find((s) => span / s <= 6) ?? 7 * 86_400_000;
  const ticks: number[] = [];
  for (let t = Math.ceil(from / step) * step; t <= to; t += step) ticks.push(t);
  return ticks;
}

function tickLabel(t: number, span: number): string {
  const iso = new Date(t).toISOString();
  return span > 2 * 86_400_000 ? iso.slice(5, 10) : iso.slice(11, 16);
}
