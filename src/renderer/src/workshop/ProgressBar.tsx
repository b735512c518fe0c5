import { useEffect, useState } from 'react';
import type { ProgressPhase, GenerationProgress } from '../../../shared/ipc/types';
import { describeTimeLeft } from '../../../shared/time-left';

const PHASE_LABEL: Record<ProgressPhase, string> = {
  analyze: 'Reading the brief',
  culture: 'Gathering cultural data',
  generate: 'Writing personas',
  validate: 'Validating',
  store: 'Saving',
};
const PHASES = Object.keys(PHASE_LABEL) as ProgressPhase[];
const TICK_MS = 1_000;

export function ProgressBar({ progress }: { progress: GenerationProgress | null }) {
  const phaseIndex = progress ? PHASES.indexOf(progress.phase) : 0;
  const within = progress && progress.total > 0 ? progress.done / progress.total : 0;
  const percent = Math.round(((phaseIndex + within) / PHASES.length) * 100);
  const label = progress ? `${PHASE_LABEL[progress.phase]} (${progress.done}/${progress.total})` : 'Starting';
  const timeLeft = useTimeLeft(progress?.etaMs);
  return (
    <div className="progress">
      <div role="progressbar" aria-label="Generation progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-valuetext={timeLeft ? `${label}, ${timeLeft.toLowerCase()}` : label}>
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <p>
        {label}
        {/* Plain text beside the bar (not a live region): a countdown read out every second would drown the screen reader. */}
        {timeLeft && <span className="progress-eta" data-testid="generation-eta"> · {timeLeft}</span>}
      </p>
    </div>
  );
}

/**
 * The last estimate counted down between progress events (a slow model may send none for a minute);
 * null when the run has no estimate yet.
 */
function useTimeLeft(etaMs: number | null | undefined): string | null {
  const [receivedAt, setReceivedAt] = useState(() => performance.now());
  const [now, setNow] = useState(receivedAt);
  useEffect(() => {
    const at = performance.now();
    setReceivedAt(at);
    setNow(at);
    if (etaMs === null || etaMs === undefined) return;
    const timer = setInterval(() => setNow(performance.now()), TICK_MS);
    return () => clearInterval(timer);
  }, [etaMs]);
  if (etaMs === null || etaMs === undefined) return null;
  return describeTimeLeft(etaMs - Math.max(0, now - receivedAt), true);
}
