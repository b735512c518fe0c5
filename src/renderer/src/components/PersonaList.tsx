import type { RunSummary } from '../../../shared/ipc/types';
import type { Persona, PersonaDocument } from '../../../shared/persona';
import { CULTURAL_CATEGORIES } from '../../../shared/vocabulary';

export function PersonaList({ document, run }: { document: PersonaDocument; run: RunSummary }) {
  return (
    <section aria-label="Personas">
      <header className="run-header">
        <h2>
          {document.personas.length} personas <span className="muted">· {document.level}</span>
        </h2>
        <p className="muted">
          {run.provider} engine · {run.durationMs.toFixed(0)} ms · seed {run.seed} · quality {run.qualityScore ?? '–'}
        </p>
      </header>
      <ul className="persona-grid">
        {document.personas.map((persona) => (
          <li key={persona.id ?? persona.name}>
            <PersonaCard persona={persona} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function PersonaCard({ persona }: { persona: Persona }) {
  const initials = persona.name
    .split(' ')
    .map((w) => w[0])
    .slice(0, 2)
    .join('');
  return (
    <article className="persona-card" aria-label={persona.name}>
      <header>
        <div className="avatar" aria-hidden="true">
          {initials}
        </div>
        <div>
          <h3>{persona.name}</h3>
          <p className="muted">
            {persona.age} · {persona.occupation} · {persona.location.city}, {persona.location.country}
          </p>
        </div>
        {persona.meta?.qualityScore !== undefined && (
          <span className="score" title="Quality score">
            {Math.round(persona.meta.qualityScore)}
          </span>
        )}
      </header>
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
    </article>
  );
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
