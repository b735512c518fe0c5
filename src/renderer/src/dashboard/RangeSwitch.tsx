/** Live / 1 h / 24 h / 7 d as a radio group: Tab reaches every option, Enter or Space picks it, arrows move. */
import { useRef } from 'react';
import type { KeyboardEvent } from 'react';
import { useDashboardState } from './dashboard-state';
import { RANGES } from './ranges';

export function RangeSwitch() {
  const range = useDashboardState((s) => s.range);
  const setRange = useDashboardState((s) => s.setRange);
  const buttons = useRef<Array<HTMLButtonElement | null>>([]);

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number): void => {
    let next: number | null = null;
    if (event.key === 'ArrowRight' || event.key === 'ArrowDown') next = (index + 1) % RANGES.length;
    else if (event.key === 'ArrowLeft' || event.key === 'ArrowUp') next = (index - 1 + RANGES.length) % RANGES.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = RANGES.length - 1;
    if (next === null) return;
    event.preventDefault();
    const option = RANGES[next];
    if (!option) return;
    setRange(option.id);
    buttons.current[next]?.focus();
  };

  return (
    <div className="dash-range" role="radiogroup" aria-label="Range">
      {RANGES.map((option, index) => (
        <button
          key={option.id}
          ref={(element) => {
            buttons.current[index] = element;
          }}
          type="button"
          role="radio"
          aria-checked={range === option.id}
          className={range === option.id ? 'dash-range-option is-checked' : 'dash-range-option'}
          onClick={() => setRange(option.id)}
          onKeyDown={(event) => onKeyDown(event, index)}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}
