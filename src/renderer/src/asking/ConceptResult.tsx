/**
 * One concept test: the distribution (a chart), the mean, top reasons and objections with counts,
 * the segments whose mean differs, then each persona's verdict with what it stands on.
 */
import type { ConceptTest, ConceptVerdict } from '../../../shared/conversations';
import type { Persona } from '../../../shared/persona';
import { engineLabel, plural } from '../ui/labels';
import { FIELD_WORDS, LIKELIHOOD_WORDS, formatMean, whenText } from './ask-labels';
import { DistributionFigure } from './concept-figures';
import { PersonaLink } from './persona-bits';

type RunPersona = Persona & { id: string };

export function ConceptResult({ test, headingId, personas }: { test: ConceptTest; headingId: string; personas: readonly RunPersona[] }) {
  const { summary } = test;
  const present = new Set(personas.map((p) => p.id));
  return (
    <section className="concept-result" aria-labelledby={headingId}>
      <h4 id={headingId} tabIndex={-1} className="concept-text">
        {test.concept.text}
      </h4>
      <p className="muted">
        {test.concept.price ? `Price: ${test.concept.price} · ` : ''}Tested {whenText(test.testedAt)} · {plural(test.verdicts.length, 'persona')} · mean <strong className="concept-mean">{formatMean(summary.mean)}</strong> of 5
      </p>
      <div className="concept-summary">
        <DistributionFigure test={test} />
        <div className="concept-counts">
          <Counted title="Top reasons" items={summary.topReasons} empty="No reason was given." />
          <Counted title="Top objections" items={summary.topObjections} empty="No objection was raised." />
          <div>
            <h5>Segments that differ</h5>
            {summary.segments.length === 0 ? (
              <p className="muted">No age band, place or income bracket differs from the set.</p>
            ) : (
              <ul>
                {summary.segments.map((s) => (
                  <li key={`${s.by}-${s.label}`}>
                    {s.label}: mean {formatMean(s.mean)} <span className="muted">({plural(s.personas, 'persona')}; the set {formatMean(summary.mean)})</span>
                  </li>
                ))}
              </ul>
            )}
          </div>
        </div>
      </div>
      <h5 className="verdicts-title">Each persona’s verdict</h5>
      <ul className="verdicts">
        {test.verdicts.map((v) => (
          <Verdict key={v.personaId} verdict={v} present={present.has(v.personaId)} />
        ))}
      </ul>
    </section>
  );
}

function Counted({ title, items, empty }: { title: string; items: ReadonlyArray<{ text: string; count: number }>; empty: string }) {
  return (
    <div>
      <h5>{title}</h5>
      {items.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul>
          {items.map((item) => (
            <li key={item.text}>
              {item.text} <span className="count-pill">×{item.count}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Verdict({ verdict, present }: { verdict: ConceptVerdict; present: boolean }) {
  const offline = verdict.source.engine === 'offline';
  return (
    <li className="verdict">
      <p className="verdict-head">
        <strong>
          <PersonaLink id={verdict.personaId} name={verdict.personaName} present={present} />
        </strong>
        <span className={`likelihood likelihood-${verdict.likelihood}`}>
          {verdict.likelihood} of 5 · {LIKELIHOOD_WORDS[verdict.likelihood]}
        </span>
      </p>
      <Reasons title="Reasons" items={verdict.reasons} />
      <Reasons title="Objections" items={verdict.objections} />
      {verdict.changeMind && (
        <p>
          <span className="verdict-label">Would change their mind:</span> {verdict.changeMind}
        </p>
      )}
      {verdict.rules.length > 0 && (
        <div className="verdict-rules">
          <span className="verdict-label">Rules that set the score</span>
          <ul>
            {verdict.rules.map((rule) => (
              <li key={rule}>{rule}</li>
            ))}
          </ul>
        </div>
      )}
      <p className="answer-source">{offline ? 'Scored by the built-in engine’s rules, from the profile only.' : `Judged by ${engineLabel(verdict.source.engine)}${verdict.source.model ? ` (${verdict.source.model})` : ''}.`}</p>
    </li>
  );
}

function Reasons({ title, items }: { title: string; items: ConceptVerdict['reasons'] }) {
  if (items.length === 0) return null;
  return (
    <div>
      <span className="verdict-label">{title}</span>
      <ul>
        {items.map((r) => (
          <li key={r.text}>
            {r.text} <span className="field-tag">from the {FIELD_WORDS[r.field]}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
