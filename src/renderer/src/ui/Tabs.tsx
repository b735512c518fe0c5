/**
 * Tabs in the ARIA pattern: one tab stop for the tab list (the selected tab), arrow keys, Home
 * and End move between tabs and select them. A panel is built the first time it is selected and
 * kept (hidden) afterwards, so what it holds (a draft, a request running) outlives a look at
 * another tab; every panel element exists from the start, as each tab's aria-controls names one.
 */
import { useState, type KeyboardEvent, type ReactNode } from 'react';
import './tabs.css';

export interface TabSpec<T extends string> {
  id: T;
  label: ReactNode;
  content: () => ReactNode;
}

interface TabsProps<T extends string> {
  /** Names the tab list. */
  label: string;
  /** Prefix of the tabs' and panels' ids, unique in the page. */
  idPrefix: string;
  tabs: ReadonlyArray<TabSpec<T>>;
  selected: T;
  onSelect: (id: T) => void;
}

export const tabId = (idPrefix: string, id: string): string => `${idPrefix}-tab-${id}`;

export function Tabs<T extends string>({ label, idPrefix, tabs, selected, onSelect }: TabsProps<T>) {
  const [built, setBuilt] = useState<ReadonlySet<T>>(() => new Set([selected]));
  // Derived during render (React's pattern for state that follows a prop): the selected panel is built.
  if (!built.has(selected)) setBuilt(new Set([...built, selected]));

  const move = (event: KeyboardEvent) => {
    const at = tabs.findIndex((t) => t.id === selected);
    const to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    const next = tabs[(to + tabs.length) % tabs.length]!;
    onSelect(next.id);
    document.getElementById(tabId(idPrefix, next.id))?.focus();
  };

  return (
    <>
      <div role="tablist" aria-label={label} className="tabs" onKeyDown={move}>
        {tabs.map((tab) => (
          <button
            key={tab.id}
            type="button"
            role="tab"
            id={tabId(idPrefix, tab.id)}
            aria-selected={tab.id === selected}
            aria-controls={`${idPrefix}-panel-${tab.id}`}
            tabIndex={tab.id === selected ? 0 : -1}
            className={tab.id === selected ? 'tab tab-selected' : 'tab'}
            onClick={() => onSelect(tab.id)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {tabs.map((tab) => (
        <div key={tab.id} role="tabpanel" id={`${idPrefix}-panel-${tab.id}`} aria-labelledby={tabId(idPrefix, tab.id)} hidden={tab.id !== selected} className="tab-panel">
          {built.has(tab.id) && tab.content()}
        </div>
      ))}
    </>
  );
}
