/**
 * "Ask the personas", under the run's cards: Interviews, Focus group and Concept tests as tabs, and
 * the conversation dialog that a card's Interview, a row's Open or History's link opens.
 */
import { useEffect, useMemo } from 'react';
import type { Persona } from '../../../shared/persona';
import { ENGINE_OPTIONS } from '../ui/labels';
import { Tabs, type TabSpec } from '../ui/Tabs';
import { adoptRun, chooseEngine, openConversation, selectTab, useAskState, type AskTab } from './ask-state';
import { useConceptTests, useFocusGroups, useInterviews } from './asking-queries';
import { ConceptPanel } from './ConceptPanel';
import { FocusGroupPanel } from './FocusGroupPanel';
import { InterviewDialog } from './InterviewDialog';
import { InterviewsPanel } from './InterviewsPanel';
import { useAnswerTokens } from './stream-state';
import './asking.css';

type RunPersona = Persona & { id: string };

export const ASK_HEADING_ID = 'ask-heading';

/** A count beside a tab's name once the list is read. */
const counted = (label: string, count: number | undefined) => (count ? `${label} (${count})` : label);

export function AskArea({ runId, personas: all }: { runId: string; personas: readonly Persona[] }) {
  useAnswerTokens();
  useEffect(() => adoptRun(runId), [runId]);
  const personas = useMemo(() => all.filter((p): p is RunPersona => typeof p.id === 'string'), [all]);
  // Another run's state (History set it for the run about to open) is not this run's.
  const mine = useAskState((s) => s.runId === runId);
  const tab = useAskState((s) => (mine ? s.tab : 'interviews'));
  const conversation = useAskState((s) => (mine ? s.conversation : null));
  const interviews = useInterviews(runId).data?.length;
  const groups = useFocusGroups(runId).data?.length;
  const tests = useConceptTests(runId).data?.length;
  const talkingTo = conversation ? personas.find((p) => p.id === conversation.personaId) : undefined;

  const tabs: ReadonlyArray<TabSpec<AskTab>> = [
    { id: 'interviews', label: counted('Interviews', interviews), content: () => <InterviewsPanel runId={runId} personas={personas} /> },
    { id: 'focus-group', label: counted('Focus group', groups), content: () => <FocusGroupPanel runId={runId} personas={personas} /> },
    { id: 'concepts', label: counted('Concept tests', tests), content: () => <ConceptPanel runId={runId} personas={personas} /> },
  ];

  return (
    <section className="ask-area" aria-labelledby={ASK_HEADING_ID}>
      <h3 id={ASK_HEADING_ID} tabIndex={-1}>
        Ask the personas
      </h3>
      <div className="ask-intro">
        <p className="muted">Interview one persona, put one question to the group, or test a concept. Everything asked is kept with the run and goes into its report.</p>
        <EngineChoice />
      </div>
      <Tabs label="Ask the personas" idPrefix="ask" tabs={tabs} selected={tab} onSelect={selectTab} />
      {talkingTo && conversation && <InterviewDialog key={`${talkingTo.id}`} runId={runId} persona={talkingTo} conversation={conversation} onClose={() => openConversation(null)} />}
    </section>
  );
}

/** Who answers: the engine chosen in Settings, or another for these questions (the built-in one answers from the profile only). */
function EngineChoice() {
  const engine = useAskState((s) => s.engine);
  return (
    <div className="ask-engine">
      <label htmlFor="ask-engine">Answered by</label>
      <select id="ask-engine" value={engine ?? ''} onChange={(e) => chooseEngine(ENGINE_OPTIONS.find((o) => o.value === e.target.value)?.value ?? null)}>
        <option value="">Default engine (Settings)</option>
        {ENGINE_OPTIONS.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
