/** A failure said in one line, with the one thing to do about it (Retry, Dismiss) when there is one. */
import type { ReactNode } from 'react';

export function ErrorNotice({ children, action }: { children: ReactNode; action?: { label: string; onClick: () => void } }) {
  return (
    <div className="banner banner-error" role="alert">
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
