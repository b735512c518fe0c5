import type { ProgressPhase, GenerationProgress } from '../../../shared/ipc/types';

const PHASE_LABEL: Record<ProgressPhase, string> = {
  analyze: 'Reading the brief',
  culture: 'Gathering cultural data',
  generate: 'Writing personas',
  validate: 'Validating',
  store: 'Saving',
};
const PHASES = Object.keys(PHASE_LABEL) as ProgressPhase[];

export function ProgressBar({ progress }: { progress: GenerationProgress | null }) {
  const phaseIndex = progress ? PHASES.indexOf(progress.phase) : 0;
  const within = progress && progress.total > 0 ? progress.done / progress.total : 0;
  const percent = Math.round(((phaseIndex + within) / PHASES.length) * 100);
  const label = progress ? `${PHASE_LABEL[progress.phase]} (${progress.done}/${progress.total})` : 'Starting';
  return (
    <div className="progress">
      <div role="progressbar" aria-label="Generation progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-valuetext={label}>
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <p>{label}</p>
    </div>
  );
}
