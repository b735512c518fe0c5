/** Two or three concept tests of the run side by side: their distributions drawn together, then a table of the figures. */
import type { ConceptTest } from '../../../shared/conversations';
import { formatMean, LIKELIHOOD_WORDS, LIKELIHOODS } from './ask-labels';
import { CompareFigure } from './concept-figures';

export const CONCEPT_COMPARE_ID = 'concept-compare-heading';

export function ConceptCompare({ tests, onClear }: { tests: readonly ConceptTest[]; onClear: () => void }) {
  return (
    <section className="concept-compare" aria-labelledby={CONCEPT_COMPARE_ID}>
      <header>
        <h4 id={CONCEPT_COMPARE_ID} tabIndex={-1}>
          {tests.length} concepts compared
        </h4>
        <button type="button" className="secondary small-button" onClick={onClear}>
          Clear comparison
        </button>
      </header>
      <div className="concept-compare-body">
        <CompareFigure tests={tests} />
        <table>
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">Figure</span>
              </th>
              {tests.map((t, i) => (
                <th key={t.id} scope="col">
                  Concept {i + 1}: <span className="concept-cell-text">{t.concept.text}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">Price</th>
              {tests.map((t) => (
                <td key={t.id}>{t.concept.price ?? '—'}</td>
              ))}
            </tr>
            <tr>
              <th scope="row">Mean of 5</th>
              {tests.map((t) => (
                <td key={t.id}>
                  <strong>{formatMean(t.summary.mean)}</strong>
                </td>
              ))}
            </tr>
            {LIKELIHOODS.map((l) => (
              <tr key={l}>
                <th scope="row">
                  {l}: {LIKELIHOOD_WORDS[l]}
                </th>
                {tests.map((t) => (
                  <td key={t.id}>{t.summary.distribution[l - 1] ?? 0}</td>
                ))}
              </tr>
            ))}
            <tr>
              <th scope="row">Top reason</th>
              {tests.map((t) => (
                <td key={t.id}>{t.summary.topReasons[0] ? `${t.summary.topReasons[0].text} (×${t.summary.topReasons[0].count})` : '—'}</td>
              ))}
            </tr>
            <tr>
              <th scope="row">Top objection</th>
              {tests.map((t) => (
                <td key={t.id}>{t.summary.topObjections[0] ? `${t.summary.topObjections[0].text} (×${t.summary.topObjections[0].count})` : '—'}</td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
    </section>
  );
}
