import { memo, useMemo, useState } from 'react';
import type { RunSummary } from '../../../shared/ipc/types';
import type { Persona, PersonaDocument } from '../../../shared/persona';
import { CULTURAL_CATEGORIES } from '../../../shared/vocabulary';
import { busyKey, isSavedRun, useGeneration } from '../state/generation';
import { MAX_COMPARED, comparedIn, useSelection } from '../state/selection';
import { ComparePanel } from './ComparePanel';
import { ExportControl } from './ExportControl';
import { CoveragePanel } from './CoveragePanel';
import { PersonaEditor } from './PersonaEditor';

const idsOf = (personas: readonly Persona[]): string[] => personas.flatMap((p) => (p.id ? [p.id] : []));

export const PersonaList = memo(function PersonaList({ document, run, edited, fromCache }: { document: PersonaDocument; run: RunSummary; edited: ReadonlySet<string>; fromCache: boolean }) {
  const pinned = useSelection((s) => s.pinned);
  const personaIds = useMemo(() => idsOf(document.personas), [document.personas]);
  const compareFull = useSelection((s) => comparedIn(s.compared, run.id, personaIds).length >= MAX_COMPARED);
  const saved = isSavedRun(run);
  // Pinned personas first, the rest in the run's order.
  const ordered = [...document.personas].sort((a, b) => Number(pinned.has(b.id ?? '')) - Number(pinned.has(a.id ?? '')));
  return (
    <section aria-label="Personas">
      <header className="run-header">
        <h2>
          {document.personas.length} personas <span className="muted">· {document.level}</span>
        </h2>
        <p className="muted">
          {run.provider} engine · {(run.durationMs / 1000).toFixed(2)} s · seed {run.seed ?? '–'} · quality {run.qualityScore ?? '–'}
          {fromCache && ' · from the cache (same brief and seed as before)'}
        </p>
        {!saved && <p className="muted">This run was not saved: it cannot be exported, edited, regenerated or filled.</p>}
        <ExportControl key={run.id} runId={run.id} disabled={!saved} />
      </header>
      <CoveragePanel personas={document.personas} ageRange={document.brief?.ageRange} runId={run.id} disabled={!saved} />
      <ComparePanel personas={document.personas} runId={run.id} />
      <ul className="persona-grid">
        {ordered.map((persona) => (
          <li key={persona.id ?? persona.name}>
            <PersonaCard
              persona={persona}
              runId={run.id}
              provider={run.provider}
              saved={saved}
              edited={persona.id !== undefined && edited.has(persona.id)}
              compareFull={compareFull}
            />
          </li>
        ))}
      </ul>
    </section>
  );
});

interface CardProps {
  persona: Persona;
  runId: string;
  provider: string;
  /** Whether the run was saved: only then can the persona be edited or regenerated. */
  saved: boolean;
  edited: boolean;
  /** Whether the comparison of this run already has MAX_COMPARED personas. */
  compareFull: boolean;
}

