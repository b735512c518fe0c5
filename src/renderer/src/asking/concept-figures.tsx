/**
 * The concept charts as figures: named by their title, their values in the caption (what a screen
 * reader reads, the drawing being hidden), and the drawing loaded on first use with recharts.
 */
import { lazy, Suspense } from 'react';
import type { ConceptTest } from '../../../shared/conversations';
import { distributionText, formatMean } from './ask-labels';

const DistributionChart = lazy(() => import('./ConceptCharts').then((m) => ({ default: m.DistributionChart })));
const CompareChart = lazy(() => import('./ConceptCharts').then((m) => ({ default: m.CompareChart })));

/** Holds the drawing's place while recharts loads, so the page does not jump when it arrives. */
const placeholder = <div className="concept-chart concept-chart-loading" aria-hidden="true" />;

export function DistributionFigure({ test }: { test: ConceptTest }) {
  const { distribution, mean } = test.summary;
  return (
    <figure className="concept-figure" aria-label="Likelihood to buy">
      <figcaption>
        <span className="concept-figure-title">Likelihood to buy</span> <span className="muted">personas per score, 1 (would not buy) to 5 (would certainly buy)</span>
        <span className="concept-figure-values">{distributionText(distribution, mean)}</span>
      </figcaption>
      <Suspense fallback={placeholder}>
        <DistributionChart distribution={distribution} />
      </Suspense>
    </figure>
  );
}

export function CompareFigure({ tests }: { tests: readonly ConceptTest[] }) {
  return (
    <figure className="concept-figure" aria-label="Likelihood to buy, concept by concept">
      <figcaption>
        <span className="concept-figure-title">Likelihood to buy, concept by concept</span> <span className="muted">personas per score, 1 to 5</span>
        {tests.map((t, i) => (
          <span key={t.id} className="concept-figure-values">
            Concept {i + 1}: {t.summary.distribution.map((n, l) => `${l + 1}: ${n}`).join(', ')}; mean {formatMean(t.summary.mean)}
          </span>
        ))}
      </figcaption>
      <Suspense fallback={placeholder}>
        <CompareChart tests={tests} />
      </Suspense>
    </figure>
  );
}
