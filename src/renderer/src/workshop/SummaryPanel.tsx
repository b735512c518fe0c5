/**
 * The executive summary above the cards: four paragraphs (who they are, what they share, where they
 * differ, what it suggests), the shared needs and pain points with how many hold each and a quote,
 * the segments as shares, and how it was made. Read with runs:summary; read again whenever the
 * run's personas change (run-queries.ts). Open or closed for the session, by a disclosure button.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { SetSummary, SummarySegment, SummaryTheme } from '../../../shared/summary';
import { messageOf } from '../app/api-client';
import { useApi } from '../app/api-context';
import { FOCUS_IDS, focusWhenShown } from '../app/focus';
import { ErrorNotice } from '../ui/ErrorNotice';
import { plural } from '../ui/labels';
import { runSummaryQuery } from './run-queries';
import { PROSE_SECTIONS, THEMES_SHOWN, THEME_KIND_LABELS, methodLabel, segmentShares, share, summaryGist, themeCountLabel, themesTitle } from './summary-labels';
import { useSummaryState } from './summary-state';
import './summary.css';

export const SUMMARY_IDS = { toggle: 'summary-toggle', body: 'summary-body', themes: 'summary-theme-list' } as const;

export function SummaryPanel({ runId, personaIds, saved }: { runId: string; personaIds: readonly string[]; saved: boolean }) {
  const api = useApi();
  const open = useSummaryState((s) => s.open);
  const toggle = useSummaryState((s) => s.toggle);
  const empty = personaIds.length === 0;
  const query = useQuery({ ...runSummaryQuery(api, runId), enabled: saved && !empty });
  const summary = query.data;
  if (!saved) return null;
  const retry = () => {
    void query.refetch();
    focusWhenShown(SUMMARY_IDS.toggle, { onlyIfLost: true });
  };

  return (
    <section className={`summary${open ? '' : ' summary-closed'}`} aria-labelledby={SUMMARY_IDS.toggle} aria-busy={query.isFetching}>
      <header className="summary-header">
        <h3>
          <button type="button" id={SUMMARY_IDS.toggle} className="summary-toggle" aria-expanded={open} aria-controls={SUMMARY_IDS.body} onClick={toggle}>
            Executive summary
          </button>
        </h3>
        {!open && !summary && query.isError && <span className="summary-gist muted">Could not be made: open it to try again</span>}
        {summary && !empty && (
          <>
            {query.isFetching ? (
              <span className="summary-gist muted">Updating for the changed personas…</span>
            ) : (
              !open && summaryGist(summary) && <span className="summary-gist muted">{summaryGist(summary)}</span>
            )}
            <span className={`summary-method summary-method-${summary.method}`}>{methodLabel(summary)}</span>
          </>
        )}
      </header>
      <div id={SUMMARY_IDS.body} className="summary-body" hidden={!open}>
        {empty ? (
          <p className="summary-empty muted">No personas in this run, so there is nothing to summarise. Generate or fill a gap to add some.</p>
        ) : query.isError && !summary ? (
          <ErrorNotice action={{ label: 'Retry', onClick: retry }}>
            <strong>The summary could not be made.</strong> {messageOf(query.error)}
          </ErrorNotice>
        ) : summary ? (
          <>
            {query.isError && !query.isFetching && (
              <ErrorNotice action={{ label: 'Retry', onClick: retry }}>
                <strong>This summary is from before the last change to the personas:</strong> reading it again failed. {messageOf(query.error)}
              </ErrorNotice>
            )}
            <SummaryContent summary={summary} personaIds={personaIds} />
          </>
        ) : (
          <SummaryLoading count={personaIds.length} />
        )}
      </div>
    </section>
  );
}

/** Takes the reader to a persona's card: its heading focused at the top of the view, the card marked for a moment. */
function showCard(personaId: string): void {
  const heading = document.getElementById(FOCUS_IDS.heading(personaId));
  const card = heading?.closest<HTMLElement>('.persona-card');
  if (!heading || !card) return;
  heading.focus({ preventScroll: true });
  // The whole card from its top, clear of the top bar (scroll-padding-top).
  card.scrollIntoView({ block: 'start' });
  card.classList.remove('summary-flash');
  // Read layout between removing and adding, so that a second click starts the mark again.
  void card.offsetWidth;
  card.classList.add('summary-flash');
  card.addEventListener('animationend', () => card.classList.remove('summary-flash'), { once: true });
}

