/**
 * The concept tests' drawings, with recharts: loaded only when a result is shown (concept-figures.tsx
 * imports this lazily), so recharts stays out of the Workshop's first screen. The figure around
 * each names it and reads its values; the drawing itself is hidden from screen readers and takes
 * no focus (recharts' keyboard layer is off, as on the dashboard).
 */
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ConceptTest } from '../../../shared/conversations';
import { LIKELIHOOD_WORDS, LIKELIHOODS } from './ask-labels';

export const CHART_HEIGHT = 180;
export const SERIES_COLORS = ['#3b5bdb', '#e8590c', '#2b8a3e'] as const;
const AXIS_TICK = { fontSize: 11, fill: '#5f6470' };
const INK_TEXT = { color: '#1d1f24' };
const MARGIN = { top: 8, right: 8, bottom: 0, left: 0 };

const tickOf = (likelihood: number) => `${likelihood}`;

/** The count axis goes up to every persona asked, so a bar reads as a share of the set. */
function countAxis(distributions: ReadonlyArray<readonly number[]>) {
  const most = Math.max(1, ...distributions.map((d) => d.reduce((a, b) => a + b, 0)));
  // A tick for every persona while they are few; recharts' own steps skip some (0, 2, 4, 5).
  return { domain: [0, most] as [number, number], ...(most <= 10 ? { ticks: Array.from({ length: most + 1 }, (_, i) => i) } : {}) };
}

export function DistributionChart({ distribution }: { distribution: readonly number[] }) {
  const data = LIKELIHOODS.map((l) => ({ likelihood: l, personas: distribution[l - 1] ?? 0 }));
  return (
    <div className="concept-chart" aria-hidden="true">
      <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
        <BarChart data={data} margin={MARGIN} accessibilityLayer={false}>
          <CartesianGrid stroke="#e2e0da" strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="likelihood" tickFormatter={tickOf} tick={AXIS_TICK} />
          <YAxis allowDecimals={false} {...countAxis([distribution])} tick={AXIS_TICK} width={32} />
          <Tooltip labelFormatter={(l) => `${String(l)}: ${LIKELIHOOD_WORDS[Number(l)] ?? ''}`} itemStyle={INK_TEXT} labelStyle={INK_TEXT} />
          <Bar dataKey="personas" name="Personas" fill={SERIES_COLORS[0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Two or three concepts' distributions as grouped bars, one colour per concept, numbered as the table beside it. */
export function CompareChart({ tests }: { tests: readonly ConceptTest[] }) {
  const data = LIKELIHOODS.map((l) => Object.fromEntries([['likelihood', l], ...tests.map((t, i) => [`c${i}`, t.summary.distribution[l - 1] ?? 0])]) as Record<string, number>);
  return (
    <div className="concept-chart" aria-hidden="true">
      <ResponsiveContainer width="100%" height={CHART_HEIGHT + 30}>
        <BarChart data={data} margin={MARGIN} accessibilityLayer={false}>
          <CartesianGrid stroke="#e2e0da" strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="likelihood" tickFormatter={tickOf} tick={AXIS_TICK} />
          <YAxis allowDecimals={false} {...countAxis(tests.map((t) => t.summary.distribution))} tick={AXIS_TICK} width={32} />
          <Tooltip itemStyle={INK_TEXT} labelStyle={INK_TEXT} />
          <Legend wrapperStyle={{ fontSize: 12 }} formatter={(value) => <span style={INK_TEXT}>{value}</span>} />
          {tests.map((t, i) => (
            <Bar key={t.id} dataKey={`c${i}`} name={`Concept ${i + 1}`} fill={SERIES_COLORS[i % SERIES_COLORS.length]} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
