/**
 * A failure said in one line, with the one thing to do about it (Retry, Dismiss) when there is one.
 * With an id it can take focus (tabIndex -1), so an action that failed can lead the keyboard to why.
 */
import type { ReactNode } from 'react';

export function ErrorNotice({ children, action, id }: { children: ReactNode; action?: { label: string; onClick: () => void }; id?: string }) {
  return (
    <div className="banner banner-error" role="alert" {...(id ? { id, tabIndex: -1 } : {})}>
      {children}
      {action && (
        <>
          {' '}
          <button type="button" className="secondary" onClick={action.onClick}>
            {action.label}
          </button>
        </>
      )}
    </div>
  );
}