const PersonaCard = memo(function PersonaCard({ persona, runId, provider, saved, edited, compareFull }: CardProps) {
  const [editing, setEditing] = useState(false);
  const id = persona.id ?? '';
  const regenerate = useGeneration((s) => s.regenerate);
  const regenerating = useGeneration((s) => id !== '' && s.busy.has(busyKey(runId, id)));
  const togglePin = useSelection((s) => s.togglePin);
  const toggleCompare = useSelection((s) => s.toggleCompare);
  const isPinned = useSelection((s) => s.pinned.has(id));
  const isCompared = useSelection((s) => s.compared.runId === runId && s.compared.ids.includes(id));
  // The personas of the run shown, read when clicked: the comparison counts only those.
  const compare = () => toggleCompare(runId, id, idsOf(useGeneration.getState().document?.personas ?? []));
  const initials = persona.name
    .split(' ')
    .map((w) => w[0])
    .slice(0, 2)
    .join('');
  const repaired = persona.meta?.repaired ?? [];
  const filled = persona.meta?.filled ?? [];
  return (
    <article className="persona-card" aria-labelledby={`persona-${persona.id}`}>
      <header>
        <div className="avatar" aria-hidden="true">
          {initials}
        </div>
        <div>
          <h3 id={`persona-${persona.id}`}>{persona.name}</h3>
          <p className="muted">
            {persona.age} · {persona.occupation} · {persona.location.city}, {persona.location.country}
          </p>
        </div>
        {persona.meta?.qualityScore !== undefined && (
          <span className="score" title="Quality score" aria-label={`Quality score ${Math.round(persona.meta.qualityScore)}`}>
            {Math.round(persona.meta.qualityScore)}
          </span>
        )}
      </header>
      <p className="badges">
        {persona.meta?.source && persona.meta.source !== provider && (
          <span className="badge badge-warn" title={`Written by the ${persona.meta.source} engine because ${provider} failed`}>
            by {persona.meta.source} engine
          </span>
        )}
        {repaired.length > 0 && (
          <span className="badge badge-warn" title={repaired.join(', ')}>
            repaired {repaired.length}
          </span>
        )}
        {filled.length > 0 && (
          <span className="badge badge-warn" title={filled.join(', ')}>
            filled {filled.length}
          </span>
        )}
        {edited && <span className="badge badge-edit">edited</span>}
        {isPinned && <span className="badge badge-pin">pinned</span>}
      </p>
      {editing ? (
        <PersonaEditor persona={persona} onDone={() => setEditing(false)} />
      ) : (
        <>
          {persona.quote && <blockquote>“{persona.quote}”</blockquote>}
          <p>{persona.bio}</p>
          <div className="columns">
            <List title="Goals" items={persona.goals} />
            <List title="Pain points" items={persona.painPoints} />
          </div>
          {persona.b2b && (
            <p className="muted">
              {persona.b2b.role} · {persona.b2b.industry} · {persona.b2b.companySize} employees · {persona.b2b.decisionPower}
            </p>
          )}
          {persona.culturalProfile && (
            <dl className="culture">
              {CULTURAL_CATEGORIES.filter((c) => persona.culturalProfile![c].length > 0).map((category) => (
                <div key={category}>
                  <dt>{category}</dt>
                  <dd>{persona.culturalProfile![category].join(', ')}</dd>
                </div>
              ))}
            </dl>
          )}
          <details className="all-fields">
            <summary>All fields</summary>
            <FieldList value={persona} />
          </details>
          <div className="card-actions">
            <label className="compare-toggle">
              <input type="checkbox" checked={isCompared} disabled={!persona.id || (!isCompared && compareFull)} onChange={compare} aria-label={`Compare ${persona.name}`} />
              Compare
            </label>
            <button type="button" className="secondary" aria-pressed={isPinned} onClick={() => togglePin(id)} aria-label={`${isPinned ? 'Unpin' : 'Pin'} ${persona.name}`} disabled={!persona.id}>
              {isPinned ? 'Unpin' : 'Pin'}
            </button>
            <button type="button" className="secondary" onClick={() => void regenerate(id)} aria-label={`Regenerate ${persona.name}`} disabled={!persona.id || !saved || regenerating}>
              {regenerating ? 'Regenerating…' : 'Regenerate'}
            </button>
            <button type="button" className="secondary" onClick={() => setEditing(true)} aria-label={`Edit ${persona.name}`} disabled={!persona.id || !saved}>
              Edit
            </button>
          </div>
        </>
      )}
    </article>
  );
});

/** Every field of the persona, nested as it is stored. */
function FieldList({ value }: { value: unknown }) {
  if (Array.isArray(value)) return <span>{value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join(', ') || '—'}</span>;
  if (value && typeof value === 'object') {
    return (
      <dl className="fields">
        {Object.entries(value).map(([key, inner]) => (
          <div key={key}>
            <dt>{key}</dt>
            <dd>
              <FieldList value={inner} />
            </dd>
          </div>
        ))}
      </dl>
    );
  }
  return <span>{value === undefined || value === null || value === '' ? '—' : String(value)}</span>;
}

function List({ title, items }: { title: string; items: readonly string[] }) {
  return (
    <div>
      <h4>{title}</h4>
      <ul>
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </div>
  );
}
