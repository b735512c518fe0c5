/** The run on screen: its heading and export, its executive summary, who it covers, the comparison, and a card per persona (pinned first). */
import { memo, useMemo } from 'react';
import type { RunSummary } from '../../../shared/ipc/types';
import type { PersonaDocument } from '../../../shared/persona';
import { FOCUS_IDS } from '../app/focus';
import { AskArea } from '../asking/AskArea';
import { engineLabel, plural } from '../ui/labels';
import { useCurrentWorkshop, workshopLabel } from '../workshops/workshop-queries';
import { ComparePanel } from './ComparePanel';
import { CoveragePanel } from './CoveragePanel';
import { ExportControl } from './ExportControl';
import { PersonaCard, idsOf } from './PersonaCard';
import { LEVEL_LABELS } from './persona-labels';
import { isSavedRun } from './run-queries';
import { SummaryPanel } from './SummaryPanel';
import { MAX_COMPARED, comparedIn, useSelectionState } from './selection-state';

export const PersonaList = memo(function PersonaList({ document, run, edited, fromCache }: { document: PersonaDocument; run: RunSummary; edited: ReadonlySet<string>; fromCache: boolean }) {
  const pinned = useSelectionState((s) => s.pinned);
  const personaIds = useMemo(() => idsOf(document.personas), [document.personas]);
  const compareFull = useSelectionState((s) => comparedIn(s.compared, run.id, personaIds).length >= MAX_COMPARED);
  const saved = isSavedRun(run);
  const level = document.level ?? run.level;
  // Pinned personas first, the rest in the run's order.
  const ordered = [...document.personas].sort((a, b) => Number(pinned.has(b.id ?? '')) - Number(pinned.has(a.id ?? '')));
  return (
    <section aria-labelledby={FOCUS_IDS.results}>
      <header className="run-header">
        <h2 id={FOCUS_IDS.results} tabIndex={-1}>
          {plural(document.personas.length, 'persona')} <span className="muted">· {LEVEL_LABELS[level]}</span>
        </h2>
        {run.title && <p className="run-title">{run.title}</p>}
        {saved && <ElsewhereNote workshopId={run.workshopId} />}
        <p className="muted">
          {engineLabel(run.provider)} · {(run.durationMs / 1000).toFixed(2)} s · seed {run.seed ?? '–'} · quality {run.qualityScore ?? '–'}
          {fromCache && ' · from the cache (same brief and seed as before)'}
        </p>
        {!saved && <p className="muted">This run was not saved: it cannot be exported, edited, regenerated or filled.</p>}
        <ExportControl key={run.id} runId={run.id} disabled={!saved} />
      </header>
      <SummaryPanel runId={run.id} personaIds={personaIds} saved={saved} />
      <CoveragePanel personas={document.personas} ageRange={document.brief?.ageRange} runId={run.id} disabled={!saved} />
      <ComparePanel personas={document.personas} runId={run.id} />
      <ul className="persona-grid" aria-label="Persona cards">
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
      {saved && <AskArea key={run.id} runId={run.id} personas={document.personas} />}
    </section>
  );
});

/** Said when the run shown is not in the current workshop (opened from an archived one, or moved): new runs still go to the current one. */
function ElsewhereNote({ workshopId }: { workshopId: string }) {
  const { current, workshops } = useCurrentWorkshop();
  const home = workshops?.find((w) => w.id === workshopId);
  if (!current || !home || home.id === current.id) return null;
  return (
    <p className="banner run-elsewhere">
      This run is in {home.archivedAt ? 'the archived workshop ' : ''}
      {workshopLabel(home)}; new runs go to {workshopLabel(current)}.
    </p>
  );
}