function SummaryLoading({ count }: { count: number }) {
  return (
    <div className="summary-loading">
      <p className="summary-loading-text">
        <span className="spinner" aria-hidden="true" />
        Summarising {plural(count, 'persona')}…
      </p>
      <div className="summary-prose" aria-hidden="true">
        {PROSE_SECTIONS.map(({ key }) => (
          <div key={key} className="summary-skeleton">
            <span />
            <span />
            <span />
          </div>
        ))}
      </div>
    </div>
  );
}

function SummaryContent({ summary, personaIds }: { summary: SetSummary; personaIds: readonly string[] }) {
  const [allThemes, setAllThemes] = useState(false);
  const segments = summary.segments.filter((s) => segmentShares(s).length > 0);
  const themes = allThemes ? summary.themes : summary.themes.slice(0, THEMES_SHOWN);
  const hidden = summary.themes.length - THEMES_SHOWN;
  return (
    <>
      {summary.fallbackReason && (
        <p className="summary-fallback">
          <strong>The model was not used:</strong> {summary.fallbackReason}
        </p>
      )}
      <div className="summary-prose">
        {PROSE_SECTIONS.map(({ key, title }) => (
          <section key={key} className="summary-paragraph" aria-labelledby={`summary-${key}`}>
            <h4 id={`summary-${key}`}>{title}</h4>
            <p>{summary.prose[key]}</p>
          </section>
        ))}
      </div>
      {(summary.themes.length > 0 || segments.length > 0) && (
        <div className="summary-facts">
          {summary.themes.length > 0 && (
            <section className="summary-themes" aria-labelledby="summary-themes-title">
              <h4 id="summary-themes-title">{themesTitle(summary)}</h4>
              <ul id={SUMMARY_IDS.themes}>
                {themes.map((theme, i) => (
                  <ThemeRow key={`${theme.kind}-${theme.label}-${i}`} theme={theme} personaCount={summary.personaCount} personaIds={personaIds} />
                ))}
              </ul>
              {hidden > 0 && (
                <button type="button" className="link-button summary-more" aria-expanded={allThemes} aria-controls={SUMMARY_IDS.themes} onClick={() => setAllThemes(!allThemes)}>
                  {allThemes ? 'Show fewer themes' : `Show all ${summary.themes.length} themes`}
                </button>
              )}
            </section>
          )}
          {segments.length > 0 && (
            <section className="summary-segments" aria-labelledby="summary-segments-title">
              <h4 id="summary-segments-title">Segments</h4>
              {segments.map((segment) => (
                <SegmentRow key={segment.by} segment={segment} />
              ))}
            </section>
          )}
        </div>
      )}
    </>
  );
}

function ThemeRow({ theme, personaCount, personaIds }: { theme: SummaryTheme; personaCount: number; personaIds: readonly string[] }) {
  const count = themeCountLabel(theme, personaCount);
  const { personaId, personaName, text } = theme.quote;
  // A persona deleted since the summary was read has no card to go to.
  const onScreen = personaIds.includes(personaId);
  return (
    <li className={`summary-theme summary-theme-${theme.kind}`}>
      <div className="summary-theme-head">
        <span className="summary-kind">{THEME_KIND_LABELS[theme.kind]}</span>
        <span className="summary-theme-label">{theme.label}</span>
        {/* The word for screen readers as text: an aria-label on a plain span is not read. */}
        <span className="summary-theme-count">
          {count}
          <span className="visually-hidden"> personas</span>
        </span>
      </div>
      <span className="summary-meter" aria-hidden="true">
        <span style={{ width: `${share(new Set(theme.personaIds).size, personaCount) * 100}%` }} />
      </span>
      <p className="summary-quote">
        <q>{text}</q>{' '}
        <span className="summary-quote-by">
          —{' '}
          {onScreen ? (
            <button type="button" className="link-button" aria-label={`${personaName}: go to the card`} onClick={() => showCard(personaId)}>
              {personaName}
            </button>
          ) : (
            personaName
          )}
        </span>
      </p>
    </li>
  );
}

function SegmentRow({ segment }: { segment: SummarySegment }) {
  const groups = segmentShares(segment);
  return (
    <div className="summary-segment">
      <p className="summary-segment-label">{segment.label}</p>
      <span className="summary-stack" aria-hidden="true">
        {groups.map((g, i) => (
          <span key={g.label} className={`swatch-${i % 6}`} style={{ width: `${g.share * 100}%` }} />
        ))}
      </span>
      <ul className="summary-chips" aria-label={segment.label}>
        {groups.map((g, i) => (
          <li key={g.label} className="summary-chip">
            <span className={`summary-dot swatch-${i % 6}`} aria-hidden="true" />
            {g.label} <span className="summary-chip-count">{g.count}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
