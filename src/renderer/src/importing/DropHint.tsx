/** The highlight while a file is dragged over a screen that takes drops, said to screen readers too. */
import './importing.css';

export function DropHint({ active, text }: { active: boolean; text: string }) {
  return (
    <div className={active ? 'drop-hint drop-hint-active' : 'drop-hint'} role="status">
      {active && <p>{text}</p>}
    </div>
  );
}
